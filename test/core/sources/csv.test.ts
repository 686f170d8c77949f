import { csvToObjects, parseCsv } from '../../../scripts/lib/csv';

describe('scripts/lib/csv (RFC 4180)', () => {
	it('reads quoted fields with commas, doubled quotes and embedded newlines', () => {
		expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","line1\nline2\r\nline3"\r\n')).toEqual([
			['a', 'b', 'c'],
			['x, y', 'say "hi"', 'line1\nline2\r\nline3'],
		]);
	});

	it('keeps empty cells, handles LF line ends, a BOM, and a last line without line end', () => {
		expect(parseCsv('\ufeffa,b\n,\n"",x')).toEqual([
			['a', 'b'],
			['', ''],
			['', 'x'],
		]);
	});

	it('turns lines into objects keyed by header, like Extract From File', () => {
		expect(csvToObjects('Name,Total\n#1,"1,50"\n\n#2\n')).toEqual([
			{ Name: '#1', Total: '1,50' },
			{ Name: '#2', Total: '' },
		]);
	});

	it('refuses a file that ends inside quotes', () => {
		expect(() => parseCsv('a,"b\n')).toThrow('CSV ends inside a quoted field');
	});
});
