/**
 * Reading the customer fields the lists use, from a Customer Profiles item or a CRM export (numbers may arrive as
 * text, e.g. Shopify's customer CSV `Total Spent` = "1240.50"). Empty or missing means unknown; anything that is not
 * a number where one belongs is an InputError naming the field and the value.
 */
import { InputError, showValue } from '../errors';
import type { SegmentCustomer, SegmentField } from './types';

type FieldKind = 'count' | 'number' | 'share' | 'nps' | 'tags';

export interface SegmentFieldSpec {
	key: SegmentField;
	/** As the user sees it in the node (Customer Fields). */
	label: string;
	kind: FieldKind;
	/** One sentence for the editor. */
	description: string;
}

/** Every field the lists read, alphabetical by label (the order of the editor's Customer Fields). */
export const SEGMENT_FIELDS: readonly SegmentFieldSpec[] = [
	{ key: 'averageRating', label: 'Average Rating', kind: 'number', description: "The customer's average review rating, e.g. 4.6 (of 5)" },
	{ key: 'ageDays', label: 'Customer For (Days)', kind: 'count', description: 'Days from the first purchase to today (or the as-of date)' },
	{ key: 'daysSinceLastPurchase', label: 'Days Since Last Purchase', kind: 'count', description: 'Days from the last purchase to today (or the as-of date)' },
	{ key: 'discountedOrders', label: 'Discounted Orders', kind: 'count', description: 'How many orders used a coupon code or a discount' },
	{ key: 'discountedShare', label: 'Discounted Share', kind: 'share', description: 'Share of orders that used a coupon or a discount, from 0 to 1 (worked out from Discounted Orders and Order Count when empty)' },
	{ key: 'feedbackCount', label: 'Feedback Given', kind: 'count', description: 'How many times the customer answered a survey or sent feedback' },
	{ key: 'largestOrderQuantity', label: 'Largest Order Quantity', kind: 'count', description: 'The most items the customer bought in a single order' },
	{ key: 'medianGapDays', label: 'Median Days Between Purchases', kind: 'count', description: 'The usual number of days between two purchases' },
	{ key: 'npsScore', label: 'NPS Score', kind: 'nps', description: "The customer's latest Net Promoter Score answer, from 0 to 10" },
	{ key: 'orderCount', label: 'Order Count', kind: 'count', description: 'How many orders the customer placed' },
	{ key: 'purchaseDays', label: 'Purchase Days', kind: 'count', description: 'On how many different days the customer bought' },
	{ key: 'referralCount', label: 'Referrals', kind: 'count', description: 'How many new customers this customer referred' },
	{ key: 'frequency', label: 'Repeat Purchases', kind: 'count', description: 'Purchase days after the first one (worked out from Purchase Days or Order Count when empty)' },
	{ key: 'reviewCount', label: 'Review Count', kind: 'count', description: 'How many reviews the customer wrote' },
	{ key: 'tags', label: 'Tags', kind: 'tags', description: "The customer's tags: a list, or one text with the tags separated by commas" },
	{ key: 'totalSpent', label: 'Total Spent', kind: 'number', description: 'Everything the customer spent, in the store currency' },
];

export const SEGMENT_FIELD: Readonly<Record<SegmentField, SegmentFieldSpec>> = Object.fromEntries(
	SEGMENT_FIELDS.map((f) => [f.key, f]),
) as Record<SegmentField, SegmentFieldSpec>;

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function notANumber(spec: SegmentFieldSpec, value: unknown): InputError {
	return new InputError(
		`${spec.label} is not a number: ${showValue(value)}`,
		spec.label,
		value,
		`Map ${spec.label} (Customer Fields) to a field that holds a number such as 12 or "12.50", or leave the field empty when it is unknown.`,
	);
}

/** A number field: finite number, numeric text, or empty (null). */
function readNumber(spec: SegmentFieldSpec, value: unknown): number | null {
	let n: number;
	if (typeof value === 'number') {
		n = value;
	} else if (typeof value === 'string') {
		const s = value.trim();
		if (s === '') return null;
		if (!NUMERIC_TEXT.test(s)) throw notANumber(spec, value);
		n = Number(s);
	} else if (value === undefined || value === null) {
		return null;
	} else {
		throw notANumber(spec, value);
	}
	if (!Number.isFinite(n)) throw notANumber(spec, value);
	switch (spec.kind) {
		case 'count':
			if (n < 0) {
				throw new InputError(
					`${spec.label} cannot be negative: ${showValue(value)}`,
					spec.label,
					value,
					`${spec.label} counts something, so it is 0 or more. Check the field it is mapped to (Customer Fields).`,
				);
			}
			return n;
		case 'share':
			if (n < 0 || n > 1) {
				throw new InputError(
					`${spec.label} must be between 0 and 1: ${showValue(value)}`,
					spec.label,
					value,
					'Give the share as a fraction (0.75 for 75%), or leave it empty and map Discounted Orders and Order Count instead.',
				);
			}
			return n;
		case 'nps':
			if (n < 0 || n > 10) {
				throw new InputError(
					`${spec.label} must be between 0 and 10: ${showValue(value)}`,
					spec.label,
					value,
					'An NPS answer is a score from 0 (not at all likely to recommend) to 10 (extremely likely).',
				);
			}
			return n;
		default:
			return n;
	}
}

