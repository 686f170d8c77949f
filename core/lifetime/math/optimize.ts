/**
 * Unconstrained minimisation by L-BFGS (Nocedal & Wright, Numerical Optimization, 2nd ed., algorithm 7.4 for
 * the two-loop recursion and 3.5/3.6 for the line search with the strong Wolfe conditions), plus a central
 * difference gradient for objectives without an analytic one. The models optimise log-parameters, so the
 * search runs on all of R^n; `bound` clips each coordinate to [-bound, bound] to keep exp() finite.
 */

export type Objective = (x: Float64Array) => { f: number; g: Float64Array };

// Module-level aliases of globals: a global lookup per use is slow in sandboxes such as jest's vm contexts.
const M = Math;
const isFin = Number.isFinite;

export interface MinimizeOptions {
	/** Stop when the largest |gradient| component is below this (default 1e-9). */
	gradientTolerance?: number;
	/** Stop when f changes by less than this relative amount over 3 iterations (default 1e-14). */
	functionTolerance?: number;
	maxIterations?: number;
	/** History pairs kept (default 8). */
	memory?: number;
	/** Coordinates are clipped to [-bound, bound] (default 30). */
	bound?: number;
}

export interface MinimizeResult {
	x: Float64Array;
	f: number;
	g: Float64Array;
	iterations: number;
	evaluations: number;
	converged: boolean;
	/** Why it stopped. */
	reason: 'gradient' | 'function' | 'max-iterations' | 'line-search' | 'not-finite';
}

function dot(a: Float64Array, b: Float64Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * b[i];
	return s;
}

function maxAbs(a: Float64Array): number {
	let m = 0;
	for (let i = 0; i < a.length; i++) m = M.max(m, M.abs(a[i]));
	return m;
}

export function minimizeLbfgs(objective: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
	const n = x0.length;
	const gtol = options.gradientTolerance ?? 1e-9;
	const ftol = options.functionTolerance ?? 1e-14;
	const maxIter = options.maxIterations ?? 500;
	const m = options.memory ?? 8;
	const bound = options.bound ?? 30;
	const clip = (v: Float64Array) => {
		for (let i = 0; i < n; i++) v[i] = M.min(bound, M.max(-bound, v[i]));
		return v;
	};
	let evaluations = 0;
	const evaluate = (x: Float64Array) => {
		evaluations++;
		return objective(x);
	};

	let x = clip(Float64Array.from(x0));
	let { f, g } = evaluate(x);
	if (!isFin(f)) return { x, f, g, iterations: 0, evaluations, converged: false, reason: 'not-finite' };
	const S: Float64Array[] = [];
	const Y: Float64Array[] = [];
	const rho: number[] = [];
	let stall = 0;
	for (let iter = 1; iter <= maxIter; iter++) {
		if (maxAbs(g) < gtol) return { x, f, g, iterations: iter - 1, evaluations, converged: true, reason: 'gradient' };
		// two-loop recursion: d = -H g
		const q = Float64Array.from(g);
		const alpha = new Array<number>(S.length);
		for (let i = S.length - 1; i >= 0; i--) {
			alpha[i] = rho[i] * dot(S[i], q);
			for (let j = 0; j < n; j++) q[j] -= alpha[i] * Y[i][j];
		}
		let gamma = 1 / M.max(1, maxAbs(g)); // first step: a short one
		if (S.length) gamma = dot(S[S.length - 1], Y[Y.length - 1]) / dot(Y[Y.length - 1], Y[Y.length - 1]);
		for (let j = 0; j < n; j++) q[j] *= gamma;
		for (let i = 0; i < S.length; i++) {
			const beta = rho[i] * dot(Y[i], q);
			for (let j = 0; j < n; j++) q[j] += S[i][j] * (alpha[i] - beta);
		}
		const d = q.map((v) => -v);
		let slope = dot(g, d);
		if (!(slope < 0)) {
			// not a descent direction: restart from steepest descent
			S.length = Y.length = rho.length = 0;
			for (let j = 0; j < n; j++) d[j] = -g[j] / M.max(1, maxAbs(g));
			slope = dot(g, d);
		}
		const ls = lineSearch(evaluate, clip, x, f, g, d, slope);
		if (!ls) return { x, f, g, iterations: iter, evaluations, converged: maxAbs(g) < gtol * 1e3, reason: 'line-search' };
		const s = ls.x.map((v, j) => v - x[j]);
		const y = ls.g.map((v, j) => v - g[j]);
		const sy = dot(s, y);
		if (sy > 1e-300) {
			S.push(s);
			Y.push(y);
			rho.push(1 / sy);
			if (S.length > m) {
				S.shift();
				Y.shift();
				rho.shift();
			}
		}
		const fOld = f;
		x = ls.x;
		f = ls.f;
		g = ls.g;
		if (M.abs(fOld - f) <= ftol * M.max(1, M.abs(f))) {
			if (++stall >= 3) return { x, f, g, iterations: iter, evaluations, converged: true, reason: 'function' };
		} else stall = 0;
	}
	return { x, f, g, iterations: maxIter, evaluations, converged: maxAbs(g) < gtol, reason: 'max-iterations' };
}

