import { getOrderSource } from '../../../core/sources';
import { expectAllAccounted, rowsOf } from './helpers';

const charges = getOrderSource('stripeCharge');
const invoices = getOrderSource('stripeInvoice');
const ctx = { zone: 'Europe/Berlin' };

// Shapes as documented for the Charge object (amounts in the smallest currency unit, created in Unix seconds).
const charge = (over: Record<string, unknown>) => ({
	id: 'ch_3MmlLrLkdIwHu7ix0snN0B15',
	object: 'charge',
	amount: 1099,
	amount_captured: 1099,
	amount_refunded: 0,
	billing_details: { address: null, email: null, name: null, phone: null },
	captured: true,
	created: 1679090539,
	currency: 'usd',
	customer: null,
	paid: true,
	receipt_email: null,
	refunded: false,
	status: 'succeeded',
	...over,
});

describe('Stripe charges', () => {
	it('reads minor units, Unix seconds, upper-case currency and the customer id', () => {
		const result = charges.read(rowsOf([charge({ customer: 'cus_NffrFeUfNV2Hib', receipt_email: 'Jenny@Example.com' })]), ctx);
		expect(result.errors).toEqual([]);
		expect(result.orders).toEqual([
			{
				customerKey: 'cus_NffrFeUfNV2Hib',
				customerId: 'cus_NffrFeUfNV2Hib',
				email: 'jenny@example.com',
				orderId: 'ch_3MmlLrLkdIwHu7ix0snN0B15',
				placedAt: 1679090539000,
				zone: null,
				total: 10.99,
				currency: 'USD',
				discountAmount: 0,
				couponCodes: [],
				status: 'paid',
				refundedAmount: 0,
				quantity: 0,
				products: [],
				sourceItem: 0,
			},
		]);
	});

	it('uses no decimals for zero-decimal currencies (JPY, KRW) and three for KWD', () => {
		const result = charges.read(
			rowsOf([
				charge({ id: 'ch_jp', currency: 'jpy', amount: 5000, customer: 'cus_1' }),
				charge({ id: 'ch_kr', currency: 'krw', amount: 12000, customer: 'cus_1' }),
				charge({ id: 'ch_kw', currency: 'kwd', amount: 12345, customer: 'cus_1' }),
			]),
			ctx,
		);
		expect(result.orders.map((o) => [o.currency, o.total])).toEqual([
			['JPY', 5000],
			['KRW', 12000],
			['KWD', 12.345],
		]);
	});

	it('falls back to billing_details.email then receipt_email, and maps refunds and failures', () => {
		const result = charges.read(
			rowsOf([
				charge({ id: 'ch_a', billing_details: { email: ' Ann@Shop.com ' }, receipt_email: 'other@shop.com' }),
				charge({ id: 'ch_b', receipt_email: 'bob@shop.com', amount_refunded: 1099, refunded: true }),
				charge({ id: 'ch_c', customer: { id: 'cus_X', object: 'customer' }, amount_refunded: 500 }),
				charge({ id: 'ch_d', customer: 'cus_Y', status: 'failed' }),
				charge({ id: 'ch_e', customer: 'cus_Y', status: 'succeeded', captured: false }),
				charge({ id: 'ch_f', customer: 'cus_Y', currency: 'jpy', amount: 3000, amount_refunded: 3000, refunded: false }),
			]),
			ctx,
		);
		expect(result.orders.map((o) => [o.orderId, o.customerKey, o.status, o.refundedAmount])).toEqual([
			['ch_a', 'ann@shop.com', 'paid', 0],
			['ch_b', 'bob@shop.com', 'refunded', 10.99],
			['ch_c', 'cus_X', 'partially_refunded', 5],
			['ch_d', 'cus_Y', 'failed', 0],
			['ch_e', 'cus_Y', 'pending', 0],
			['ch_f', 'cus_Y', 'refunded', 3000],
		]);
	});

	it('reports bad charges with field, value and item', () => {
		const bad = [
			charge({ id: 'ch_1' }),
			charge({ id: 'ch_2', customer: 'cus_1', amount: '10.99' }),
			charge({ id: 'ch_3', customer: 'cus_1', amount: 'abc' }),
			charge({ id: 'ch_4', customer: 'cus_1', created: 'last week' }),
			charge({ id: 'ch_5', customer: 'cus_1', amount: -100 }),
			charge({ id: 'ch_6', customer: 'cus_1', amount: '1099' }),
		];
		const result = charges.read(rowsOf(bad), ctx);
		expect(result.errors.map((e) => [e.message, e.field, e.value, e.itemIndexes])).toEqual([
			[
				'Charge ch_1 has no customer: billing_details.email is empty and receipt_email and customer are empty',
				'billing_details.email',
				'',
				[0],
			],
			['Charge ch_2: amount "10.99" is not a whole number', 'amount', '10.99', [1]],
			['Charge ch_3: amount "abc" is not a number', 'amount', 'abc', [2]],
			['Charge ch_4: created "last week" is not a date', 'created', 'last week', [3]],
			['Charge ch_5: amount -100 must not be negative', 'amount', -100, [4]],
		]);
		expect(result.orders.map((o) => [o.orderId, o.total])).toEqual([['ch_6', 10.99]]);
		expectAllAccounted(result, bad.length);
	});
});