/** Tags: an array of texts, or one text separated by commas (`vip, horeca` or Mailchimp's `"VIP","Blog"`). */
export function readTags(value: unknown, label = 'Tags'): string[] | null {
	if (value === undefined || value === null) return null;
	let parts: unknown[];
	if (typeof value === 'string') parts = value.split(',');
	else if (Array.isArray(value)) parts = value;
	else {
		throw new InputError(
			`${label} must be a list or a text separated by commas: ${showValue(value)}`,
			label,
			value,
			'Map Tags (Customer Fields) to a field such as "vip, wholesale" or ["vip", "wholesale"].',
		);
	}
	const tags: string[] = [];
	for (const part of parts) {
		if (part === null || part === undefined) continue;
		if (typeof part !== 'string' && typeof part !== 'number') {
			throw new InputError(
				`${label} holds something that is not a tag: ${showValue(part)}`,
				label,
				value,
				'Each tag must be a text such as "vip".',
			);
		}
		const tag = String(part).trim().replace(/^"(.*)"$/, '$1').trim();
		if (tag) tags.push(tag);
	}
	return tags;
}

/** Reads one field's raw value into the normalised customer's type. Throws InputError on bad input. */
export function readSegmentField(field: SegmentField, value: unknown): number | string[] | null {
	const spec = SEGMENT_FIELD[field];
	return spec.kind === 'tags' ? readTags(value, spec.label) : readNumber(spec, value);
}

/** A customer with every field unknown. */
export function unknownCustomer(): SegmentCustomer {
	return {
		totalSpent: null,
		orderCount: null,
		purchaseDays: null,
		frequency: null,
		medianGapDays: null,
		discountedOrders: null,
		discountedShare: null,
		largestOrderQuantity: null,
		ageDays: null,
		daysSinceLastPurchase: null,
		referralCount: null,
		feedbackCount: null,
		reviewCount: null,
		averageRating: null,
		npsScore: null,
		tags: null,
	};
}

const NUMBER_RANGE: Record<Exclude<FieldKind, 'tags'>, [number, number]> = {
	count: [0, Infinity],
	number: [-Infinity, Infinity],
	share: [0, 1],
	nps: [0, 10],
};

/** The reader for one field: a number already in range passes straight through; anything else is checked. */
function fieldReader(field: SegmentField): (value: unknown) => number | string[] | null {
	const spec = SEGMENT_FIELD[field];
	if (spec.kind === 'tags') return (value) => readTags(value, spec.label);
	const [min, max] = NUMBER_RANGE[spec.kind];
	return (value) =>
		typeof value === 'number' && value >= min && value <= max && value !== Infinity && value !== -Infinity
			? value
			: readNumber(spec, value);
}

type Getter<S> = (source: S, index: number) => unknown;

/**
 * A reader that builds the normalised customer from a source (an input item) with one raw-value getter per field
 * it needs; fields without a getter stay unknown. The customer always has the same shape (fast in a hot loop).
 * With `reuse`, the same object is refilled and returned on every call.
 */
