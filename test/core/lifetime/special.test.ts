import { digamma, gammaSign, lnBeta, lnGamma, log1mExp, log1pExp, logAddExp, logistic, logSumExp, oneMinusExpOverEps, sinPi } from '../../../core/lifetime/math/special';
import ref from './fixtures/mpmath_reference.json';

describe('lnGamma and digamma against mpmath (40 digits)', () => {
	test.each(ref.special as number[][])('x = %p', (x, lg, dg) => {
		// absolute 2e-14 for ln Gamma near its zeros, relative 1e-14 elsewhere
		expect(Math.abs(lnGamma(x) - lg)).toBeLessThanOrEqual(2e-14 * Math.max(1, Math.abs(lg)));
		expect(Math.abs(digamma(x) - dg)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(dg)));
	});
});

describe('special functions: exact values and edge cases', () => {
	test('known values', () => {
		expect(lnGamma(1)).toBeCloseTo(0, 14);
		expect(lnGamma(2)).toBeCloseTo(0, 14);
		expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
		expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 12);
		expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
		expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 14);
		expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
	});
	test('poles and signs', () => {
		expect(lnGamma(0)).toBe(Infinity);
		expect(lnGamma(-3)).toBe(Infinity);
		expect(Number.isNaN(digamma(-2))).toBe(true);
		expect(gammaSign(2.5)).toBe(1);
		expect(gammaSign(-0.5)).toBe(-1);
		expect(gammaSign(-1.5)).toBe(1);
		expect(gammaSign(-2)).toBe(0);
		expect(sinPi(1e6 + 0.5)).toBeCloseTo(1, 12);
		expect(sinPi(3)).toBe(0);
	});
	test('log-space helpers stay finite and exact at the extremes', () => {
		expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
		expect(logAddExp(-Infinity, -5)).toBe(-5);
		expect(logAddExp(-Infinity, -Infinity)).toBe(-Infinity);
		expect(logSumExp([-1000, -1000, -1000])).toBeCloseTo(-1000 + Math.log(3), 12);
		expect(log1pExp(800)).toBe(800);
		expect(log1pExp(-800)).toBe(0);
		expect(log1pExp(0)).toBeCloseTo(Math.LN2, 15);
		expect(log1mExp(-1e-20)).toBeCloseTo(Math.log(1e-20), 10);
		expect(log1mExp(-50)).toBeCloseTo(-Math.exp(-50), 30);
		expect(log1mExp(0)).toBe(-Infinity);
		expect(logistic(1000)).toBe(1);
		expect(logistic(-1000)).toBe(0);
		expect(logistic(-Infinity)).toBe(0);
		expect(logistic(Infinity)).toBe(1);
		expect(oneMinusExpOverEps(0, 2)).toBe(2);
		expect(oneMinusExpOverEps(1e-12, 2)).toBeCloseTo(2, 10);
		expect(oneMinusExpOverEps(-0.5, 2)).toBeCloseTo((1 - Math.exp(1)) / -0.5, 12);
	});
});
