/**
 * Rule-based figures for when the data cannot support a model fit (and the naive benchmark of the holdout
 * check). All in days.
 *
 * - Typical gap g: the customer's mean gap between purchase days (recency / repeat purchases) when they have
 *   repeat purchases, else the median of those mean gaps in the batch, else 365 days.
 * - P(active): 1 while the days since the last purchase d are at most g, then exp(-(d - g) / g): it falls by a
 *   factor e for every further typical gap without an order.
 * - Expected orders in a horizon H: P(active) * rate * H, with the customer's historic rate of repeat purchase
 *   days (repeat purchases / days since the first purchase), or the batch's pooled rate for a customer without
 *   repeats (sum of repeat purchases / sum of days since first purchase).
 * - Next order: the first of last purchase + g, + 2g, ... after the as-of date ("last order + mean gap").
 */

// Module-level aliases of globals: a global lookup per use is slow in sandboxes such as jest's vm contexts.
const M = Math;

export interface RuleCustomer {
	frequency: number;
	recencyDays: number;
	ageDays: number;
}

export interface RulePopulation {
	/** Median of the customers' mean gaps (days), or 365 without repeat customers. */
	typicalGapDays: number;
	/** Pooled repeat purchase days per day since the first purchase. */
	pooledRatePerDay: number;
}

export const DEFAULT_GAP_DAYS = 365;

export function rulePopulation(customers: ArrayLike<RuleCustomer>): RulePopulation {
	const gaps: number[] = [];
	let sumX = 0;
	let sumAge = 0;
	for (let i = 0; i < customers.length; i++) {
		const c = customers[i];
		sumX += c.frequency;
		sumAge += c.ageDays;
		if (c.frequency > 0 && c.recencyDays > 0) gaps.push(c.recencyDays / c.frequency);
	}
	gaps.sort((a, b) => a - b);
	const n = gaps.length;
	const typicalGapDays = n === 0 ? DEFAULT_GAP_DAYS : n % 2 ? gaps[(n - 1) / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
	return { typicalGapDays, pooledRatePerDay: sumAge > 0 ? sumX / sumAge : 0 };
}

export function typicalGapDays(c: RuleCustomer, pop: RulePopulation): number {
	return c.frequency > 0 && c.recencyDays > 0 ? c.recencyDays / c.frequency : pop.typicalGapDays;
}

export function ruleProbabilityActive(c: RuleCustomer, pop: RulePopulation): number {
	const g = typicalGapDays(c, pop);
	const d = c.ageDays - c.recencyDays;
	if (d <= g) return 1;
	return M.exp(-(d - g) / g);
}

export function ruleRatePerDay(c: RuleCustomer, pop: RulePopulation): number {
	return c.frequency > 0 && c.ageDays > 0 ? c.frequency / c.ageDays : pop.pooledRatePerDay;
}

/** Expected orders in the next `days` days. */
export function ruleExpectedOrders(c: RuleCustomer, pop: RulePopulation, days: number): number {
	return ruleProbabilityActive(c, pop) * ruleRatePerDay(c, pop) * days;
}

/** Days from the as-of date to the next "last order + k * gap" date (> 0). */
export function ruleDaysToNextOrder(c: RuleCustomer, pop: RulePopulation): number {
	const g = typicalGapDays(c, pop);
	const d = c.ageDays - c.recencyDays;
	const k = M.floor(d / g) + 1;
	return k * g - d;
}

/**
 * The naive "last order + mean gap" forecast of orders in the `days` after the as-of date: the number of dates
 * last + g, last + 2g, ... that fall in (as-of, as-of + days], for customers with repeat purchases (their own
 * mean gap); 0 for a customer without one.
 */
export function naiveOrdersInWindow(c: RuleCustomer, days: number): number {
	if (!(c.frequency > 0 && c.recencyDays > 0)) return 0;
	const g = c.recencyDays / c.frequency;
	const d = c.ageDays - c.recencyDays;
	const first = (M.floor(d / g) + 1) * g - d;
	if (first > days) return 0;
	return M.floor((days - first) / g) + 1;
}
