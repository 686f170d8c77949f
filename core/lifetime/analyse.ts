/**
 * The Customer Lifetime analysis of one batch: check the data is enough, fit the purchase model (BG/NBD or
 * Pareto/NBD) and the Gamma-Gamma spend model on the whole batch, then score every customer. When the data is
 * not enough (thresholds the user sets) or a fit does not settle, every customer gets rule-based figures
 * (./rules.ts) and says so; nothing is left blank.
 *
 * Per customer (LifetimeResult): pAlive, churnRisk, expectedOrders in the horizon, expectedNextOrderAt,
 * expectedOrderValue, predictedLifetimeValue, rfm and dataSufficiency. Once per batch (LifetimeSummary): the
 * fitted parameters and log-likelihoods.
 */
import { z } from 'zod';
import { InputError, showValue } from '../errors';
import { compressSummaries } from './summaries';
import { getCountModel, type CountModelName } from './registry';
import { conditionalExpectedAverageSpend, fitGammaGamma, spendEligible, type GammaGammaParams } from './gammaGamma';
import { scoreRfm, type RfmResult } from './rfm';
import {
	ruleDaysToNextOrder,
	ruleExpectedOrders,
	rulePopulation,
	ruleProbabilityActive,
	type RulePopulation,
} from './rules';
import type { LifetimeInput } from './input';

// Module-level aliases of globals: a global lookup per use is slow in sandboxes such as jest's vm contexts.
const M = Math;
const isFin = Number.isFinite;

export const DAYS_PER_MONTH = 365.25 / 12;
/** Predicted next-order dates are capped this many days after the as-of date (100 years). */
export const MAX_NEXT_ORDER_DAYS = 36525;

export interface LifetimeSettings {
	model: CountModelName;
	horizonDays: number;
	timeUnit: 'weeks' | 'days';
	/** Monthly discount rate as a fraction (0.01 = 1 % a month); 0 = no discounting. */
	monthlyDiscountRate: number;
	minBuyers: number;
	minHistoryDays: number;
	/** Customers with 3 or more purchase days (2+ repeat purchases) needed. */
	minRepeatBuyers: number;
	/** Customers with repeat purchases and positive spend needed for the spend model. */
	minSpendCustomers: number;
	/** P(active) at or above this: low churn risk. */
	lowRiskFrom: number;
	/** P(active) below this: high churn risk. */
	highRiskBelow: number;
	/** Skip the models and use the rules for everyone. */
	rulesOnly: boolean;
}

export const DEFAULT_SETTINGS: LifetimeSettings = {
	model: 'bgnbd',
	horizonDays: 365,
	timeUnit: 'weeks',
	monthlyDiscountRate: 0,
	minBuyers: 500,
	minHistoryDays: 180,
	minRepeatBuyers: 10,
	minSpendCustomers: 10,
	lowRiskFrom: 0.7,
	highRiskBelow: 0.3,
	rulesOnly: false,
};

/** Editor labels of the settings, for messages. */
export const SETTING_LABELS: Record<keyof LifetimeSettings, string> = {
	model: 'Model',
	horizonDays: 'Horizon (Days)',
	timeUnit: 'Time Unit for Fitting',
	monthlyDiscountRate: 'Monthly Discount Rate (%)',
	minBuyers: 'Minimum Buyers',
	minHistoryDays: 'Minimum History (Days)',
	minRepeatBuyers: 'Minimum Customers With 3+ Purchase Days',
	minSpendCustomers: 'Minimum Customers for the Spend Model',
	lowRiskFrom: 'Low Churn Risk From',
	highRiskBelow: 'High Churn Risk Below',
	rulesOnly: 'Rules Only',
};

const count = z.number().int().min(0);
const settingsSchema = z
	.object({
		model: z.enum(['bgnbd', 'paretoNbd']),
		horizonDays: z.number().gt(0).max(36525),
		timeUnit: z.enum(['weeks', 'days']),
		monthlyDiscountRate: z.number().min(0).lt(1),
		minBuyers: count,
		minHistoryDays: z.number().min(0),
		minRepeatBuyers: count,
		minSpendCustomers: count,
		lowRiskFrom: z.number().min(0).max(1),
		highRiskBelow: z.number().min(0).max(1),
		rulesOnly: z.boolean(),
	})
	.refine((s) => s.highRiskBelow <= s.lowRiskFrom, { path: ['highRiskBelow'], message: 'must not be above Low Churn Risk From' });

