/**
 * Stripe charges, one per item, as n8n's Stripe node (Charge > Get Many) or the API returns them. Amounts are
 * integers in the currency's smallest unit (cents; yen for JPY, which has none), `created` is Unix seconds, the
 * currency is lower case. The customer is `customer` (an id, or the expanded object), else the billing or receipt
 * e-mail. Charges carry no discounts.
 */
import { customerKeyOf, normaliseEmail, type Order, type OrderStatus } from '../model/order';
import {
	asObject,
	isBlank,
	labelOf,
	makeOrder,
	mapStatus,
	noCustomer,
	readCurrency,
	readDateMs,
	readEach,
	readMinorUnits,
	readText,
} from './common';
import { InputError } from '../errors';
import type { OrderSource, ReadContext } from './types';

const STATUS: Readonly<Record<string, OrderStatus>> = {
	succeeded: 'paid',
	pending: 'pending',
	failed: 'failed',
};

function label(json: Record<string, unknown>): string | undefined {
	return labelOf('Charge', json.id);
}

/** customer as an id string, or the id of an expanded customer object. */
export function stripeCustomer(value: unknown): { id: string | null; email: unknown } {
	const obj = asObject(value);
	if (obj) return { id: readText(obj.id), email: obj.email };
	return { id: readText(value), email: undefined };
}

function readCharge(json: Record<string, unknown>, index: number, context: ReadContext): Order {
	const name = label(json) ?? `Charge in item ${index}`;
	const customer = stripeCustomer(json.customer);
	const billingEmail = asObject(json.billing_details)?.email;
	const emailRaw = !isBlank(billingEmail) ? billingEmail : !isBlank(json.receipt_email) ? json.receipt_email : customer.email;
	const email = normaliseEmail(emailRaw);
	const customerKey = customerKeyOf(customer.id, email);
	if (customerKey === null) {
		throw noCustomer(name, 'billing_details.email', emailRaw ?? '', 'receipt_email and customer are empty');
	}
	const orderId = readText(json.id);
	if (orderId === null) throw new InputError('The charge has no id', 'id', json.id, 'Feed the charges as Stripe returns them.');
	if (isBlank(json.currency)) {
		throw new InputError('currency is empty', 'currency', json.currency, 'Stripe charges always name their currency; feed them as Stripe returns them.');
	}
	const currency = readCurrency(json.currency, 'currency');
	const placedAt = readDateMs(json.created, 'created', context.zone);
	const total = readMinorUnits(json.amount, 'amount', currency);
	const refundedAmount = readMinorUnits(json.amount_refunded, 'amount_refunded', currency, { ifBlank: 0 });
	let status = mapStatus(json.status, 'status', STATUS);
	if (status === 'paid') {
		if (json.captured === false) status = 'pending';
		else if (json.refunded === true || (refundedAmount > 0 && refundedAmount >= total)) status = 'refunded';
		else if (refundedAmount > 0) status = 'partially_refunded';
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
		discountAmount: 0,
		couponCodes: [],
		status,
		refundedAmount,
		quantity: 0,
		products: [],
		sourceItem: index,
	});
}

export const stripeCharge: OrderSource = {
	id: 'stripeCharge',
	name: 'Stripe Charges',
	description: 'Charges as the Stripe node returns them (Charge > Get Many), one payment per item.',
	read: (rows, context) => readEach(rows, context, readCharge, label),
};
