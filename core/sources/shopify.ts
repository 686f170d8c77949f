/**
 * Shopify REST Admin API orders, one order per item, as n8n's Shopify node returns them ("Order > Get Many").
 * Money values are strings in the shop currency; created_at is ISO with an offset. The customer is customer.id,
 * else the order e-mail (or customer.email).
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
	readText,
	readEach,
} from './common';
import { InputError } from '../errors';
import type { OrderSource, ReadContext } from './types';

/** Shopify's financial_status (API) and Financial Status (CSV export) words, as canonical statuses. */
export const SHOPIFY_FINANCIAL_STATUS: Readonly<Record<string, OrderStatus>> = {
	paid: 'paid',
	pending: 'pending',
	authorized: 'pending',
	partially_paid: 'pending',
	unpaid: 'pending',
	partially_refunded: 'partially_refunded',
	refunded: 'refunded',
	voided: 'cancelled',
	expired: 'cancelled',
};

function label(json: Record<string, unknown>): string | undefined {
	return labelOf('Order', json.name) ?? labelOf('Order', json.id);
}

/** Refunded money: successful refund transactions, else the refunded line items (subtotal + tax). */
function refunded(json: Record<string, unknown>): number {
	let fromTransactions = 0;
	let sawTransaction = false;
	let fromLines = 0;
	for (const refund of asArray(json.refunds)) {
		const r = asObject(refund);
		if (!r) continue;
		for (const t of asArray(r.transactions)) {
			const tx = asObject(t);
			if (!tx) continue;
			if (tx.kind !== undefined && tx.kind !== 'refund') continue;
			if (tx.status !== undefined && tx.status !== 'success') continue;
			sawTransaction = true;
			fromTransactions += readAmount(tx.amount, 'refunds.transactions.amount', { ifBlank: 0, negative: 'abs' });
		}
		for (const l of asArray(r.refund_line_items)) {
			const line = asObject(l);
			if (!line) continue;
			fromLines += readAmount(line.subtotal, 'refunds.refund_line_items.subtotal', { ifBlank: 0, negative: 'abs' });
			fromLines += readAmount(line.total_tax, 'refunds.refund_line_items.total_tax', { ifBlank: 0, negative: 'abs' });
		}
	}
	return sawTransaction ? fromTransactions : fromLines;
}

function readShopifyOrder(json: Record<string, unknown>, index: number, context: ReadContext): Order {
	const name = label(json) ?? `Order in item ${index}`;
	const customer = asObject(json.customer);
	const customerId = readText(customer?.id);
	const emailRaw = !isBlank(json.email) ? json.email : !isBlank(json.contact_email) ? json.contact_email : customer?.email;
	const email = normaliseEmail(emailRaw);
	const customerKey = customerKeyOf(customerId, email);
	if (customerKey === null) throw noCustomer(name, 'email', emailRaw ?? '');
	const orderId = readText(json.name) ?? readText(json.id);
	if (orderId === null) {
		throw new InputError('The order has no name or id', 'id', json.id, 'Feed the orders as the Shopify node returns them.');
	}
	const placedAt = readDateMs(json.created_at, 'created_at', context.zone);
	const total = readAmount(json.total_price, 'total_price');
	const currency = readCurrency(json.currency, 'currency');
	const discountAmount = readAmount(json.total_discounts, 'total_discounts', { ifBlank: 0 });
	const couponCodes: string[] = [];
	for (const d of asArray(json.discount_codes)) {
		const code = readText(asObject(d)?.code ?? d);
		if (code !== null) couponCodes.push(code);
	}
	let status = mapStatus(json.financial_status, 'financial_status', SHOPIFY_FINANCIAL_STATUS);
	if (!isBlank(json.cancelled_at)) status = 'cancelled';
	let quantity = 0;
	const products: string[] = [];
	for (const l of asArray(json.line_items)) {
		const line = asObject(l);
		if (!line) continue;
		quantity += readAmount(line.quantity, 'line_items.quantity', { ifBlank: 0 });
		const product = readText(line.name) ?? readText(line.title);
		if (product !== null) products.push(product);
	}
	return makeOrder({
		customerKey,
		customerId,
		email,
		orderId,
		placedAt,
		zone: null,
		total,
		currency,
		discountAmount,
		couponCodes,
		status,
		refundedAmount: refunded(json),
		quantity,
		products,
		sourceItem: index,
	});
}

export const shopify: OrderSource = {
	id: 'shopify',
	name: 'Shopify Orders (API)',
	description: 'Orders as the Shopify node returns them (Order > Get Many), one order per item.',
	read: (rows, context) => readEach(rows, context, readShopifyOrder, label),
};
