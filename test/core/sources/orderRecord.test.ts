import { DateTime } from 'luxon';
import { getOrderSource } from '../../../core/sources';
import { expectAllAccounted, rowsOf } from './helpers';

const source = getOrderSource('orderRecord');

describe('canonical order records', () => {
	it('reads every field, lists as arrays or comma-separated text, dates of any accepted kind', () => {
		const result = source.read(
			rowsOf([
				{
					customerId: 'C-1',
					email: ' Ann@Shop.com ',
					orderId: 'A-100',
					placedAt: '2024-03-05T10:12:00+01:00',
					total: '49.90',
					currency: 'eur',
					discountAmount: 5,
					couponCodes: 'SPRING, VIP ,',
					status: 'Paid',
					refundedAmount: ' 10 ',
					quantity: 2,
					products: ['Tea', 'Mug'],
				},
				{ email: 'ann@shop.com', placedAt: 1709630000, total: 12 },
				{ customerId: 42, placedAt: new Date(Date.UTC(2024, 0, 2)), total: 0, status: 'completed', couponCodes: ['A', 'B'] },
				{ email: 'b@c.d', placedAt: DateTime.fromISO('2024-02-01T00:00:00', { zone: 'Asia/Tokyo' }), total: 1, status: 'refunded' },
				{ email: 'b@c.d', placedAt: '2024-02-01', total: 1, status: 'canceled' },
			]),
			{ zone: 'Europe/Berlin' },
		);
		expect(result.errors).toEqual([]);
		expect(result.orders[0]).toEqual({
			customerKey: 'C-1',
			customerId: 'C-1',
			email: 'ann@shop.com',
			orderId: 'A-100',
			placedAt: Date.UTC(2024, 2, 5, 9, 12),
			zone: null,
			total: 49.9,
			currency: 'EUR',
			discountAmount: 5,
			couponCodes: ['SPRING', 'VIP'],
			status: 'paid',
			refundedAmount: 10,
			quantity: 2,
			products: ['Tea', 'Mug'],
			sourceItem: 0,
		});
		expect(result.orders.slice(1).map((o) => [o.customerKey, o.customerId, o.orderId, o.placedAt, o.status, o.couponCodes])).toEqual([
			['ann@shop.com', null, 'ann@shop.com-1', 1709630000000, 'paid', []],
			['42', '42', '42-2', Date.UTC(2024, 0, 2), 'paid', ['A', 'B']],
			['b@c.d', null, 'b@c.d-3', Date.UTC(2024, 0, 31, 15), 'refunded', []],
			['b@c.d', null, 'b@c.d-4', Date.UTC(2024, 0, 31, 23), 'cancelled', []],
		]);
	});

	it('reads day-first dates with the format the user sets', () => {
		const r = source.read(rowsOf([{ email: 'a@b.c', placedAt: '29-06-2020', total: 1 }]), {
			zone: 'UTC',
			dateFormat: 'dd-MM-yyyy',
		});
		expect(r.orders[0].placedAt).toBe(Date.UTC(2020, 5, 29));
	});

	it('reports bad records with field, value and item, and accounts for every item', () => {
		const rows = [
			{ orderId: 'X1', placedAt: '2024-01-01', total: 1 },
			{ email: 'a@b.c', orderId: 'X2', placedAt: '04/05/2020', total: 1 },
			{ email: 'a@b.c', orderId: 'X3', placedAt: '2024-01-01', total: 'abc' },
			{ email: 'a@b.c', orderId: 'X4', placedAt: '2024-01-01', total: -3 },
			{ email: 'a@b.c', orderId: 'X5', placedAt: '2024-01-01', total: NaN },
			{ email: 'a@b.c', placedAt: '2024-01-01', total: 1, quantity: 'two' },
			{ email: 'a@b.c', placedAt: 'garbage', total: 1 },
			{ email: 'a@b.c', placedAt: '2024-01-01', total: 1, status: 'shipped' },
			{ email: 'a@b.c', placedAt: '2024-01-01', total: '' },
			{ email: 'a@b.c', placedAt: '2024-01-01', total: Infinity },
			{ email: 'a@b.c', placedAt: '2024-01-01', total: 1, couponCodes: [{ code: 'X' }] },
			{ email: 42, placedAt: '2024-01-01', total: 1 },
			{ email: 'a@b.c', placedAt: '2024-01-01', total: '1,234.50' },
			{ email: 'a@b.c', placedAt: '2024-01-01', total: ' 7 ' },
		];
		const result = source.read(rowsOf(rows), { zone: 'UTC' });
		expect(result.errors.map((e) => [e.message, e.field, e.value, e.itemIndexes])).toEqual([
			['Order X1 has no customer: email is empty and customerId is empty', 'email', '', [0]],
			[
				'Order X2: placedAt "04/05/2020" is ambiguous: day-first or month-first? Set the date format (e.g. dd/MM/yyyy)',
				'placedAt',
				'04/05/2020',
				[1],
			],
			['Order X3: total "abc" is not a number', 'total', 'abc', [2]],
			['Order X4: total -3 must not be negative', 'total', -3, [3]],
			['Order X5: total NaN is not a number', 'total', NaN, [4]],
			['quantity "two" is not a number', 'quantity', 'two', [5]],
			['placedAt "garbage" is not a date', 'placedAt', 'garbage', [6]],
			['status "shipped" is not a known order status', 'status', 'shipped', [7]],
			['total is empty', 'total', '', [8]],
			['total Infinity is not a number', 'total', Infinity, [9]],
			['couponCodes contains {"code":"X"}, which is not text', 'couponCodes', [{ code: 'X' }], [10]],
			['email 42 is not an e-mail address', 'email', 42, [11]],
			['total "1,234.50" is not a number', 'total', '1,234.50', [12]],
		]);
		expect(result.orders.map((o) => [o.sourceItem, o.sourceItems, o.total])).toEqual([[13, undefined, 7]]);
		expectAllAccounted(result, rows.length);
	});
});
