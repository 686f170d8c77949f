import { DateTime } from 'luxon';
import { InputError } from '../../../core/errors';
import { analyseLifetime, checkSettings, discountedOrders, readLifetimeInput, type LifetimeInput } from '../../../core/lifetime';
import { calibrationSummaries, describeWithCdnow, readCdnowPurchaseDays } from './cdnow';

function customer(frequency: number, recencyDays: number, ageDays: number, extra: Partial<LifetimeInput> = {}): LifetimeInput {
	const orderCount = extra.orderCount ?? frequency + 1;
	return {
		frequency,
		recencyDays,
		ageDays,
		meanRepeatSpend: frequency > 0 ? 30 : 0,
		orderCount,
		totalSpent: 30 * orderCount,
		asOf: DateTime.fromISO('2025-06-30', { zone: 'Europe/Berlin' }),
		zone: 'Europe/Berlin',
		buyer: orderCount > 0,
		...extra,
	};
}

function expectComplete(results: ReturnType<typeof analyseLifetime>['results']) {
	for (const r of results) {
		for (const v of [r.pAlive, r.expectedOrders, r.expectedOrderValue, r.predictedLifetimeValue]) {
			expect(Number.isFinite(v)).toBe(true);
			expect(v).toBeGreaterThanOrEqual(0);
		}
		expect(r.pAlive).toBeLessThanOrEqual(1);
		expect(['low', 'medium', 'high', 'prospect']).toContain(r.churnRisk);
		if (r.churnRisk !== 'prospect') expect(r.expectedNextOrderAt).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000([+-]\d{2}:\d{2}|Z)$/);
	}
}

describe('data sufficiency and the rule-based fallback', () => {
	const small = [customer(0, 0, 40), customer(2, 60, 100), customer(5, 150, 170), customer(1, 10, 300), customer(0, 0, 0, { orderCount: 0 })];

	test('a small batch: every item says why, and gets rule-based figures (no blank fields)', () => {
		const { results, summary } = analyseLifetime(small);
		expect(summary.dataSufficiency.sufficient).toBe(false);
		expect(summary.purchaseModel).toBe('rules');
		expect(summary.parameters).toBeNull();
		expect(summary.dataSufficiency.reasons).toEqual([
			'Only 4 customers have bought; the model needs at least 500 (Minimum Buyers)',
			'Only 2 customers have bought on 3 or more days; the model needs at least 10 (Minimum Customers With 3+ Purchase Days)',
			"Only 3 customers have repeat purchases with spend; the spend model needs at least 10 (Minimum Customers for the Spend Model), so order values are the customers' average order values",
		]);
		for (const r of results) {
			expect(r.dataSufficiency.sufficient).toBe(false);
			expect(r.dataSufficiency.purchaseModel).toBe('rules');
			expect(r.dataSufficiency.reasons.length).toBe(3);
		}
		expectComplete(results);
		// typical gap: median of own gaps (60/2 = 30, 150/5 = 30, 10/1 = 10) = 30 days
		expect(summary.rules.typicalGapDays).toBe(30);
		// one-time buyer 40 days ago: 40 > 30, so P = exp(-(40 - 30) / 30)
		expect(results[0].pAlive).toBeCloseTo(Math.exp(-10 / 30), 4);
		// 2 repeats in 100 days, last 40 days ago, own gap 30: P = exp(-10/30); orders = P * 2/100 * 365
		expect(results[1].expectedOrders).toBeCloseTo(Math.exp(-10 / 30) * (2 / 100) * 365, 3);
		// next order: last + 2 gaps = 60 - 40 = 20 days after 2025-06-30
		expect(results[1].expectedNextOrderAt).toBe('2025-07-20T00:00:00.000+02:00');
		// value = average order value (30) x orders
		expect(results[1].predictedLifetimeValue).toBeCloseTo(30 * results[1].expectedOrders, 1);
		// the prospect
		expect(results[4]).toMatchObject({ pAlive: 0, churnRisk: 'prospect', expectedOrders: 0, expectedNextOrderAt: null, predictedLifetimeValue: 0 });
		expect(results[4].rfm.group).toBe('Prospects');
	});

	test('Rules Only forces the rules even on enough data; thresholds the user lowers let the model run', () => {
		// 300 customers from a seeded buy-till-you-die process: rate ~ Gamma, drop-out after each purchase with p ~ Beta
		let seed = 11;
		const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const many = Array.from({ length: 300 }, () => {
			const age = 60 + Math.floor(rand() * 300);
			const gap = 10 + rand() * 80;
			const dropP = 0.1 + rand() * 0.5;
			let t = 0;
			let last = 0;
			let x = 0;
			for (;;) {
				t += -Math.log(1 - rand()) * gap;
				if (t > age) break;
				x++;
				last = t;
				if (rand() < dropP) break;
			}
			const c = customer(x, Math.floor(last), age);
			return { ...c, meanRepeatSpend: x > 0 ? 10 + rand() * 90 : 0 };
		});
		const forced = analyseLifetime(many, { minBuyers: 10, rulesOnly: true });
		expect(forced.summary.purchaseModel).toBe('rules');
		expect(forced.summary.dataSufficiency.reasons[0]).toMatch(/^Rules Only is on/);
		const fitted = analyseLifetime(many, { minBuyers: 10, minRepeatBuyers: 5 });
		expect(fitted.summary.dataSufficiency).toEqual({ sufficient: true, reasons: [] });
		expect(fitted.summary.purchaseModel).toBe('BG/NBD');
		expect(fitted.summary.spendModel?.model).toBe('Gamma-Gamma');
		expectComplete(fitted.results);
	});
});