export function customerReader<S>(
	getters: Partial<Record<SegmentField, Getter<S>>>,
	{ reuse = false }: { reuse?: boolean } = {},
): (source: S, index: number) => SegmentCustomer {
	const unknown = () => undefined;
	const g = (f: SegmentField): Getter<S> => getters[f] ?? unknown;
	const r = fieldReader;
	const [totalSpent, orderCount, purchaseDays, frequency, medianGapDays, discountedOrders, discountedShare] = [
		g('totalSpent'),
		g('orderCount'),
		g('purchaseDays'),
		g('frequency'),
		g('medianGapDays'),
		g('discountedOrders'),
		g('discountedShare'),
	];
	const [largestOrderQuantity, ageDays, daysSinceLastPurchase, referralCount, feedbackCount] = [
		g('largestOrderQuantity'),
		g('ageDays'),
		g('daysSinceLastPurchase'),
		g('referralCount'),
		g('feedbackCount'),
	];
	const [reviewCount, averageRating, npsScore, tags] = [g('reviewCount'), g('averageRating'), g('npsScore'), g('tags')];
	const [rTotalSpent, rOrderCount, rPurchaseDays, rFrequency, rMedianGapDays, rDiscountedOrders, rDiscountedShare] = [
		r('totalSpent'),
		r('orderCount'),
		r('purchaseDays'),
		r('frequency'),
		r('medianGapDays'),
		r('discountedOrders'),
		r('discountedShare'),
	];
	const [rLargest, rAgeDays, rDaysSince, rReferrals, rFeedback, rReviews, rRating, rNps, rTags] = [
		r('largestOrderQuantity'),
		r('ageDays'),
		r('daysSinceLastPurchase'),
		r('referralCount'),
		r('feedbackCount'),
		r('reviewCount'),
		r('averageRating'),
		r('npsScore'),
		r('tags'),
	];
	if (reuse) {
		// One customer object, refilled for every source: for a hot loop whose lists keep nothing of it.
		// Fields without a getter stay null; the others are refilled.
		const c = unknownCustomer();
		const has = Object.fromEntries((Object.keys(SEGMENT_FIELD) as SegmentField[]).map((f) => [f, !!getters[f]])) as Record<SegmentField, boolean>;
		return (s, i) => {
			if (has.totalSpent) c.totalSpent = rTotalSpent(totalSpent(s, i)) as number | null;
			if (has.orderCount) c.orderCount = rOrderCount(orderCount(s, i)) as number | null;
			if (has.purchaseDays) c.purchaseDays = rPurchaseDays(purchaseDays(s, i)) as number | null;
			if (has.frequency) c.frequency = rFrequency(frequency(s, i)) as number | null;
			if (has.medianGapDays) c.medianGapDays = rMedianGapDays(medianGapDays(s, i)) as number | null;
			if (has.discountedOrders) c.discountedOrders = rDiscountedOrders(discountedOrders(s, i)) as number | null;
			if (has.discountedShare) c.discountedShare = rDiscountedShare(discountedShare(s, i)) as number | null;
			if (has.largestOrderQuantity) c.largestOrderQuantity = rLargest(largestOrderQuantity(s, i)) as number | null;
			if (has.ageDays) c.ageDays = rAgeDays(ageDays(s, i)) as number | null;
			if (has.daysSinceLastPurchase) c.daysSinceLastPurchase = rDaysSince(daysSinceLastPurchase(s, i)) as number | null;
			if (has.referralCount) c.referralCount = rReferrals(referralCount(s, i)) as number | null;
			if (has.feedbackCount) c.feedbackCount = rFeedback(feedbackCount(s, i)) as number | null;
			if (has.reviewCount) c.reviewCount = rReviews(reviewCount(s, i)) as number | null;
			if (has.averageRating) c.averageRating = rRating(averageRating(s, i)) as number | null;
			if (has.npsScore) c.npsScore = rNps(npsScore(s, i)) as number | null;
			if (has.tags) c.tags = rTags(tags(s, i)) as string[] | null;
			return c;
		};
	}
	return (s, i) =>
		({
			totalSpent: rTotalSpent(totalSpent(s, i)),
			orderCount: rOrderCount(orderCount(s, i)),
			purchaseDays: rPurchaseDays(purchaseDays(s, i)),
			frequency: rFrequency(frequency(s, i)),
			medianGapDays: rMedianGapDays(medianGapDays(s, i)),
			discountedOrders: rDiscountedOrders(discountedOrders(s, i)),
			discountedShare: rDiscountedShare(discountedShare(s, i)),
			largestOrderQuantity: rLargest(largestOrderQuantity(s, i)),
			ageDays: rAgeDays(ageDays(s, i)),
			daysSinceLastPurchase: rDaysSince(daysSinceLastPurchase(s, i)),
			referralCount: rReferrals(referralCount(s, i)),
			feedbackCount: rFeedback(feedbackCount(s, i)),
			reviewCount: rReviews(reviewCount(s, i)),
			averageRating: rRating(averageRating(s, i)),
			npsScore: rNps(npsScore(s, i)),
			tags: rTags(tags(s, i)),
		}) as SegmentCustomer;
}

/** Repeat purchase days: frequency, else purchase days - 1, else order count - 1; null when none is known. */
export function repeatPurchases(c: SegmentCustomer): number | null {
	if (c.frequency !== null) return c.frequency;
	if (c.purchaseDays !== null) return Math.max(c.purchaseDays - 1, 0);
	if (c.orderCount !== null) return Math.max(c.orderCount - 1, 0);
	return null;
}

/** Orders: order count, else purchase days; null when neither is known. */
export function ordersOf(c: SegmentCustomer): number | null {
	return c.orderCount !== null ? c.orderCount : c.purchaseDays;
}
