/**
 * Stripe invoices, one per item, as the Stripe API returns them (e.g. through an HTTP Request node). `total` is in
 * the currency's smallest unit, `created` is Unix seconds. Discounts: `total_discount_amounts[].amount` summed.
 * Coupon codes come from the legacy `discount` object or the `discounts` array: a promotion code's text when it is
 * expanded, else the coupon id, else the discount id (when `discounts` is not expanded).
 */
import { customerKeyOf, normaliseEmail, type Order, type OrderStatus } from '../model/order';
import {
	asArray,
	asObject,
	isBlank,
	labelOf,
	makeOrder,
	mapStatus,
	noCustomer,
	readAmount,
	readCurrency,
	readDateMs,
	readEach,
	readMinorUnits,
	readText,
} from './common';
import { stripeCustomer } from './stripeCharge';
import { InputError } from '../errors';
import type { OrderSource, ReadContext } from './types';

const STATUS: Readonly<Record<string, OrderStatus>> = {
	paid: 'paid',
	open: 'pending',
	draft: 'pending',
	void: 'cancelled',
	uncollectible: 'failed',
};

function label(json: Record<string, unknown>): string | undefined {
	return labelOf('Invoice', json.number) ?? labelOf('Invoice', json.id);
}

/** The code a customer would recognise for one discount (object or id). */
function discountCode(discount: unknown): string | null {
	const d = asObject(discount);
	if (!d) return readText(discount);
	const promo = asObject(d.promotion_code);
	if (promo && readText(promo.code) !== null) return readText(promo.code);
	const coupon = asObject(d.coupon);
	if (coupon && readText(coupon.id) !== null) return readText(coupon.id);
	const source = asObject(d.source);
	if (source) {
		const c = asObject(source.coupon);
		const id = c ? readText(c.id) : readText(source.coupon);
		if (id !== null) return id;
	}
	return readText(d.promotion_code) ?? readText(d.coupon) ?? readText(d.id);
}

function readInvoice(json: Record<string, unknown>, index: number, context: ReadContext): Order {
	const name = label(json) ?? `Invoice in item ${index}`;
	const customer = stripeCustomer(json.customer);
	const emailRaw = !isBlank(json.customer_email) ? json.customer_email : customer.email;
	const email = normaliseEmail(emailRaw);
	const customerKey = customerKeyOf(customer.id, email);
	if (customerKey === null) throw noCustomer(name, 'customer_email', emailRaw ?? '', 'customer is empty');
	const orderId = readText(json.id) ?? readText(json.number);
	if (orderId === null) throw new InputError('The invoice has no id', 'id', json.id, 'Feed the invoices as Stripe returns them.');
	if (isBlank(json.currency)) {
		throw new InputError('currency is empty', 'currency', json.currency, 'Stripe invoices always name their currency; feed them as Stripe returns them.');
	}
	const currency = readCurrency(json.currency, 'currency');
	const placedAt = readDateMs(json.created, 'created', context.zone);
	const total = readMinorUnits(json.total, 'total', currency);
	let discountMinor = 0;
	for (const a of asArray(json.total_discount_amounts)) {
		discountMinor += readAmount(asObject(a)?.amount, 'total_discount_amounts.amount', { ifBlank: 0, integer: true });
	}
	const discountAmount = readMinorUnits(discountMinor, 'total_discount_amounts.amount', currency);
	const codes = new Set<string>();
	if (!isBlank(json.discount)) {
		const code = discountCode(json.discount);
		if (code !== null) codes.add(code);
	}
	for (const d of asArray(json.discounts)) {
		const code = discountCode(d);
		if (code !== null) codes.add(code);
	}
	const refundedAmount = readMinorUnits(json.post_payment_credit_notes_amount, 'post_payment_credit_notes_amount', currency, {
		ifBlank: 0,
	});
	let status = mapStatus(json.status, 'status', STATUS);
	if (status === 'paid' && refundedAmount > 0) status = refundedAmount >= total ? 'refunded' : 'partially_refunded';
	let quantity = 0;
	const products: string[] = [];
	for (const l of asArray(asObject(json.lines)?.data)) {
		const line = asObject(l);
		if (!line) continue;
		quantity += readAmount(line.quantity, 'lines.quantity', { ifBlank: 0 });
		const product = readText(line.description);
		if (product !== null) products.push(product);
	}
	return makeOrder({
		customerKey,
		customerId: customer.id,
		email,
		orderId,
		placedAt,
		zone: null,
		total,
		currency,
		discountAmount,
		couponCodes: [...codes],
		status,
		refundedAmount,
		quantity,
		products,
		sourceItem: index,
	});
}

export const stripeInvoice: OrderSource = {
	id: 'stripeInvoice',
	name: 'Stripe Invoices',
	description: 'Invoices as the Stripe API returns them, one invoice per item; discounts and coupon codes are read too.',
	read: (rows, context) => readEach(rows, context, readInvoice, label),
};
