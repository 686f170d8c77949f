/**
 * WooCommerce REST API v3 orders, one order per item, as n8n's WooCommerce node returns them. All money values are
 * strings. `date_created_gmt` is UTC written without a "Z" and is preferred; `date_created` is the shop's local
 * time without an offset, read in the context zone (set it to the shop's zone). `customer_id` 0 is a guest, who is
 * known by billing.email.
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
	readText,
	refundStatus,
} from './common';
import { InputError } from '../errors';
import type { OrderSource, ReadContext } from './types';

const STATUS: Readonly<Record<string, OrderStatus>> = {
	completed: 'paid',
	processing: 'paid',
	'on-hold': 'pending',
	pending: 'pending',
	'checkout-draft': 'pending',
	cancelled: 'cancelled',
	trash: 'cancelled',
	refunded: 'refunded',
	failed: 'failed',
};

function label(json: Record<string, unknown>): string | undefined {
	return labelOf('Order', json.number) ?? labelOf('Order', json.id);
}

function readWooOrder(json: Record<string, unknown>, index: number, context: ReadContext): Order {
	const name = label(json) ?? `Order in item ${index}`;
	const billing = asObject(json.billing);
	const customerId = readText(json.customer_id);
	const email = normaliseEmail(billing?.email);
	const customerKey = customerKeyOf(customerId, email);
	if (customerKey === null) {
		throw noCustomer(name, 'billing.email', billing?.email ?? '', 'customer_id is 0 (a guest)');
	}
	const orderId = readText(json.id) ?? readText(json.number);
	if (orderId === null) {
		throw new InputError('The order has no id', 'id', json.id, 'Feed the orders as the WooCommerce node returns them.');
	}
	const placedAt = !isBlank(json.date_created_gmt)
		? readDateMs(json.date_created_gmt, 'date_created_gmt', 'UTC')
		: readDateMs(json.date_created, 'date_created', context.zone);
	const total = readAmount(json.total, 'total');
	const currency = readCurrency(json.currency, 'currency');
	const discountAmount = readAmount(json.discount_total, 'discount_total', { ifBlank: 0 });
	const couponCodes: string[] = [];
	for (const c of asArray(json.coupon_lines)) {
		const code = readText(asObject(c)?.code);
		if (code !== null) couponCodes.push(code);
	}
	let refundedAmount = 0;
	for (const r of asArray(json.refunds)) {
		// Refund totals come as "-5.00" in some versions and "5.00" in others.
		refundedAmount += readAmount(asObject(r)?.total, 'refunds.total', { ifBlank: 0, negative: 'abs' });
	}
	const status = refundStatus(mapStatus(json.status, 'status', STATUS), total, refundedAmount);
	let quantity = 0;
	const products: string[] = [];
	for (const l of asArray(json.line_items)) {
		const line = asObject(l);
		if (!line) continue;
		quantity += readAmount(line.quantity, 'line_items.quantity', { ifBlank: 0 });
		const product = readText(line.name);
		if (product !== null) products.push(product);
	}
	return makeOrder({
		customerKey,
		customerId: customerKey === customerId ? customerId : null,
		email,
		orderId,
		placedAt,
		zone: null,
		total,
		currency,
		discountAmount,
		couponCodes,
		status,
		refundedAmount,
		quantity,
		products,
		sourceItem: index,
	});
}

export const woocommerce: OrderSource = {
	id: 'woocommerce',
	name: 'WooCommerce Orders (API)',
	description: 'Orders as the WooCommerce node returns them (Order > Get Many), one order per item.',
	read: (rows, context) => readEach(rows, context, readWooOrder, label),
};
