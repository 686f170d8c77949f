/**
 * Canonical order records: one order per item with the fields of the Order model, named as in it. This is what the
 * Customer Profiles node's "map fields yourself" mode produces after evaluating the user's expressions, and what
 * the pack's Sample Orders node emits.
 *
 * Fields: customerId, email (one of them is needed), orderId (made up from the customer and item when missing),
 * placedAt (any date readDate accepts; the Date Format option applies), total, currency, discountAmount,
 * couponCodes and products (a list, or one comma-separated text), status (paid when missing), refundedAmount,
 * quantity.
 */
import { customerKeyOf, normaliseEmail, type Order, type OrderStatus } from '../model/order';
import {
	labelOf,
	makeOrder,
	mapStatus,
	noCustomer,
	readAmount,
	readCurrency,
	readDateMs,
	readEach,
	readList,
	readText,
} from './common';
import { InputError, showValue } from '../errors';
import type { OrderSource, ReadContext } from './types';

/** The canonical statuses, plus the words sources commonly use for them. */
const STATUS: Readonly<Record<string, OrderStatus>> = {
	paid: 'paid',
	pending: 'pending',
	partially_refunded: 'partially_refunded',
	refunded: 'refunded',
	cancelled: 'cancelled',
	failed: 'failed',
	'partially refunded': 'partially_refunded',
	completed: 'paid',
	complete: 'paid',
	processing: 'paid',
	succeeded: 'paid',
	authorized: 'pending',
	'on-hold': 'pending',
	open: 'pending',
	canceled: 'cancelled',
	voided: 'cancelled',
	void: 'cancelled',
	uncollectible: 'failed',
};

function label(json: Record<string, unknown>): string | undefined {
	return labelOf('Order', json.orderId);
}

function readRecord(json: Record<string, unknown>, index: number, context: ReadContext): Order {
	const orderIdText = readText(json.orderId);
	const name = orderIdText !== null ? `Order ${orderIdText}` : `The order in item ${index}`;
	const idRaw = json.customerId;
	if (idRaw !== undefined && idRaw !== null && typeof idRaw !== 'string' && typeof idRaw !== 'number') {
		throw new InputError(`customerId ${showValue(idRaw)} is not an id`, 'customerId', idRaw, 'Map customerId to a text or number.');
	}
	if (json.email !== undefined && json.email !== null && typeof json.email !== 'string') {
		throw new InputError(`email ${showValue(json.email)} is not an e-mail address`, 'email', json.email, 'Map email to a text.');
	}
	const email = normaliseEmail(json.email);
	const customerKey = customerKeyOf(idRaw, email);
	if (customerKey === null) throw noCustomer(name, 'email', json.email ?? '', 'customerId is empty');
	const customerId = customerKeyOf(idRaw, null);
	const placedAt = readDateMs(json.placedAt, 'placedAt', context.zone, context.dateFormat);
	const total = readAmount(json.total, 'total');
	const refundedAmount = readAmount(json.refundedAmount, 'refundedAmount', { ifBlank: 0 });
	return makeOrder({
		customerKey,
		customerId,
		email,
		orderId: orderIdText ?? `${customerKey}-${index}`,
		placedAt,
		zone: null,
		total,
		currency: readCurrency(json.currency, 'currency'),
		discountAmount: readAmount(json.discountAmount, 'discountAmount', { ifBlank: 0 }),
		couponCodes: readList(json.couponCodes, 'couponCodes'),
		status: mapStatus(json.status, 'status', STATUS, 'paid'),
		refundedAmount,
		quantity: readAmount(json.quantity, 'quantity', { ifBlank: 0 }),
		products: readList(json.products, 'products'),
		sourceItem: index,
	});
}

export const orderRecord: OrderSource = {
	id: 'orderRecord',
	name: 'Order Records',
	description:
		'Items that already have the order fields (customerId or email, placedAt, total, ...), e.g. from Sample Orders or a mapped sheet.',
	read: (rows, context) => readEach(rows, context, readRecord, label),
};