const SETTING_HINTS: Partial<Record<keyof LifetimeSettings, string>> = {
	horizonDays: 'Use a number of days between 1 and 36525, such as 365',
	monthlyDiscountRate: 'Use a percentage per month from 0 to below 100, such as 1',
	lowRiskFrom: 'Use a probability between 0 and 1, such as 0.7',
	highRiskBelow: 'Use a probability between 0 and 1 no higher than Low Churn Risk From, such as 0.3',
};

/** Checks the settings; throws InputError naming the parameter as the editor shows it. */
export function checkSettings(input: Partial<LifetimeSettings>): LifetimeSettings {
	const merged = { ...DEFAULT_SETTINGS, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
	const r = settingsSchema.safeParse(merged);
	if (r.success) return r.data;
	const issue = r.error.issues[0];
	const key = issue.path[0] as keyof LifetimeSettings;
	const value = (merged as Record<string, unknown>)[key];
	const label = SETTING_LABELS[key] ?? String(key);
	throw new InputError(`${label} ${showValue(value)} is not allowed: ${issue.message}`, label, value, SETTING_HINTS[key]);
}

export type ChurnRisk = 'low' | 'medium' | 'high' | 'prospect';

export interface DataSufficiency {
	/** True when the purchase model was fitted and used. */
	sufficient: boolean;
	/** Why not (empty when sufficient), plus notes on the spend model. */
	reasons: string[];
	purchaseModel: 'BG/NBD' | 'Pareto/NBD' | 'rules';
	spendModel: 'Gamma-Gamma' | 'average order value';
}

export interface LifetimeResult {
	/** Probability the customer is still active (in [0, 1]); 0 for a prospect. */
	pAlive: number;
	/** low: pAlive >= lowRiskFrom; high: pAlive < highRiskBelow; medium between; prospect: no order yet. */
	churnRisk: ChurnRisk;
	/** Expected orders (purchase days) in the horizon. */
	expectedOrders: number;
	horizonDays: number;
	/** ISO date-time (start of the day, customer's zone) of the likely next order if they stay active; null for a prospect. */
	expectedNextOrderAt: string | null;
	/** Expected spend per order. */
	expectedOrderValue: number;
	/** expectedOrderValue x expected orders in the horizon, discounted monthly when a rate is set. */
	predictedLifetimeValue: number;
	rfm: RfmResult;
	dataSufficiency: DataSufficiency;
}

export interface LifetimeSummary {
	purchaseModel: 'BG/NBD' | 'Pareto/NBD' | 'rules';
	/** The model the user picked. */
	requestedModel: 'BG/NBD' | 'Pareto/NBD';
	timeUnit: 'weeks' | 'days';
	/** Fitted parameters (time-scale ones in timeUnit); null when the rules were used. */
	parameters: Record<string, number> | null;
	logLikelihood: number | null;
	converged: boolean | null;
	iterations: number | null;
	spendModel: { model: 'Gamma-Gamma'; parameters: GammaGammaParams; logLikelihood: number; customers: number } | null;
	customers: number;
	buyers: number;
	prospects: number;
	historyDays: number;
	repeatBuyers: number;
	spendCustomers: number;
	horizonDays: number;
	monthlyDiscountRate: number;
	dataSufficiency: { sufficient: boolean; reasons: string[] };
	/** The rule-based population figures (also when the model was used). */
	rules: { typicalGapDays: number; pooledOrdersPerYear: number };
}

const round = (v: number, d: number) => {
	const f = 10 ** d;
	const r = M.round(v * f) / f;
	return Object.is(r, -0) ? 0 : r;
};
const finiteOr = (v: number, fallback: number) => (isFin(v) ? v : fallback);

/** Sum over months i of (E(t_i) - E(t_{i-1})) / (1 + d)^i, t_i = min(i month, horizon): discounted expected orders. */
export function discountedOrders(expected: (t: number) => number, horizon: number, month: number, rate: number): number {
	if (rate === 0) return expected(horizon);
	const months = M.ceil(horizon / month - 1e-9);
	let prev = 0;
	let sum = 0;
	for (let i = 1; i <= months; i++) {
		const e = expected(M.min(i * month, horizon));
		sum += (e - prev) / M.pow(1 + rate, i);
		prev = e;
	}
	return sum;
}

function churnRisk(p: number, s: LifetimeSettings): ChurnRisk {
	if (p >= s.lowRiskFrom) return 'low';
	if (p < s.highRiskBelow) return 'high';
	return 'medium';
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

export function analyseLifetime(customers: LifetimeInput[], input: Partial<LifetimeSettings> = {}): { results: LifetimeResult[]; summary: LifetimeSummary } {
	const s = checkSettings(input);
	const model = getCountModel(s.model);
	const unitDays = s.timeUnit === 'weeks' ? 7 : 1;
	const buyers: number[] = [];
	let historyDays = 0;
	let repeatBuyers = 0;
	let spendCustomers = 0;
	for (let i = 0; i < customers.length; i++) {
		const c = customers[i];
		if (!c.buyer) continue;
		buyers.push(i);
		historyDays = M.max(historyDays, c.ageDays);
		if (c.frequency >= 2) repeatBuyers++;
		if (spendEligible(c.frequency, c.meanRepeatSpend)) spendCustomers++;
	}
	const pop: RulePopulation = rulePopulation(buyers.map((i) => customers[i]));

	// Is the data enough?
	const reasons: string[] = [];
	if (s.rulesOnly) reasons.push(`${SETTING_LABELS.rulesOnly} is on: figures come from the rules, not a model`);
	if (buyers.length < s.minBuyers) {
		reasons.push(`Only ${plural(buyers.length, 'customer has', 'customers have')} bought; the model needs at least ${s.minBuyers} (${SETTING_LABELS.minBuyers})`);
	}
	if (historyDays < s.minHistoryDays) {
		reasons.push(`The order history covers ${plural(Math.round(historyDays), 'day')}; the model needs at least ${s.minHistoryDays} (${SETTING_LABELS.minHistoryDays})`);
	}
	if (repeatBuyers < s.minRepeatBuyers) {
		reasons.push(`Only ${plural(repeatBuyers, 'customer has', 'customers have')} bought on 3 or more days; the model needs at least ${s.minRepeatBuyers} (${SETTING_LABELS.minRepeatBuyers})`);
	}
	let sufficient = reasons.length === 0;

	// Fit the purchase model
	let fit: ReturnType<typeof model.fit> | null = null;
	if (sufficient) {
		const data = compressSummaries(
			buyers.map((i) => {
				const c = customers[i];
				return { x: c.frequency, tx: c.recencyDays / unitDays, T: c.ageDays / unitDays };
			}),
		);
		try {
			fit = model.fit(data);
		} catch {
			fit = null;
		}
		const extreme = fit ? Object.values(fit.params).some((v) => !(v > 1e-12 && v < 1e12)) : true;
		if (!fit || !fit.converged || !isFin(fit.logLikelihood) || extreme) {
			reasons.push(`The ${model.label} fit did not settle on finite parameters for this batch; figures come from the rules`);
			sufficient = false;
			fit = fit && isFin(fit.logLikelihood) ? fit : null;
		}
	}

	// Fit the spend model
	let spend: LifetimeSummary['spendModel'] = null;
	const spendReasons: string[] = [];
	if (s.rulesOnly) {
		// noted above
	} else if (spendCustomers < s.minSpendCustomers || spendCustomers === 0) {
		spendReasons.push(`Only ${plural(spendCustomers, 'customer has', 'customers have')} repeat purchases with spend; the spend model needs at least ${Math.max(1, s.minSpendCustomers)} (${SETTING_LABELS.minSpendCustomers}), so order values are the customers' average order values`);
	} else {
		try {
			const g = fitGammaGamma(buyers.map((i) => ({ x: customers[i].frequency, zbar: customers[i].meanRepeatSpend })));
			if (g.converged && g.params.q > 1 && isFin(g.logLikelihood)) {
				spend = { model: 'Gamma-Gamma', parameters: g.params, logLikelihood: g.logLikelihood, customers: g.customers };
			} else {
				spendReasons.push('The Gamma-Gamma spend fit did not give a finite average order value for this batch, so order values are the customers\' average order values');
			}
		} catch {
			spendReasons.push('The Gamma-Gamma spend fit failed for this batch, so order values are the customers\' average order values');
		}
	}
	const allReasons = [...reasons, ...spendReasons];

	// Score
	const rfm = scoreRfm(
		customers.map((c) => ({ buyer: c.buyer, daysSinceLastPurchase: c.ageDays - c.recencyDays, orderCount: c.orderCount, totalSpent: c.totalSpent })),
	);
	let aovSum = 0;
	for (const i of buyers) aovSum += customers[i].totalSpent / customers[i].orderCount;
	const meanAov = buyers.length ? aovSum / buyers.length : 0;
	const useModel = sufficient && fit !== null;
	const sufficiency: DataSufficiency = {
		sufficient: useModel,
		reasons: allReasons,
		purchaseModel: useModel ? (model.label as DataSufficiency['purchaseModel']) : 'rules',
		spendModel: spend ? 'Gamma-Gamma' : 'average order value',
	};
	const horizonUnits = s.horizonDays / unitDays;
	const monthUnits = DAYS_PER_MONTH / unitDays;
	const cache = new Map<string, { pAlive: number; orders: number; discounted: number; nextDays: number }>();

	// most customers share the as-of date and zone: one luxon calculation per (as-of, zone, days)
	const dates = new Map<string, string | null>();
	const nextOrderAt = (c: LifetimeInput, days: number): string | null => {
		const key = `${c.asOf.toMillis()}|${c.zone}|${days}`;
		let v = dates.get(key);
		if (v === undefined) {
			v = c.asOf.plus({ days }).toISO();
			dates.set(key, v);
		}
		return v;
	};

	const results: LifetimeResult[] = customers.map((c, i) => {
		// spend
		let value: number;
		if (spend) {
			const x = spendEligible(c.frequency, c.meanRepeatSpend) ? c.frequency : 0;
			value = conditionalExpectedAverageSpend(spend.parameters, x, c.meanRepeatSpend);
			if (!isFin(value)) value = c.buyer ? c.totalSpent / c.orderCount : meanAov;
		} else {
			value = c.buyer ? c.totalSpent / c.orderCount : meanAov;
		}
		value = finiteOr(value, 0);
		if (!c.buyer) {
			return {
				pAlive: 0,
				churnRisk: 'prospect',
				expectedOrders: 0,
				horizonDays: s.horizonDays,
				expectedNextOrderAt: null,
				expectedOrderValue: round(value, 2),
				predictedLifetimeValue: 0,
				rfm: rfm[i],
				dataSufficiency: sufficiency,
			};
		}
		let figures: { pAlive: number; orders: number; discounted: number; nextDays: number };
		if (useModel && fit) {
			const x = c.frequency;
			const tx = c.recencyDays / unitDays;
			const T = c.ageDays / unitDays;
			const key = `${x}|${tx}|${T}`;
			const hit = cache.get(key);
			if (hit) figures = hit;
			else {
				const params = fit.params;
				const expected = (t: number) => model.conditionalExpectedPurchases(params, t, x, tx, T);
				const pAlive = model.conditionalProbabilityAlive(params, x, tx, T);
				const orders = expected(horizonUnits);
				const discounted = discountedOrders(expected, horizonUnits, monthUnits, s.monthlyDiscountRate);
				const nextDays = model.medianTimeToNextPurchase(params, x, tx, T) * unitDays;
				figures = { pAlive, orders, discounted, nextDays };
				cache.set(key, figures);
			}
		} else {
			const pAlive = ruleProbabilityActive(c, pop);
			const expected = (tDays: number) => ruleExpectedOrders(c, pop, tDays);
			figures = {
				pAlive,
				orders: expected(s.horizonDays),
				discounted: discountedOrders(expected, s.horizonDays, DAYS_PER_MONTH, s.monthlyDiscountRate),
				nextDays: ruleDaysToNextOrder(c, pop),
			};
		}
		const pAlive = M.min(1, M.max(0, finiteOr(figures.pAlive, 0)));
		const orders = M.max(0, finiteOr(figures.orders, 0));
		const discounted = M.max(0, finiteOr(figures.discounted, 0));
		const nextDays = M.min(MAX_NEXT_ORDER_DAYS, M.max(1, M.round(finiteOr(figures.nextDays, MAX_NEXT_ORDER_DAYS))));
		return {
			pAlive: round(pAlive, 4),
			churnRisk: churnRisk(pAlive, s),
			expectedOrders: round(orders, 4),
			horizonDays: s.horizonDays,
			expectedNextOrderAt: nextOrderAt(c, nextDays),
			expectedOrderValue: round(value, 2),
			predictedLifetimeValue: round(M.max(0, finiteOr(value * discounted, 0)), 2),
			rfm: rfm[i],
			dataSufficiency: sufficiency,
		};
	});

	const summary: LifetimeSummary = {
		purchaseModel: sufficiency.purchaseModel,
		requestedModel: model.label as LifetimeSummary['requestedModel'],
		timeUnit: s.timeUnit,
		parameters: fit ? { ...fit.params } : null,
		logLikelihood: fit ? fit.logLikelihood : null,
		converged: fit ? fit.converged : null,
		iterations: fit ? fit.iterations : null,
		spendModel: spend,
		customers: customers.length,
		buyers: buyers.length,
		prospects: customers.length - buyers.length,
		historyDays,
		repeatBuyers,
		spendCustomers,
		horizonDays: s.horizonDays,
		monthlyDiscountRate: s.monthlyDiscountRate,
		dataSufficiency: { sufficient: useModel, reasons: allReasons },
		rules: { typicalGapDays: round(pop.typicalGapDays, 2), pooledOrdersPerYear: round(pop.pooledRatePerDay * 365.25, 4) },
	};
	return { results, summary };
}
