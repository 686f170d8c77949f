import { readFileSync } from 'fs';
import { join } from 'path';
import { getOrderSource } from '../../../core/sources';
import { DATA, describeWithSharedData, expectAllAccounted, rowsOf } from './helpers';

const source = getOrderSource('cdnow');

describe('CDNOW log', () => {
	it('reads 4-column master lines, 5-column sample lines (customer = sample id) and field rows alike', () => {
		const result = source.read(
			rowsOf([
				{ line: ' 00002 19970112  1   12.00\r' },
				{ line: ' 00004 0001 19970118  2   29.73' },
				{ customer_id: '00002', date: '19970112', number_of_cds: '5', dollar_value: '77.00' },
				{ customer_id: 7, date: 19970305, number_of_cds: 3, dollar_value: 0 },
			]),
			{ zone: 'UTC' },
		);
		expect(result.errors).toEqual([]);
		expect(result.orders).toEqual([
			{
				customerKey: '00002',
				customerId: '00002',
				email: null,
				orderId: '',
				placedAt: Date.UTC(1997, 0, 12),
				zone: null,
				total: 12,
				currency: '',
				discountAmount: 0,
				couponCodes: [],
				status: 'paid',
				refundedAmount: 0,
				quantity: 1,
				products: [],
				sourceItem: 0,
				sourceItems: undefined,
			},
			expect.objectContaining({ customerKey: '0001', sourceItem: 1, quantity: 2, total: 29.73, placedAt: Date.UTC(1997, 0, 18) }),
			expect.objectContaining({ customerKey: '00002', sourceItem: 2, quantity: 5, total: 77, placedAt: Date.UTC(1997, 0, 12) }),
			expect.objectContaining({ customerKey: '7', sourceItem: 3, quantity: 3, total: 0, placedAt: Date.UTC(1997, 2, 5) }),
		]);
	});

	it('keeps rows on the same day as separate orders, each known by its item (the log has no order numbers)', () => {
		const result = source.read(
			rowsOf([{ line: ' 00002 19970112  1   12.00' }, { line: ' 00002 19970112  5   77.00' }]),
			{ zone: 'UTC' },
		);
		expect(result.orders.map((o) => [o.orderId, o.total, o.sourceItem, o.sourceItems])).toEqual([
			['', 12, 0, undefined],
			['', 77, 1, undefined],
		]);
	});

	it('reads the 8-digit date as midnight in the context zone', () => {
		const rows = rowsOf([{ line: '00001 19970101 1 11.77' }, { line: '00001 19970701 1 11.77' }]);
		expect(source.read(rows, { zone: 'America/New_York' }).orders.map((o) => new Date(o.placedAt).toISOString())).toEqual([
			'1997-01-01T05:00:00.000Z',
			'1997-07-01T04:00:00.000Z',
		]);
		expect(source.read(rows, { zone: 'Asia/Tokyo' }).orders[0].placedAt).toBe(Date.UTC(1996, 11, 31, 15));
	});

	it('reports bad rows with field, value and item, and accounts for every row', () => {
		const rows = rowsOf([
			{ line: ' customer_id  date number_of_cds  dollar_value' },
			{ line: '00001 19970101 1' },
			{ customer_id: '', date: '19970101', number_of_cds: '1', dollar_value: '1' },
			{ customer_id: '00003', date: '19970231', number_of_cds: '1', dollar_value: '1' },
			{ customer_id: '00003', date: '1997-01-01', number_of_cds: '1', dollar_value: '1' },
			{ customer_id: '00003', date: '19970101', number_of_cds: 'two', dollar_value: '1' },
			{ customer_id: '00003', date: '19970101', number_of_cds: '1', dollar_value: '-1.00' },
			{ line: '00003 19970101 1 abc' },
			{ customer_id: '00003', date: '19970101', number_of_cds: 1, dollar_value: NaN },
			{ customer_id: '00003', date: '19970101', number_of_cds: 1, dollar_value: Infinity },
			{ customer_id: '00003', date: '19970101', number_of_cds: '', dollar_value: '1' },
			{ customer_id: '00003', date: undefined, number_of_cds: '1', dollar_value: '1' },
			{ customer_id: '00003', date: '19970101', number_of_cds: ' 2 ', dollar_value: ' 7 ' },
		]);
		const result = source.read(rows, { zone: 'UTC' });
		expect(result.errors.map((e) => [e.message, e.field, e.value, e.itemIndexes])).toEqual([
			[
				'line " customer_id  date number_of_cds  dollar_value" is the header line, not a purchase',
				'line',
				' customer_id  date number_of_cds  dollar_value',
				[0],
			],
			['line "00001 19970101 1" has 3 columns, not 4 or 5', 'line', '00001 19970101 1', [1]],
			['customer_id is empty: the purchase has no customer', 'customer_id', '', [2]],
			['date "19970231" is not a date in the form YYYYMMDD', 'date', '19970231', [3]],
			['date "1997-01-01" is not a date in the form YYYYMMDD', 'date', '1997-01-01', [4]],
			['number_of_cds "two" is not a number', 'number_of_cds', 'two', [5]],
			['dollar_value "-1.00" must not be negative', 'dollar_value', '-1.00', [6]],
			['dollar_value "abc" is not a number', 'dollar_value', 'abc', [7]],
			['dollar_value NaN is not a number', 'dollar_value', NaN, [8]],
			['dollar_value Infinity is not a number', 'dollar_value', Infinity, [9]],
			['number_of_cds is empty', 'number_of_cds', '', [10]],
			['date is empty', 'date', undefined, [11]],
		]);
		expect(result.orders.map((o) => [o.sourceItem, o.quantity, o.total])).toEqual([[12, 2, 7]]);
		expectAllAccounted(result, rows.length);
	});

	it('refuses an unknown time zone for every row', () => {
		const result = source.read(rowsOf([{ line: '00001 19970101 1 1' }, { line: '00001 19970101 1 1' }]), { zone: 'Mars/Base' });
		expect(result.orders).toEqual([]);
		expect(result.errors.map((e) => [e.message, e.field, e.itemIndexes])).toEqual([
			['Time zone "Mars/Base" is not an IANA time zone', 'Time Zone', [0, 1]],
		]);
	});
});

