import { InputError } from '../../../core/errors';
import type { Order } from '../../../core/model/order';
import { PROFILE_FIELDS } from '../../../core/model/customer';
import { buildProfiles, isEmptyValue, parseKeepFields } from '../../../core/profiles';
import { testOrder } from './orders';

describe('parseKeepFields', () => {
	test('names and dot paths, trimmed; empty entries and repeats left out; a path is kept under its last part', () => {
		const fields = parseKeepFields(' tags,, customer.note , tags, customer . note');
		expect(fields.map((f) => [f.name, f.path])).toEqual([
			['tags', 'tags'],
			['note', 'customer.note'],
		]);
		expect(fields[1].get({ customer: { note: 'hi' } })).toBe('hi');
		expect(fields[1].get({ customer: null })).toBeUndefined();
		// Own properties only: nothing from the prototype.
		expect(parseKeepFields('constructor')[0].get({})).toBeUndefined();
		expect(parseKeepFields('')).toEqual([]);
		expect(parseKeepFields(undefined)).toEqual([]);
	});

	test('errors name the entry: a profile field, two paths with one name, an empty path part, not a text', () => {
		const error = (text: unknown) => {
			try {
				parseKeepFields(text);
			} catch (e) {
				return [(e as InputError).message, (e as InputError).field, (e as InputError).value];
			}
			return null;
		};
		expect(error('tags, frequency')).toEqual([
			'Fields to Keep: "frequency" is a field Customer Profiles works out itself and cannot be kept from the items',
			'Fields to Keep',
			'frequency',
		]);
		expect(error('a.tags, tags')).toEqual(['Fields to Keep: "a.tags" and "tags" would both be kept as "tags"', 'Fields to Keep', 'tags']);
		expect(error('customer..tags')).toEqual(['Fields to Keep: "customer..tags" is not a field name or a path such as customer.tags', 'Fields to Keep', 'customer..tags']);
		expect(error(['tags'])?.[0]).toBe('Fields to Keep must be field names separated by commas, not ["tags"]');
		for (const name of PROFILE_FIELDS) expect(error(name)?.[2]).toBe(name);
		expect(PROFILE_FIELDS).toHaveLength(36);
	});
});

test('isEmptyValue: missing, null, blank text, NaN, [] and {} are empty; 0, false and dates are values', () => {
	expect([undefined, null, '', '  ', NaN, [], {}].map(isEmptyValue)).toEqual([true, true, true, true, true, true, true]);
	expect([0, false, 'x', ['a'], { a: 1 }, new Date(0)].map(isEmptyValue)).toEqual([false, false, false, false, false, false]);
});

describe('buildProfiles with kept fields', () => {
	const order = (customerKey: string, day: string, item: number, patch: Partial<Order> = {}): Order =>
		testOrder(customerKey, Date.parse(`${day}T12:00:00Z`), item, { customerId: customerKey, ...patch });

	test('newest order read wins per field, empty skipped, later input wins on the same instant, first item of an order', () => {
		const items: Array<Record<string, unknown>> = [
			{ tags: ['a'], score: 1 },
			{ tags: ['b'], score: 2 },
			{ tags: [], score: null },
			{ tags: ['late'], score: 9 },
			{ tags: ['c'] },
			{ tags: ['d'], score: 4 },
		];
		const orders = [
			order('x', '2024-01-05', 0),
			order('x', '2024-01-05', 1),
			order('x', '2024-01-07', 2, { status: 'cancelled' }),
			order('x', '2024-02-05', 3),
			order('y', '2024-01-03', 4, { sourceItems: [4, 5] }),
		];
		const keep = { fields: parseKeepFields('tags, score'), itemJson: (i: number) => items[i] };
		const r = buildProfiles(orders, { asOf: '2024-01-31', zone: 'UTC', keep });
		expect(r.profiles.map((p) => [p.profile.customerKey, p.kept])).toEqual([
			['x', { tags: ['b'], score: 2 }],
			['y', { tags: ['c'], score: 4 }],
		]);
		expect(buildProfiles(orders, { asOf: '2024-01-31', zone: 'UTC' }).profiles.every((p) => p.kept === undefined)).toBe(true);
	});
});