/** Strong-Wolfe line search (N&W algorithm 3.5 with cubic-free bisection zoom); null when no progress. */
function lineSearch(
	evaluate: (x: Float64Array) => { f: number; g: Float64Array },
	clip: (v: Float64Array) => Float64Array,
	x: Float64Array,
	f0: number,
	g0: Float64Array,
	d: Float64Array,
	slope0: number,
): { x: Float64Array; f: number; g: Float64Array } | null {
	const c1 = 1e-4;
	const c2 = 0.9;
	// at the optimum f is flat to rounding: a rise within this is not a rise (else the search stalls on noise)
	const noise = 1e-14 * M.max(1, M.abs(f0));
	const at = (t: number) => {
		const xt = clip(x.map((v, j) => v + t * d[j]));
		const r = evaluate(xt);
		return { t, x: xt, f: r.f, g: r.g, slope: dot(r.g, d) };
	};
	type Point = ReturnType<typeof at>;
	const zoom = (lo: Point, hi: Point): Point | null => {
		for (let k = 0; k < 20; k++) {
			// interpolate the minimiser of the quadratic through lo (value, slope) and hi (value)
			const dt = hi.t - lo.t;
			const denom = 2 * (hi.f - lo.f - lo.slope * dt);
			let t = denom > 0 ? lo.t - (lo.slope * dt * dt) / denom : lo.t + dt / 2;
			const lower = M.min(lo.t, hi.t);
			const upper = M.max(lo.t, hi.t);
			if (!(t > lower + 0.1 * (upper - lower) && t < upper - 0.1 * (upper - lower))) t = lo.t + dt / 2;
			const p = at(t);
			if (!isFin(p.f) || p.f > f0 + c1 * t * slope0 + noise || p.f >= lo.f + noise) {
				hi = p;
			} else {
				if (M.abs(p.slope) <= -c2 * slope0) return p;
				if (p.slope * (hi.t - lo.t) >= 0) hi = lo;
				lo = p;
			}
			if (M.abs(hi.t - lo.t) < 1e-16 * M.max(1, M.abs(lo.t))) break;
		}
		return lo.t > 0 ? lo : null;
	};
	let prev: Point = { t: 0, x, f: f0, g: g0, slope: slope0 };
	let t = 1;
	for (let k = 0; k < 60; k++) {
		const p = at(t);
		if (!isFin(p.f)) {
			// stepped outside where the objective is finite: shrink
			t = prev.t + (t - prev.t) / 4;
			continue;
		}
		if (p.f > f0 + c1 * t * slope0 + noise || (k > 0 && p.f >= prev.f + noise)) return zoom(prev, p);
		if (M.abs(p.slope) <= -c2 * slope0) return p;
		if (p.slope >= 0) return zoom(p, prev);
		prev = p;
		t *= 2;
	}
	return prev.t > 0 ? prev : null;
}

/** Central differences of f with step h, for objectives without an analytic gradient. */
export function withNumericGradient(f: (x: Float64Array) => number, h = 1e-6): Objective {
	return (x) => {
		const fx = f(x);
		const g = new Float64Array(x.length);
		const y = Float64Array.from(x);
		for (let i = 0; i < x.length; i++) {
			const step = h * M.max(1, M.abs(x[i]));
			y[i] = x[i] + step;
			const fp = f(y);
			y[i] = x[i] - step;
			const fm = f(y);
			y[i] = x[i];
			g[i] = (fp - fm) / (2 * step);
		}
		return { f: fx, g };
	};
}
