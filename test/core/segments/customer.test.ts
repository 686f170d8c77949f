import { InputError } from '../../../core/errors';
import { customerReader, readSegmentField, readTags } from '../../../core/segments';

describe('reading customer fields', () => {
	test('numbers, numeric text (CRM exports), empty = unknown', () => {
		expect(readSegmentField('totalSpent', 12.5)).toBe(12.5);
		expect(readSegmentField('totalSpent', ' 1240.50 ')).toBe(1240.5);
		expect(readSegmentField('orderCount', '3')).toBe(3);
		expect(readSegmentField('totalSpent', '')).toBeNull();
		expect(readSegmentField('totalSpent', null)).toBeNull();
		expect(readSegmentField('totalSpent', undefined)).toBeNull();
	});

	test('a text, NaN, Infinity or an object where a number belongs is an error naming field and value', () => {
		const bad: Array<[unknown, string]> = [
			['abc', 'Total Spent is not a number: "abc"'],
			['$12', 'Total Spent is not a number: "$12"'],
			[NaN, 'Total Spent is not a number: NaN'],
			[Infinity, 'Total Spent is not a number: Infinity'],
			[{ amount: 1 }, 'Total Spent is not a number: {"amount":1}'],
			[true, 'Total Spent is not a number: true'],
		];
		for (const [value, message] of bad) {
			let error: unknown;
			try {
				readSegmentField('totalSpent', value);
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(InputError);
			expect((error as InputError).message).toBe(message);
			expect((error as InputError).field).toBe('Total Spent');
			expect((error as InputError).value).toBe(value);
		}
	});

	test('counts cannot be negative, shares are 0..1, NPS 0..10', () => {
		expect(() => readSegmentField('orderCount', -1)).toThrow('Order Count cannot be negative: -1');
		expect(() => readSegmentField('discountedShare', 75)).toThrow('Discounted Share must be between 0 and 1: 75');
		expect(() => readSegmentField('npsScore', 11)).toThrow('NPS Score must be between 0 and 10: 11');
		expect(readSegmentField('totalSpent', -20)).toBe(-20);
	});

	test('tags: a list, a comma-separated text, or Mailchimp quoted tags', () => {
		expect(readTags(['vip', ' fan '])).toEqual(['vip', 'fan']);
		expect(readTags('vip, horeca')).toEqual(['vip', 'horeca']);
		expect(readTags('"VIP","Blog"')).toEqual(['VIP', 'Blog']);
		expect(readTags('')).toEqual([]);
		expect(readTags(undefined)).toBeNull();
		expect(() => readTags(42)).toThrow('Tags must be a list or a text separated by commas: 42');
	});

	test('a reader fills only the fields it has getters for', () => {
		const read = customerReader<Record<string, unknown>>({
			totalSpent: (s) => s['Total Spent'],
			tags: (s) => s.Tags,
		});
		expect(read({ 'Total Spent': '99.90', Tags: 'vip' }, 0)).toMatchObject({ totalSpent: 99.9, tags: ['vip'], orderCount: null });
	});
});
