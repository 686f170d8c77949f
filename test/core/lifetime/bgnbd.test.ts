import {
	bgnbdLogLikelihood,
	bgnbdLogLikelihoodWithGradient,
	conditionalExpectedPurchases,
	conditionalProbabilityAlive,
	expectedPurchases,
	fitBgNbd,
	medianTimeToNextPurchase,
	type BgNbdParams,
} from '../../../core/lifetime/bgnbd';
import { compressSummaries } from '../../../core/lifetime/summaries';
import { describeWithCdnow, expectMatchesPublished, readCdnowFrequencySummary } from './cdnow';
import ref from './fixtures/mpmath_reference.json';

describeWithCdnow('BG/NBD on the 2,357-customer CDNOW sample (weeks, calibration end 1997-09-30)', () => {
	const rows = readCdnowFrequencySummary();
	const data = compressSummaries(rows);

	test('the log-likelihood at the published estimates is -9582.43', () => {
		expect(rows).toHaveLength(2357);
		expect(bgnbdLogLikelihood({ r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 }, data)).toBeCloseTo(-9582.43, 2);
	});

	test('the fit reproduces r 0.2426, alpha 4.4136, a 0.7929, b 2.4259 and LL -9582.43', () => {
		const fit = fitBgNbd(data);
		expect(fit.converged).toBe(true);
		expect(fit.customers).toBe(2357);
		expectMatchesPublished(fit.params.r, '0.2426');
		expectMatchesPublished(fit.params.alpha, '4.4136');
		expectMatchesPublished(fit.params.a, '0.7929');
		expectMatchesPublished(fit.params.b, '2.4259');
		expectMatchesPublished(fit.logLikelihood, '-9582.43');
		// and the optimum itself, to far tighter than the reference prints (scipy Nelder-Mead at 1e-10: -9582.425560567)
		expect(fit.logLikelihood).toBeCloseTo(-9582.4255606, 5);
	});

	test('compressing identical tuples changes nothing: same LL as one row per customer', () => {
		expect(data.size).toBe(1016);
		const p = { r: 0.3, alpha: 5, a: 0.9, b: 2 };
		let direct = 0;
		for (const row of rows) direct += bgnbdLogLikelihood(p, compressSummaries([row]));
		expect(bgnbdLogLikelihood(p, data)).toBeCloseTo(direct, 7);
	});

	test('days instead of weeks: alpha scales by 7, the other parameters and the predictions stay', () => {
		const weeks = fitBgNbd(data).params;
		const days = fitBgNbd(rows.map((r) => ({ x: r.x, tx: r.tx * 7, T: r.T * 7 }))).params;
		expect(days.alpha / weeks.alpha).toBeCloseTo(7, 4);
		expect(days.r).toBeCloseTo(weeks.r, 5);
		expect(days.a).toBeCloseTo(weeks.a, 5);
		expect(days.b).toBeCloseTo(weeks.b, 5);
		expect(conditionalExpectedPurchases(days, 39 * 7, 2, 30.43 * 7, 38.86 * 7)).toBeCloseTo(
			conditionalExpectedPurchases(weeks, 39, 2, 30.43, 38.86),
			5,
		);
	});
});

describe('BG/NBD closed forms against mpmath (eq. 10 and 13 at 40 digits)', () => {
	test('P(alive) and E[Y(t) | x, t_x, T] for 168 parameter/customer/horizon combinations, incl. a close to 1 and a + b < 1', () => {
		const bad: string[] = [];
		for (const [r, alpha, a, b, t, x, tx, T, pAlive, expected] of ref.bgnbd as number[][]) {
			const p = { r, alpha, a, b };
			const gotP = conditionalProbabilityAlive(p, x, tx, T);
			const gotE = conditionalExpectedPurchases(p, t, x, tx, T);
			if (Math.abs(gotP - pAlive) > 1e-13 * Math.max(pAlive, 1e-300) + 1e-300 && Math.abs(gotP / pAlive - 1) > 1e-12) bad.push(`P ${[r, alpha, a, b, x, tx, T]}: ${gotP} vs ${pAlive}`);
			// a = 1.0000001 puts mpmath's own closed form at 0/0 with 1e-7 of cancellation: 1e-6 there
			const tol = Math.abs(a - 1) < 1e-3 ? 1e-6 : 1e-9;
			if (!(Math.abs(gotE - expected) <= tol * Math.abs(expected))) bad.push(`E ${[r, alpha, a, b, t, x, tx, T]}: ${gotE} vs ${expected}`);
		}
		expect(bad).toEqual([]);
	});

	test('expectedPurchases(t) is the new-customer case of eq. 10 (eq. 9)', () => {
		const p = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
		expect(expectedPurchases(p, 39)).toBe(conditionalExpectedPurchases(p, 39, 0, 0, 0));
		// small t: E[X(t)] ~ r t / alpha
		expect(expectedPurchases(p, 1e-6) / 1e-6).toBeCloseTo(p.r / p.alpha, 6);
	});

	test('exactly a = 1 (the 0/0 point of eq. 10) gives the limit, continuous with a = 1 +- 1e-9', () => {
		const at = (a: number) => conditionalExpectedPurchases({ r: 0.7, alpha: 3, a, b: 2 }, 20, 3, 10, 15);
		expect(Number.isFinite(at(1))).toBe(true);
		expect(at(1)).toBeCloseTo(at(1 + 1e-9), 8);
		expect(at(1)).toBeCloseTo(at(1 - 1e-9), 8);
	});
});

