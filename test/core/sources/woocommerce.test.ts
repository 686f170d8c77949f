import { readFileSync } from 'fs';
import { join } from 'path';
import { getOrderSource } from '../../../core/sources';
import { DATA, describeWithSharedData, expectAllAccounted, rowsOf } from './helpers';

const source = getOrderSource('woocommerce');

describeWithSharedData('WooCommerce REST v3 order 727 (documented example)', () => {
	const order727 = JSON.parse(readFileSync(join(DATA, 'orders/woocommerce_rest_v3_order_727_example.json'), 'utf8'));

	it('reads the guest order: UTC date from date_created_gmt, string money as numbers, e-mail key', () => {
		const result = source.read(rowsOf([order727]), { zone: 'Asia/Tokyo' });
		expect(result.errors).toEqual([]);
		expect(result.orders).toEqual([
			{
				customerKey: 'john.doe@example.com',
				customerId: null,
				email: 'john.doe@example.com',
				orderId: '727',
				placedAt: Date.parse('2017-03-22T19:28:02Z'),
				zone: null,
				total: 29.35,
				currency: 'USD',
				discountAmount: 0,
				couponCodes: [],
				status: 'paid',
				refundedAmount: 0,
				quantity: 3,
				products: ['Woo Single #1', 'Ship Your Idea &ndash; Color: Black, Size: M Test'],
				sourceItem: 0,
			},
		]);
	});

	it('falls back to date_created in the context zone; reads coupons, negative refunds, registered customers', () => {
		const variant = {
			...order727,
			customer_id: 12,
			date_created_gmt: null,
			status: 'completed',
			discount_total: '3.00',
			coupon_lines: [
				{ id: 1, code: 'summer10', discount: '2.00' },
				{ id: 2, code: 'FREESHIP', discount: '1.00' },
			],
			refunds: [
				{ id: 9, reason: '', total: '-5.00' },
				{ id: 10, reason: '', total: '-1.35' },
			],
		};
		const [o] = source.read(rowsOf([variant]), { zone: 'America/Sao_Paulo' }).orders;
		expect(o.placedAt).toBe(Date.parse('2017-03-22T19:28:02Z'));
		expect([o.customerKey, o.customerId, o.email]).toEqual(['12', '12', 'john.doe@example.com']);
		expect(o.couponCodes).toEqual(['summer10', 'FREESHIP']);
		expect(o.discountAmount).toBe(3);
		expect(o.refundedAmount).toBeCloseTo(6.35, 10);
		expect(o.status).toBe('partially_refunded');
	});

	it('maps every WooCommerce status', () => {
		const statuses = ['completed', 'processing', 'on-hold', 'pending', 'cancelled', 'refunded', 'failed'];
		const result = source.read(rowsOf(statuses.map((status, i) => ({ ...order727, id: i + 1, status }))), { zone: 'UTC' });
		expect(result.orders.map((o) => o.status)).toEqual(['paid', 'paid', 'pending', 'pending', 'cancelled', 'refunded', 'failed']);
	});

	it('reports bad orders with field, value and item, and accounts for every item', () => {
		const bad = [
			{ ...order727, billing: { ...order727.billing, email: '' } },
			{ ...order727, total: 'abc' },
			{ ...order727, total: '-29.35' },
			{ ...order727, date_created_gmt: '22/03/2017 19:28' },
			order727,
			{ ...order727, status: 'shipped' },
			{ ...order727, total: 29.35 },
		];
		const result = source.read(rowsOf(bad), { zone: 'UTC' });
		expect(result.errors.map((e) => [e.message, e.field, e.value, e.itemIndexes])).toEqual([
			['Order 727 has no customer: billing.email is empty and customer_id is 0 (a guest)', 'billing.email', '', [0]],
			['Order 727: total "abc" is not a number', 'total', 'abc', [1]],
			['Order 727: total "-29.35" must not be negative', 'total', '-29.35', [2]],
			[
				'Order 727: date_created_gmt "22/03/2017 19:28" is ambiguous: day-first or month-first? Set the date format (e.g. dd/MM/yyyy)',
				'date_created_gmt',
				'22/03/2017 19:28',
				[3],
			],
			['Order 727: status "shipped" is not a known order status', 'status', 'shipped', [5]],
		]);
		expect(result.orders.map((o) => o.sourceItem)).toEqual([4, 6]);
		expectAllAccounted(result, bad.length);
	});
});
