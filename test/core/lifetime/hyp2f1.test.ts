import { hyp2f1, hyp2f1Series } from '../../../core/lifetime/math/hyp2f1';
import ref from './fixtures/mpmath_reference.json';

describe('2F1 against mpmath on a grid (a, b, c, z incl. z < -1, z near 1, integer c-a-b, negative c)', () => {
	test('all 968 values to 1e-9 relative', () => {
		const bad: string[] = [];
		let worst = 0;
		for (const [a, b, c, z, v] of ref.hyp2f1 as number[][]) {
			const got = hyp2f1(a, b, c, z);
			const rel = Math.abs(got - v) / Math.abs(v);
			worst = Math.max(worst, rel);
			if (!(rel <= 1e-9)) bad.push(`2F1(${a}, ${b}; ${c}; ${z}) = ${got}, mpmath ${v}`);
		}
		expect(bad).toEqual([]);
		expect(worst).toBeLessThan(1e-9);
	});
});

describe('2F1 closed forms', () => {
	test('-ln(1-z)/z = 2F1(1,1;2;z), also very close to 1', () => {
		for (const z of [1e-8, 0.3, 0.9, 0.999, 0.999999, -3, -100]) {
			const v = -Math.log1p(-z) / z;
			expect(Math.abs(hyp2f1(1, 1, 2, z) / v - 1)).toBeLessThan(1e-9);
		}
	});
	test('(1-z)^-a = 2F1(a,b;b;z)', () => {
		for (const [a, b, z] of [[0.7, 2.2, 0.95], [3, 0.4, -7], [12.5, 3, 0.6]]) {
			const v = Math.pow(1 - z, -a);
			expect(Math.abs(hyp2f1(a, b, b, z) / v - 1)).toBeLessThan(1e-11);
		}
	});
	test('arcsin: 2F1(1/2,1/2;3/2;x^2) = asin(x)/x', () => {
		for (const x of [0.1, 0.7, 0.99, 0.99999]) expect(Math.abs(hyp2f1(0.5, 0.5, 1.5, x * x) / (Math.asin(x) / x) - 1)).toBeLessThan(1e-9);
	});
	test('polynomial case ends: 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))', () => {
		const [b, c, z] = [3, 5, -4];
		expect(hyp2f1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 12);
	});
	test("Gauss's sum at z = 1 and the undefined cases", () => {
		// 2F1(a,b;c;1) = Gamma(c)Gamma(c-a-b)/(Gamma(c-a)Gamma(c-b)); a=1,b=1,c=3: 2
		expect(hyp2f1(1, 1, 3, 1)).toBeCloseTo(2, 12);
		expect(hyp2f1(1, 1, 2, 1)).toBe(Infinity);
		expect(Number.isNaN(hyp2f1(1, 1, -2, 0.5))).toBe(true);
		expect(Number.isNaN(hyp2f1(1, 1, 2, 1.5))).toBe(true);
		expect(hyp2f1(2, 3, 4, 0)).toBe(1);
	});
	test('the series reports when it did not converge', () => {
		const s = hyp2f1Series(1, 1, 2, 0.9999999, 100);
		expect(s.converged).toBe(false);
		expect(hyp2f1Series(1, 1, 2, 0.5).converged).toBe(true);
	});
});
