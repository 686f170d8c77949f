import { getOrderSource } from '../../../core/sources';
import { expectAllAccounted, rowsOf } from './helpers';

const source = getOrderSource('shopify');
const ctx = { zone: 'America/Toronto' };

// Shaped like the REST Admin API order resource (as n8n's Shopify node returns it), trimmed to the fields we read.
const order = (over: Record<string, unknown>) => ({
	id: 450789469,
	name: '#1001',
	email: 'Bob.Norman@mail.example.com',
	created_at: '2008-01-10T11:00:00-05:00',
	cancelled_at: null,
	currency: 'USD',
	financial_status: 'partially_refunded',
	total_price: '598.94',
	total_discounts: '10.00',
	discount_codes: [{ code: 'TENOFF', amount: '10.00', type: 'fixed_amount' }],
	customer: { id: 207119551, email: 'bob.norman@mail.example.com' },
	line_items: [
		{ id: 466157049, name: 'IPod Nano - 8gb - green', quantity: 1, product_type: 'Cult Products' },
		{ id: 518995019, name: 'IPod Nano - 8gb - red', quantity: 2 },
	],
	refunds: [
		{
			id: 509562969,
			transactions: [
				{ id: 179259969, kind: 'refund', status: 'success', amount: '209.00' },
				{ id: 179259970, kind: 'refund', status: 'failure', amount: '50.00' },
			],
			refund_line_items: [{ quantity: 1, subtotal: 199, total_tax: 3.98 }],
		},
	],
	...over,
});

describe('Shopify REST orders', () => {
	it('reads an order: customer id key, offset date, string money, codes, refunds, lines', () => {
		const result = source.read(rowsOf([order({})]), ctx);
		expect(result.errors).toEqual([]);
		expect(result.orders).toEqual([
			{
				customerKey: '207119551',
				customerId: '207119551',
				email: 'bob.norman@mail.example.com',
				orderId: '#1001',
				placedAt: Date.UTC(2008, 0, 10, 16),
				zone: null,
				total: 598.94,
				currency: 'USD',
				discountAmount: 10,
				couponCodes: ['TENOFF'],
				status: 'partially_refunded',
				refundedAmount: 209,
				quantity: 3,
				products: ['IPod Nano - 8gb - green', 'IPod Nano - 8gb - red'],
				sourceItem: 0,
			},
		]);
	});

	it('uses refund line items when there are no transactions, the e-mail when there is no customer, and cancellation', () => {
		const result = source.read(
			rowsOf([
				order({ customer: null, refunds: [{ refund_line_items: [{ subtotal: '199.00', total_tax: '3.98' }] }] }),
				order({ name: '#1002', financial_status: 'authorized', customer: { email: 'x@y.z' }, email: '' , refunds: [] }),
				order({ name: '#1003', financial_status: 'paid', cancelled_at: '2008-01-11T11:00:00-05:00', refunds: [] }),
				order({ name: '#1004', financial_status: 'voided', refunds: [] }),
			]),
			ctx,
		);
		expect(result.orders.map((o) => [o.orderId, o.customerKey, o.status, o.refundedAmount])).toEqual([
			['#1001', 'bob.norman@mail.example.com', 'partially_refunded', 202.98],
			['#1002', 'x@y.z', 'pending', 0],
			['#1003', '207119551', 'cancelled', 0],
			['#1004', '207119551', 'cancelled', 0],
		]);
	});

	it('reports bad orders with field, value and item', () => {
		const bad = [
			order({ email: null, customer: null }),
			order({ total_price: '' }),
			order({ created_at: '10/01/2008' }),
			order({ total_price: 'ten' }),
			order({ line_items: [{ name: 'x', quantity: 'many' }] }),
			order({}),
		];
		const result = source.read(rowsOf(bad), ctx);
		expect(result.errors.map((e) => [e.message, e.field, e.value, e.itemIndexes])).toEqual([
			['Order #1001 has no customer: email is empty and there is no customer id', 'email', '', [0]],
			['Order #1001: total_price is empty', 'total_price', '', [1]],
			[
				'Order #1001: created_at "10/01/2008" is ambiguous: day-first or month-first? Set the date format (e.g. dd/MM/yyyy)',
				'created_at',
				'10/01/2008',
				[2],
			],
			['Order #1001: total_price "ten" is not a number', 'total_price', 'ten', [3]],
			['Order #1001: line_items.quantity "many" is not a number', 'line_items.quantity', 'many', [4]],
		]);
		expectAllAccounted(result, bad.length);
	});
});