// Shapes as documented for the Invoice object; discounts expanded or not.
const invoice = (over: Record<string, unknown>) => ({
	id: 'in_1MtHbELkdIwHu7ixl4OzzPMv',
	object: 'invoice',
	number: 'A1B2C3-0001',
	created: 1680644467,
	currency: 'eur',
	customer: 'cus_NeZwdNtLEOXuvB',
	customer_email: 'jennyrosen@example.com',
	status: 'paid',
	total: 2000,
	total_discount_amounts: [],
	discount: null,
	discounts: [],
	lines: { object: 'list', data: [{ description: '2 × Coffee beans (at €10.00 / month)', quantity: 2 }] },
	...over,
});

describe('Stripe invoices', () => {
	it('reads total, customer, status and lines', () => {
		const [o] = invoices.read(rowsOf([invoice({})]), ctx).orders;
		expect(o).toEqual({
			customerKey: 'cus_NeZwdNtLEOXuvB',
			customerId: 'cus_NeZwdNtLEOXuvB',
			email: 'jennyrosen@example.com',
			orderId: 'in_1MtHbELkdIwHu7ixl4OzzPMv',
			placedAt: 1680644467000,
			zone: null,
			total: 20,
			currency: 'EUR',
			discountAmount: 0,
			couponCodes: [],
			status: 'paid',
			refundedAmount: 0,
			quantity: 2,
			products: ['2 × Coffee beans (at €10.00 / month)'],
			sourceItem: 0,
		});
	});

	it('sums total_discount_amounts and reads coupon codes from discount and discounts', () => {
		const result = invoices.read(
			rowsOf([
				invoice({
					id: 'in_legacy',
					total: 1500,
					total_discount_amounts: [{ amount: 500, discount: 'di_1' }],
					discount: { id: 'di_1', object: 'discount', coupon: { id: 'SUMMER25', percent_off: 25 }, promotion_code: null },
				}),
				invoice({
					id: 'in_expanded',
					total: 1000,
					total_discount_amounts: [
						{ amount: 700, discount: 'di_2' },
						{ amount: 300, discount: 'di_3' },
					],
					discounts: [
						{ id: 'di_2', object: 'discount', coupon: { id: 'Z4OV52SU' }, promotion_code: { id: 'promo_1', code: 'WELCOME' } },
						{ id: 'di_3', object: 'discount', source: { type: 'coupon', coupon: 'LOYAL' }, promotion_code: null },
					],
				}),
				invoice({ id: 'in_ids', discounts: ['di_1MtHbE', 'di_2XyZ'] }),
				invoice({ id: 'in_jpy', currency: 'jpy', total: 1200, total_discount_amounts: [{ amount: 300 }] }),
			]),
			ctx,
		);
		expect(result.errors).toEqual([]);
		expect(result.orders.map((o) => [o.orderId, o.total, o.discountAmount, o.couponCodes])).toEqual([
			['in_legacy', 15, 5, ['SUMMER25']],
			['in_expanded', 10, 10, ['WELCOME', 'LOYAL']],
			['in_ids', 20, 0, ['di_1MtHbE', 'di_2XyZ']],
			['in_jpy', 1200, 300, []],
		]);
	});

	it('maps invoice statuses and credit notes after payment', () => {
		const result = invoices.read(
			rowsOf([
				invoice({ status: 'open' }),
				invoice({ status: 'void' }),
				invoice({ status: 'uncollectible' }),
				invoice({ status: 'paid', post_payment_credit_notes_amount: 2000 }),
				invoice({ status: 'paid', post_payment_credit_notes_amount: 500 }),
			]),
			ctx,
		);
		expect(result.orders.map((o) => [o.status, o.refundedAmount])).toEqual([
			['pending', 0],
			['cancelled', 0],
			['failed', 0],
			['refunded', 20],
			['partially_refunded', 5],
		]);
	});

	it('reports bad invoices with field, value and item', () => {
		const bad = [
			invoice({ customer: null, customer_email: null }),
			invoice({ total: NaN }),
			invoice({ total: '20.00' }),
			invoice({ created: '' }),
			invoice({ currency: 'euro' }),
			invoice({}),
		];
		const result = invoices.read(rowsOf(bad), ctx);
		expect(result.errors.map((e) => [e.message, e.field, e.itemIndexes])).toEqual([
			['Invoice A1B2C3-0001 has no customer: customer_email is empty and customer is empty', 'customer_email', [0]],
			['Invoice A1B2C3-0001: total NaN is not a number', 'total', [1]],
			['Invoice A1B2C3-0001: total "20.00" is not a whole number', 'total', [2]],
			['Invoice A1B2C3-0001: created is empty', 'created', [3]],
			['Invoice A1B2C3-0001: currency "euro" is not a currency code', 'currency', [4]],
		]);
		expectAllAccounted(result, bad.length);
	});
});
