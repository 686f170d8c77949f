/**
 * What a behavioural list is: a definition in its own file (coupon users, repeat buyers, VIPs, fans, customers,
 * prospects), registered in `registry.ts`. A list reads the normalised customer record below, takes thresholds a
 * marketer can set, and gives the reason a customer is on it ("7 of 9 orders used a coupon or discount") or null.
 */

/** The customer fields the lists read. Customer Profiles outputs all but the CRM ones (referrals, feedback, reviews, NPS, tags). */
export type SegmentField =
	| 'totalSpent'
	| 'orderCount'
	| 'purchaseDays'
	| 'frequency'
	| 'medianGapDays'
	| 'discountedOrders'
	| 'discountedShare'
	| 'largestOrderQuantity'
	| 'ageDays'
	| 'daysSinceLastPurchase'
	| 'referralCount'
	| 'feedbackCount'
	| 'reviewCount'
	| 'averageRating'
	| 'npsScore'
	| 'tags';

/**
 * The normalised customer a list sees. `null` means unknown (the field is missing or empty in the input): a
 * criterion that needs an unknown value is not met.
 */
export interface SegmentCustomer {
	totalSpent: number | null;
	orderCount: number | null;
	purchaseDays: number | null;
	/** Repeat purchase days (purchase days - 1). */
	frequency: number | null;
	medianGapDays: number | null;
	discountedOrders: number | null;
	/** 0..1 */
	discountedShare: number | null;
	largestOrderQuantity: number | null;
	/** Days from the first purchase to the as-of date. */
	ageDays: number | null;
	daysSinceLastPurchase: number | null;
	referralCount: number | null;
	feedbackCount: number | null;
	reviewCount: number | null;
	averageRating: number | null;
	/** 0..10 */
	npsScore: number | null;
	tags: string[] | null;
}

export type ThresholdValue = number | boolean | string | string[];
export type Thresholds = Record<string, ThresholdValue>;

interface ThresholdBase {
	/** Parameter name in the node (unique across all lists, camelCase). */
	name: string;
	displayName: string;
	/** One sentence in the marketer's words. */
	description: string;
	hint?: string;
	/** Shown only when this criterion of a `criteria` threshold is ticked. */
	whenCriterion?: { threshold: string; value: string };
}

export interface NumberThreshold extends ThresholdBase {
	type: 'number';
	default: number;
	min: number;
	max?: number;
	/** Decimals the editor offers (0 = whole numbers). */
	decimals?: number;
}

export interface CriteriaThreshold extends ThresholdBase {
	type: 'criteria';
	/** Alphabetical by name. */
	options: Array<{ name: string; value: string; description: string }>;
	default: string[];
}

export interface TextListThreshold extends ThresholdBase {
	/** Comma-separated words, e.g. tags. */
	type: 'textList';
	default: string;
	placeholder: string;
}

export type ThresholdSpec = NumberThreshold | CriteriaThreshold | TextListThreshold;

export interface ListDefinition<T extends Thresholds = Thresholds> {
	/** Stable key, also the label's `key` (camelCase). */
	id: string;
	/** Output and label name until the user renames it. */
	defaultName: string;
	/** What the list is, in one sentence (shown in the editor). */
	description: string;
	thresholds: ThresholdSpec[];
	/** Fields the list reads; only these are read from the input. */
	fields: SegmentField[];
	/** The reason the customer is on the list, or null. Thresholds are validated and defaulted before this is called. */
	evaluate(customer: SegmentCustomer, thresholds: T): string | null;
}
