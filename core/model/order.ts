/**
 * The canonical Order: one purchase, whatever the source (Shopify, WooCommerce, Stripe, CDNOW, a CSV mapped by hand).
 * Every source reader produces this shape; every node consumes it.
 */
export type OrderStatus =
	| 'paid'
	| 'pending'
	| 'partially_refunded'
	| 'refunded'
	| 'cancelled'
	| 'failed';

export const ORDER_STATUSES: readonly OrderStatus[] = [
	'paid',
	'pending',
	'partially_refunded',
	'refunded',
	'cancelled',
	'failed',
];

export interface Order {
	/** The customer id when the source has one, else the e-mail trimmed and lower-cased. */
	customerKey: string;
	customerId: string | null;
	/** Trimmed and lower-cased. */
	email: string | null;
	/** The order number as the source writes it ("#1001", "ch_3Mt..."); "" when the source has none (the CDNOW log). */
	orderId: string;
	/** The instant the order was placed, epoch milliseconds. */
	placedAt: number;
	/** IANA zone the source stated for this order, if any (used for its calendar day when the customer has none). */
	zone: string | null;
	/** Order total as charged, in major units (12.50), before refunds. */
	total: number;
	/** ISO 4217, upper case ("EUR"); "" when the source does not say. */
	currency: string;
	/** Discount given on the order, major units, >= 0. */
	discountAmount: number;
	/** Coupon or discount codes used, as entered. */
	couponCodes: string[];
	status: OrderStatus;
	/** Amount refunded so far, major units, >= 0. */
	refundedAmount: number;
	/** Number of units bought (sum of line quantities); 0 when unknown. */
	quantity: number;
	/** Product names or categories bought, when the source lists them (for interests). */
	products: string[];
	/** The input item this order was read from; for an order read from several items, the first of them. */
	sourceItem: number;
	/**
	 * Every input item the order was read from, ascending, set only when there are several (a Shopify CSV order has
	 * one row per line item). Most orders come from one item and leave it undefined: no list per order to allocate,
	 * which counts when a log has hundreds of thousands of rows. `sourceItemsOf` gives the list in both cases.
	 */
	sourceItems?: number[];
}

/** Every input item an order was read from, ascending. */
export function sourceItemsOf(order: Order): number[] {
	return order.sourceItems ?? [order.sourceItem];
}

/** The customer key rule: the id when there is one, else the e-mail trimmed and lower-cased. */
export function customerKeyOf(customerId: unknown, email: unknown): string | null {
	if (customerId !== undefined && customerId !== null && customerId !== '' && customerId !== 0 && customerId !== '0') {
		const id = String(customerId).trim();
		if (id) return id;
	}
	const e = normaliseEmail(email);
	return e;
}

export function normaliseEmail(email: unknown): string | null {
	if (typeof email !== 'string') return null;
	const e = email.trim().toLowerCase();
	return e ? e : null;
}