describe('settings and input checks', () => {
	test('settings errors name the parameter as the editor shows it', () => {
		expect(() => checkSettings({ horizonDays: 0 })).toThrow('Horizon (Days) 0 is not allowed');
		expect(() => checkSettings({ highRiskBelow: 0.8, lowRiskFrom: 0.5 })).toThrow(/High Churn Risk Below 0.8 is not allowed: must not be above Low Churn Risk From/);
		expect(() => checkSettings({ monthlyDiscountRate: 1 })).toThrow(InputError);
	});

	test('readLifetimeInput: numbers or numeric text; errors name field, value and item', () => {
		const ok = readLifetimeInput({ frequency: '2', recencyDays: 30, ageDays: '45.5', meanRepeatSpend: 12, orderCount: 3, totalSpent: '40.10', asOf: '2025-06-30', timeZone: '' }, 4, 'America/New_York');
		expect(ok).toMatchObject({ frequency: 2, ageDays: 45.5, totalSpent: 40.1, zone: 'America/New_York', buyer: true });
		expect(ok.asOf.toISO()).toBe('2025-06-30T00:00:00.000-04:00');
		const err = (raw: Record<string, unknown>) => {
			try {
				readLifetimeInput({ frequency: 1, recencyDays: 5, ageDays: 10, orderCount: 2, totalSpent: 10, asOf: '2025-06-30', ...raw }, 7, 'UTC');
			} catch (e) {
				expect(e).toBeInstanceOf(InputError);
				expect((e as InputError).itemIndexes).toEqual([7]);
				return `${(e as InputError).field}: ${(e as InputError).message}`;
			}
			return 'no error';
		};
		expect(err({ frequency: -1 })).toBe('Repeat Purchases: Repeat Purchases -1 cannot be negative');
		expect(err({ frequency: 1.5 })).toBe('Repeat Purchases: Repeat Purchases 1.5 is not a whole number');
		expect(err({ orderCount: 'many' })).toBe('Order Count: Order Count "many" is not a number');
		expect(err({ orderCount: undefined })).toBe('Order Count: Order Count nothing is empty');
		expect(err({ recencyDays: 20 })).toBe('Days From First to Last Purchase: Days From First to Last Purchase 20 is more than Days Since First Purchase (10)');
		expect(err({ timeZone: 'Mars/Olympus' })).toBe('Time Zone: Time Zone "Mars/Olympus" is not an IANA time zone');
		expect(err({ asOf: '31/02/2025' })).toMatch(/^As Of Date: As Of Date "31\/02\/2025" is not a date/);
		expect(err({ asOf: null })).toBe('As Of Date: As Of Date null is empty: the predicted dates count from it');
	});
});

describe('lifetime value discounting', () => {
	test('monthly steps: (E(t_i) - E(t_{i-1})) / (1 + d)^i; no rate = the plain expectation', () => {
		const linear = (t: number) => t / 10;
		expect(discountedOrders(linear, 365, 365.25 / 12, 0)).toBe(36.5);
		const month = 365.25 / 12;
		let want = 0;
		for (let i = 1; i <= 12; i++) want += (Math.min(i * month, 365) - Math.min((i - 1) * month, 365)) / 10 / 1.01 ** i;
		expect(discountedOrders(linear, 365, month, 0.01)).toBeCloseTo(want, 12);
	});
});

describeWithCdnow('the whole analysis on the CDNOW sample (days in, weeks for fitting)', () => {
	const rows = calibrationSummaries(readCdnowPurchaseDays('sample'), '19970930', 0);
	const asOf = DateTime.fromISO('1997-09-30', { zone: 'UTC' });
	const customers: LifetimeInput[] = rows.map((c) => ({
		frequency: c.x,
		recencyDays: Math.round(c.tx * 7),
		ageDays: Math.round(c.T * 7),
		meanRepeatSpend: c.zbar,
		orderCount: c.x + 1,
		totalSpent: c.zbar * c.x + 20,
		asOf,
		zone: 'UTC',
		buyer: true,
	}));

	test('fits BG/NBD and Gamma-Gamma to the published figures and scores all 2,357 customers', () => {
		const { results, summary } = analyseLifetime(customers);
		expect(summary.dataSufficiency).toEqual({ sufficient: true, reasons: [] });
		expect(summary.buyers).toBe(2357);
		expect(summary.historyDays).toBe(272);
		const p = summary.parameters!;
		expect(p.r).toBeCloseTo(0.2426, 3);
		expect(p.alpha).toBeCloseTo(4.4136, 2);
		expect(p.a).toBeCloseTo(0.7929, 3);
		expect(p.b).toBeCloseTo(2.4259, 2);
		expect(summary.logLikelihood!).toBeCloseTo(-9582.43, 1);
		expect(summary.spendModel!.parameters.p).toBeCloseTo(6.25, 1);
		expect(summary.spendModel!.customers).toBe(946);
		expectComplete(results);
		// sample id 1: bought 1997-01-01, 01-18, 08-02: x 2, t_x 213 days, T 272 days
		const first = results[rows.findIndex((r) => Number(r.id) === 1)];
		expect(first.pAlive).toBeGreaterThan(0.5);
		expect(first.dataSufficiency.purchaseModel).toBe('BG/NBD');
		// one-time buyers are alive with probability 1 under BG/NBD
		rows.forEach((r, i) => {
			if (r.x === 0) expect(results[i].pAlive).toBe(1);
		});
		const groups = new Set(results.map((r) => r.rfm.group));
		expect(groups.size).toBeGreaterThanOrEqual(8);
	});
});
