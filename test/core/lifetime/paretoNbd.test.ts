import {
	conditionalExpectedPurchases,
	conditionalProbabilityAlive,
	fitParetoNbd,
	paretoNbdLogLikelihood,
} from '../../../core/lifetime/paretoNbd';
import { compressSummaries } from '../../../core/lifetime/summaries';
import { describeWithCdnow, expectMatchesPublished, readCdnowFrequencySummary } from './cdnow';
import ref from './fixtures/mpmath_reference.json';

describeWithCdnow('Pareto/NBD on the 2,357-customer CDNOW sample (weeks)', () => {
	const data = compressSummaries(readCdnowFrequencySummary());

	test('log-likelihood at the published estimates: -9595.0', () => {
		expectMatchesPublished(paretoNbdLogLikelihood({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, data), '-9595.0');
	});

	test('the fit reproduces r 0.553, alpha 10.578, s 0.606, beta 11.669, LL -9595.0', () => {
		const fit = fitParetoNbd(data);
		expect(fit.converged).toBe(true);
		expectMatchesPublished(fit.params.r, '0.553');
		expectMatchesPublished(fit.params.alpha, '10.578');
		expectMatchesPublished(fit.params.s, '0.606');
		expectMatchesPublished(fit.params.beta, '11.669');
		expectMatchesPublished(fit.logLikelihood, '-9595.0');
		// the optimum itself (scipy Nelder-Mead on the same likelihood: -9594.97393)
		expect(fit.logLikelihood).toBeCloseTo(-9594.97393, 3);
	});
});

describe('Pareto/NBD against an independent mpmath computation (integral form, numerical quadrature)', () => {
	test('per-customer log-likelihood and P(alive), incl. alpha << beta, alpha >> beta, s = 1 and alpha = beta', () => {
		const bad: string[] = [];
		for (const [r, alpha, s, beta, x, tx, T, ll, pAlive] of ref.paretoNbd as number[][]) {
			const p = { r, alpha, s, beta };
			const got = paretoNbdLogLikelihood(p, compressSummaries([{ x, tx, T }]));
			if (!(Math.abs(got - ll) <= 1e-9 * Math.max(1, Math.abs(ll)))) bad.push(`LL ${[r, alpha, s, beta, x, tx, T]}: ${got} vs ${ll}`);
			const gp = conditionalProbabilityAlive(p, x, tx, T);
			if (!(Math.abs(gp - pAlive) <= 1e-9)) bad.push(`P ${[r, alpha, s, beta, x, tx, T]}: ${gp} vs ${pAlive}`);
		}
		expect(bad).toEqual([]);
	});
});

describe('Pareto/NBD properties', () => {
	const p = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

	test('a purchase at the very end of the period: alive with probability 1', () => {
		expect(conditionalProbabilityAlive(p, 3, 38.86, 38.86)).toBe(1);
	});

	test('E[Y(t)] is continuous at s = 1 and grows with t', () => {
		const at = (s: number, t: number) => conditionalExpectedPurchases({ ...p, s }, t, 2, 30, 38);
		expect(at(1, 39)).toBeCloseTo(at(1 + 1e-9, 39), 8);
		expect(at(1, 39)).toBeCloseTo(at(1 - 1e-9, 39), 8);
		expect(at(0.6, 10)).toBeLessThan(at(0.6, 39));
	});

	test('extreme parameters: probabilities in [0, 1], expectations finite and >= 0, log-likelihood finite', () => {
		const values = [1e-8, 1e-2, 1, 50, 1e8];
		const customers = [
			[0, 0, 0],
			[0, 0, 1e4],
			[1, 1e-9, 2e-9],
			[3, 2, 2],
			[500, 50, 52],
			[2, 0.1, 1e5],
		];
		const bad: string[] = [];
		for (const r of values)
			for (const alpha of values)
				for (const s of values)
					for (const beta of values) {
						const q = { r, alpha, s, beta };
						for (const [x, tx, T] of customers) {
							const pa = conditionalProbabilityAlive(q, x, tx, T);
							if (!(pa >= 0 && pa <= 1)) bad.push(`P ${JSON.stringify(q)} ${[x, tx, T]} = ${pa}`);
							for (const t of [1, 52, 1e6]) {
								const e = conditionalExpectedPurchases(q, t, x, tx, T);
								if (!(Number.isFinite(e) && e >= 0)) bad.push(`E ${JSON.stringify(q)} ${[x, tx, T]} = ${e}`);
							}
						}
						const ll = paretoNbdLogLikelihood(q, compressSummaries(customers.map(([x, tx, T]) => ({ x, tx, T }))));
						if (!Number.isFinite(ll)) bad.push(`LL ${JSON.stringify(q)} = ${ll}`);
					}
		expect(bad.slice(0, 20)).toEqual([]);
	});
});