describe('BG/NBD properties', () => {
	test('a customer without repeat purchases is alive with probability exactly 1', () => {
		for (const p of [
			{ r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 },
			{ r: 1e-8, alpha: 1e8, a: 1e8, b: 1e-8 },
			{ r: 50, alpha: 1e-6, a: 1e-6, b: 1e6 },
		]) {
			for (const T of [0, 1, 38.86, 1e6]) expect(conditionalProbabilityAlive(p, 0, 0, T)).toBe(1);
		}
	});

	test('P(alive) falls as the time since the last purchase grows, and rises with frequency at equal recency', () => {
		const p = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
		const T = 38.86;
		let prev = 1;
		for (const tx of [38, 30, 20, 10, 1]) {
			const v = conditionalProbabilityAlive(p, 2, tx, T);
			expect(v).toBeLessThan(prev);
			prev = v;
		}
		expect(conditionalProbabilityAlive(p, 5, 30, T)).toBeGreaterThan(conditionalProbabilityAlive(p, 1, 30, T));
	});

	test('extreme parameters and customers: probabilities in [0, 1], expectations finite and >= 0, log-likelihood finite', () => {
		const values = [1e-10, 1e-3, 0.7, 1, 30, 1e10];
		const customers = [
			[0, 0, 0],
			[0, 0, 1e5],
			[1, 0, 0],
			[1, 1e-9, 1e-9],
			[3, 2, 2],
			[1000, 50, 52],
			[5000, 1e4, 1e5],
			[2, 0.1, 1e6],
		];
		const horizons = [1e-9, 1, 52.14, 1e6];
		const bad: string[] = [];
		for (const r of values)
			for (const alpha of values)
				for (const a of values)
					for (const b of values) {
						const p = { r, alpha, a, b };
						for (const [x, tx, T] of customers) {
							const pa = conditionalProbabilityAlive(p, x, tx, T);
							if (!(pa >= 0 && pa <= 1)) bad.push(`P(alive) ${JSON.stringify(p)} ${[x, tx, T]} = ${pa}`);
							for (const t of horizons) {
								const e = conditionalExpectedPurchases(p, t, x, tx, T);
								if (!(Number.isFinite(e) && e >= 0)) bad.push(`E ${JSON.stringify(p)} t=${t} ${[x, tx, T]} = ${e}`);
							}
							const m = medianTimeToNextPurchase(p, x, tx, T);
							if (Number.isNaN(m) || m < 0) bad.push(`median ${JSON.stringify(p)} ${[x, tx, T]} = ${m}`);
						}
						const ll = bgnbdLogLikelihood(p, compressSummaries(customers.map(([x, tx, T]) => ({ x, tx, T }))));
						if (!Number.isFinite(ll)) bad.push(`LL ${JSON.stringify(p)} = ${ll}`);
					}
		expect(bad.slice(0, 20)).toEqual([]);
	});

	test('the analytic gradient matches central differences', () => {
		const data = compressSummaries([
			{ x: 0, tx: 0, T: 30 },
			{ x: 2, tx: 20, T: 38 },
			{ x: 7, tx: 35, T: 36 },
			{ x: 1, tx: 3, T: 10 },
		]);
		const p: BgNbdParams = { r: 0.4, alpha: 3, a: 0.8, b: 1.7 };
		const { grad } = bgnbdLogLikelihoodWithGradient(p, data);
		const keys = ['r', 'alpha', 'a', 'b'] as const;
		keys.forEach((k, i) => {
			const h = 1e-6;
			const up = { ...p, [k]: p[k] * Math.exp(h) };
			const down = { ...p, [k]: p[k] * Math.exp(-h) };
			const numeric = (bgnbdLogLikelihood(up, data) - bgnbdLogLikelihood(down, data)) / (2 * h);
			expect(grad[i]).toBeCloseTo(numeric, 6);
		});
	});

	test('the median time to the next purchase of an active customer: (alpha+T)(2^(1/(r+x)) - 1)', () => {
		const p = { r: 0.5, alpha: 4, a: 1, b: 2 };
		// r + x = 2: (4 + 20)(sqrt(2) - 1)
		expect(medianTimeToNextPurchase(p, 1.5, 10, 20)).toBeCloseTo(24 * (Math.SQRT2 - 1), 12);
		// r + x tiny: the median is beyond any date (Infinity), never NaN; the node caps it
		expect(medianTimeToNextPurchase({ ...p, r: 1e-6 }, 0, 0, 20)).toBe(Infinity);
	});
});
