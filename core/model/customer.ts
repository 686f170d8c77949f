/**
 * The canonical Customer: what Customer Profiles outputs, one per customer, and what Behavioral Segment,
 * Send Timing and Customer Lifetime read. Dates are ISO strings in the customer's zone; day counts are whole
 * calendar days in that zone.
 */
export interface CustomerProfile {
	customerKey: string;
	customerId: string | null;
	email: string | null;
	/** Currency of every counted order (one per profile). */
	currency: string;
	/** IANA zone the calendar days were taken in. */
	timeZone: string;

	/** ISO instant (customer's offset) of the first and last counted purchase; null for a customer with none. */
	firstPurchaseAt: string | null;
	lastPurchaseAt: string | null;
	/** yyyy-MM-dd in the customer's zone. */
	firstPurchaseDate: string | null;
	lastPurchaseDate: string | null;

	/** Orders that count (not cancelled, not fully refunded, not zero-value, unless the user keeps them). */
	orderCount: number;
	/** Distinct calendar days with a counted order (orders on the same day merge). */
	purchaseDays: number;
	/** Orders read for this customer (placed up to the as-of date), counted or not. */
	ordersRead: number;
	/** Orders placed after the as-of date: not read, only counted here. */
	ordersAfterAsOf: number;
	/** Spend of the counted orders, net of refunds (a partly refunded order counts total - refunded), 2 decimals. */
	totalSpent: number;
	/** totalSpent / orderCount (0 when no orders), 2 decimals. */
	averageOrderValue: number;
	/** Units bought across counted orders. */
	totalQuantity: number;
	largestOrderQuantity: number;
	/** Counted orders that had a discount or a coupon code. */
	discountedOrders: number;
	/** discountedOrders / orderCount (0 when no orders), 4 decimals. */
	discountedShare: number;
	couponCodes: string[];
	totalDiscount: number;
	/** Orders read that were refunded in full or in part, and the amount refunded (counted or not). */
	refundedOrders: number;
	refundedAmount: number;
	cancelledOrders: number;
	/** Products / categories bought (distinct), for interests. */
	products: string[];

	/** Gaps in days between consecutive purchase days (purchaseDays - 1 of them); the mean has 2 decimals. */
	gapCount: number;
	medianGapDays: number | null;
	meanGapDays: number | null;

	/** yyyy-MM-dd: the date the summary below is taken at (end of that day). Orders after it are not read. */
	asOf: string;
	/** Repeat purchase days: purchaseDays - 1 (0 for none). The models' x. */
	frequency: number;
	/** Days from first to last purchase day (the models' t_x), and the same in weeks. */
	recencyDays: number;
	recencyWeeks: number;
	/** Days from first purchase day to the as-of date (the models' T), and in weeks. */
	ageDays: number;
	ageWeeks: number;
	/** Days from the last purchase day to the as-of date. */
	daysSinceLastPurchase: number | null;
	/** Mean spend of the repeat purchase days (first day left out; the spend models' zbar); 0 without repeats. */
	meanRepeatSpend: number;
}

/** Every field of a CustomerProfile, as a value (the Record makes the compiler check the list is complete). */
const PROFILE_FIELD_SET: Record<keyof CustomerProfile, true> = {
	customerKey: true,
	customerId: true,
	email: true,
	currency: true,
	timeZone: true,
	firstPurchaseAt: true,
	lastPurchaseAt: true,
	firstPurchaseDate: true,
	lastPurchaseDate: true,
	orderCount: true,
	purchaseDays: true,
	ordersRead: true,
	ordersAfterAsOf: true,
	totalSpent: true,
	averageOrderValue: true,
	totalQuantity: true,
	largestOrderQuantity: true,
	discountedOrders: true,
	discountedShare: true,
	couponCodes: true,
	totalDiscount: true,
	refundedOrders: true,
	refundedAmount: true,
	cancelledOrders: true,
	products: true,
	gapCount: true,
	medianGapDays: true,
	meanGapDays: true,
	asOf: true,
	frequency: true,
	recencyDays: true,
	recencyWeeks: true,
	ageDays: true,
	ageWeeks: true,
	daysSinceLastPurchase: true,
	meanRepeatSpend: true,
};

/** The names of the CustomerProfile fields, in the order a profile lists them. */
export const PROFILE_FIELDS: readonly string[] = Object.keys(PROFILE_FIELD_SET);
