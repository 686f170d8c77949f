import {
	conditionalExpectedAverageSpend,
	fitGammaGamma,
	gammaGammaLogLikelihood,
	gammaGammaLogLikelihoodWithGradient,
	spendEligible,
} from '../../../core/lifetime/gammaGamma';
import { describeWithCdnow, expectMatchesPublished, readCdnowSummary } from './cdnow';

describeWithCdnow('Gamma-Gamma on the CDNOW sample (customers with repeat purchases, zbar)', () => {
	const rows = readCdnowSummary();

	test('946 customers qualify; LL at the published estimates is -4055.92', () => {
		expect(rows.filter((r) => spendEligible(r.x, r.zbar))).toHaveLength(946);
		const ll = gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, rows.filter((r) => r.x > 0));
		expect(ll).toBeCloseTo(-4055.92, 1);
	});

	test('the fit reproduces p 6.25, q 3.74, gamma 15.44 and LL -4055.92 (q to its printed 2 decimals: 3.7446)', () => {
		const fit = fitGammaGamma(rows);
		expect(fit.converged).toBe(true);
		expect(fit.customers).toBe(946);
		expectMatchesPublished(fit.params.p, '6.25');
		expectMatchesPublished(fit.params.q, '3.74');
		expectMatchesPublished(fit.params.gamma, '15.44');
		expectMatchesPublished(fit.logLikelihood, '-4055.92');
		// the optimum itself (scipy Nelder-Mead: -4055.92324)
		expect(fit.logLikelihood).toBeCloseTo(-4055.92324, 3);
	});

	test('expected average spend: population mean for x = 0, shrinks zbar towards it otherwise', () => {
		const p = { p: 6.25, q: 3.74, gamma: 15.44 };
		const popMean = (p.p * p.gamma) / (p.q - 1);
		expect(conditionalExpectedAverageSpend(p, 0, 0)).toBeCloseTo(popMean, 10);
		const v = conditionalExpectedAverageSpend(p, 2, 100);
		expect(v).toBeGreaterThan(popMean);
		expect(v).toBeLessThan(100);
		// Fader & Hardie (2013) eq. 5: weighted mean with weight px/(px+q-1) on zbar
		const w = (p.p * 2) / (p.p * 2 + p.q - 1);
		expect(v).toBeCloseTo((1 - w) * popMean + w * 100, 10);
	});
});

describe('Gamma-Gamma properties', () => {
	test('undefined mean (q <= 1 without repeats) is NaN for the caller to replace; customers without spend are left out', () => {
		expect(Number.isNaN(conditionalExpectedAverageSpend({ p: 2, q: 0.8, gamma: 10 }, 0, 0))).toBe(true);
		expect(spendEligible(0, 20)).toBe(false);
		expect(spendEligible(2, 0)).toBe(false);
		expect(spendEligible(2, -5)).toBe(false);
		expect(() => fitGammaGamma([{ x: 0, zbar: 0 }])).toThrow(RangeError);
	});

	test('the analytic gradient matches central differences', () => {
		const data = [
			{ x: 1, zbar: 20 },
			{ x: 3, zbar: 35.5 },
			{ x: 10, zbar: 12 },
		];
		const p = { p: 3, q: 2.5, gamma: 20 };
		const { grad } = gammaGammaLogLikelihoodWithGradient(p, data);
		(['p', 'q', 'gamma'] as const).forEach((k, i) => {
			const h = 1e-6;
			const num =
				(gammaGammaLogLikelihood({ ...p, [k]: p[k] * Math.exp(h) }, data) - gammaGammaLogLikelihood({ ...p, [k]: p[k] * Math.exp(-h) }, data)) /
				(2 * h);
			expect(grad[i]).toBeCloseTo(num, 6);
		});
	});
});
