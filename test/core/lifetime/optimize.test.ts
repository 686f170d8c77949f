import { minimizeLbfgs, withNumericGradient } from '../../../core/lifetime/math/optimize';

describe('L-BFGS', () => {
	test('Rosenbrock from (-1.2, 1) to (1, 1)', () => {
		const res = minimizeLbfgs((v) => {
			const [x, y] = [v[0], v[1]];
			return {
				f: 100 * (y - x * x) ** 2 + (1 - x) ** 2,
				g: Float64Array.from([-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)]),
			};
		}, [-1.2, 1]);
		expect(res.converged).toBe(true);
		expect(res.x[0]).toBeCloseTo(1, 7);
		expect(res.x[1]).toBeCloseTo(1, 7);
		expect(res.iterations).toBeLessThan(60);
	});
	test('an ill-scaled quadratic in 6 dimensions', () => {
		const scales = [1, 10, 100, 1e3, 1e4, 1e5];
		const res = minimizeLbfgs((v) => {
			let f = 0;
			const g = new Float64Array(6);
			for (let i = 0; i < 6; i++) {
				f += 0.5 * scales[i] * (v[i] - i) ** 2;
				g[i] = scales[i] * (v[i] - i);
			}
			return { f, g };
		}, [5, 5, 5, 5, 5, 5], { gradientTolerance: 1e-8 });
		expect(res.converged).toBe(true);
		for (let i = 0; i < 6; i++) expect(res.x[i]).toBeCloseTo(i, 6);
	});
	test('numeric gradients reach the same optimum', () => {
		const res = minimizeLbfgs(withNumericGradient((v) => (v[0] - 3) ** 2 + Math.exp(v[1]) - v[1]), [0, 2]);
		expect(res.x[0]).toBeCloseTo(3, 5);
		expect(res.x[1]).toBeCloseTo(0, 5);
	});
	test('coordinates are clipped to the bound, where exp() stays finite', () => {
		const res = minimizeLbfgs((v) => ({ f: -v[0], g: Float64Array.from([-1]) }), [0], { bound: 5, maxIterations: 50 });
		expect(res.x[0]).toBeLessThanOrEqual(5);
		expect(Number.isFinite(res.f)).toBe(true);
	});
	test('a non-finite start is reported, not looped on', () => {
		const res = minimizeLbfgs(() => ({ f: NaN, g: Float64Array.from([0]) }), [0]);
		expect(res.converged).toBe(false);
		expect(res.reason).toBe('not-finite');
	});
});