describeWithSharedData('CDNOW log (real files)', () => {
	const lines = (file: string) =>
		readFileSync(join(DATA, 'cdnow', file), 'utf8')
			.split(/\r?\n/)
			.filter((l) => /\d/.test(l));

	it('reads all 69,659 master rows without error; 23,570 customers; 80 zero-dollar rows', () => {
		const rows = rowsOf(lines('CDNOW_master.txt').map((line) => ({ line })));
		const result = source.read(rows, { zone: 'UTC' });
		expect(result.errors).toEqual([]);
		expect(result.orders).toHaveLength(69659);
		expect(new Set(result.orders.map((o) => o.customerKey)).size).toBe(23570);
		expect(result.orders.filter((o) => o.total === 0)).toHaveLength(80);
		expect(result.orders.filter((o) => o.customerKey === '00002').map((o) => [o.placedAt, o.total, o.quantity])).toEqual([
			[Date.UTC(1997, 0, 12), 12, 1],
			[Date.UTC(1997, 0, 12), 77, 5],
		]);
	});

	it('reads the 6,919 sample rows keyed by sample id: 2,357 customers, sample id 0001 = master 00004', () => {
		const rows = rowsOf(lines('CDNOW_sample.txt').map((line) => ({ line })));
		const result = source.read(rows, { zone: 'UTC' });
		expect(result.errors).toEqual([]);
		expect(result.orders).toHaveLength(6919);
		expect(new Set(result.orders.map((o) => o.customerKey)).size).toBe(2357);
		expect(result.orders.filter((o) => o.customerKey === '0001').map((o) => new Date(o.placedAt).toISOString().slice(0, 10))).toEqual([
			'1997-01-01', '1997-01-18', '1997-08-02', '1997-12-12',
		]);
	});
});
