/**
 * Gauss's hypergeometric function 2F1(a, b; c; z) for real arguments and real z < 1 (and z = 1 where Gauss's
 * sum converges), the way the customer-base models need it.
 *
 * - |z| small: the power series, summed term by term with the ratio recurrence, until the remaining terms
 *   cannot change the sum (checked while the terms shrink).
 * - z < 0: Pfaff's transformation 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; z/(z-1)) maps z into (0, 1).
 * - z close to 1: the linear transformation to 1 - z (Abramowitz & Stegun 15.3.6). When c - a - b is (close
 *   to) an integer that formula has two cancelling poles; we evaluate it at c - a - b moved by +-2e-6 and take
 *   the mean, which is exact to about 1e-10 relative because 2F1 is analytic in b.
 *
 * Returns NaN where the function is not defined (c a non-positive integer that the series reaches; z > 1).
 */
import { gammaSign, lnGamma } from './special';

// Module-level aliases of globals: a global lookup per use is slow in sandboxes such as jest's vm contexts.
const M = Math;
const isFin = Number.isFinite;
const isNaNum = Number.isNaN;
const isInt = Number.isInteger;
const INF = Number.POSITIVE_INFINITY;
const NAN = Number.NaN;

/** Largest number of series terms before the series is judged too slow (then a transformation is used). */
const MAX_TERMS = 20_000;
const EPS = 1e-16;

export interface SeriesResult {
	value: number;
	converged: boolean;
	terms: number;
	/** Estimated relative rounding error: EPS * (sum of |terms|) / |sum|. */
	err: number;
}

function isNonPositiveInteger(v: number): boolean {
	return v <= 0 && isInt(v);
}

/** The plain power series sum_k (a)_k (b)_k / ((c)_k k!) z^k, up to maxTerms terms. */
export function hyp2f1Series(a: number, b: number, c: number, z: number, maxTerms = MAX_TERMS): SeriesResult {
	let sum = 1;
	let term = 1;
	let sumAbs = 1;
	let small = 0;
	const done = (converged: boolean, k: number): SeriesResult => ({
		value: sum,
		converged,
		terms: k,
		err: sum === 0 ? INF : (EPS * 4 * sumAbs) / M.abs(sum),
	});
	for (let k = 0; k < maxTerms; k++) {
		const num = (a + k) * (b + k);
		if (num === 0) return done(true, k); // polynomial: the series ends
		const den = (c + k) * (k + 1);
		if (den === 0) return { value: NAN, converged: false, terms: k, err: INF };
		const ratio = (num / den) * z;
		term *= ratio;
		sum += term;
		sumAbs += M.abs(term);
		if (!isFin(sumAbs)) return { ...done(false, k), err: INF };
		if (M.abs(term) <= EPS * M.abs(sum) && M.abs(ratio) < 1) {
			// the rest is bounded by term * q / (1 - q) while the ratios stay below q < 1
			const q = M.abs((((a + k + 1) * (b + k + 1)) / ((c + k + 1) * (k + 2))) * z);
			const qq = M.max(q, M.abs(z));
			if (qq < 1 && (M.abs(term) * qq) / (1 - qq) <= EPS * M.abs(sum)) {
				if (++small >= 2) return done(true, k + 1);
			} else small = 0;
		} else small = 0;
	}
	return done(false, maxTerms);
}

interface Estimate {
	value: number;
	err: number;
}

/** Gamma(c) Gamma(p) / (Gamma(q1) Gamma(q2)); 0 when a denominator has a pole. */
function gammaRatio(c: number, p: number, q1: number, q2: number): number {
	const s = gammaSign(c) * gammaSign(p);
	const sq = gammaSign(q1) * gammaSign(q2);
	if (sq === 0) return 0; // 1/Gamma at a pole is 0
	if (s === 0) return NAN;
	return s * sq * M.exp(lnGamma(c) + lnGamma(p) - lnGamma(q1) - lnGamma(q2));
}

/** A&S 15.3.6, for non-integer m = c - a - b. */
function oneMinusZ(a: number, b: number, c: number, z: number): Estimate {
	const m = c - a - b;
	const y = 1 - z;
	const t1 = gammaRatio(c, m, c - a, c - b);
	const t2 = gammaRatio(c, -m, a, b);
	let v1 = 0;
	let e1 = 0;
	if (t1 !== 0) {
		const s1 = hyp2f1Series(a, b, 1 - m, y);
		v1 = t1 * s1.value;
		e1 = M.abs(v1) * (s1.converged ? s1.err : INF);
	}
	let v2 = 0;
	let e2 = 0;
	if (t2 !== 0) {
		const s2 = hyp2f1Series(c - a, c - b, 1 + m, y);
		v2 = M.pow(y, m) * t2 * s2.value;
		e2 = M.abs(v2) * (s2.converged ? s2.err : INF);
	}
	const value = v1 + v2;
	// the gamma factors carry about 1e-14 relative each
	const err = (e1 + e2 + 1e-14 * (M.abs(v1) + M.abs(v2))) / M.abs(value);
	return { value, err: isFin(value) ? err : INF };
}

function nearZ1(a: number, b: number, c: number, z: number): Estimate {
	const m = c - a - b;
	const gap = M.abs(m - M.round(m));
	if (gap > 1e-5) {
		const r = oneMinusZ(a, b, c, z);
		// close to an integer the two poles cancel: about 1e-16 / gap of the size is lost
		return { value: r.value, err: r.err * M.max(1, 1e-3 / gap) };
	}
	// move b so that m sits 2e-6 either side of the integer and interpolate back (error O(1e-10))
	const n = M.round(m);
	const h = 2e-6;
	const bPlus = b + (m - n) - h; // m' = n + h
	const bMinus = b + (m - n) + h; // m' = n - h
	const fp = oneMinusZ(a, bPlus, c, z);
	const fm = oneMinusZ(a, bMinus, c, z);
	const wPlus = (b - bMinus) / (bPlus - bMinus);
	const value = fm.value + wPlus * (fp.value - fm.value);
	return { value, err: M.max(fp.err, fm.err) * 1e2 + 1e-10 };
}

function better(x: Estimate, y: Estimate): Estimate {
	if (!isFin(x.value)) return y;
	if (!isFin(y.value)) return x;
	return x.err <= y.err ? x : y;
}

/** 2F1 for z in [0, 1) with an error estimate. */
function unitInterval(a: number, b: number, c: number, z: number): Estimate {
	const s = hyp2f1Series(a, b, c, z, z <= 0.75 ? MAX_TERMS : 4000);
	const fromSeries: Estimate = { value: s.value, err: s.converged ? s.err : INF };
	if (fromSeries.err < 1e-13) return fromSeries;
	const best = better(fromSeries, nearZ1(a, b, c, z));
	if (best.err < 1e-9) return best;
	// a longer series only where it can finish (about 36 / (1 - z) terms for 1e-16)
	if (1 - z < 2e-4 && isFin(best.value)) return best;
	const long = hyp2f1Series(a, b, c, z, 50_000);
	return better(best, { value: long.value, err: long.converged ? long.err : INF });
}

function estimate(a: number, b: number, c: number, z: number): Estimate {
	if (z >= 0) return unitInterval(a, b, c, z);
	if (z >= -0.5) {
		const s = hyp2f1Series(a, b, c, z);
		if (s.converged && s.err < 1e-13) return { value: s.value, err: s.err };
	}
	// Pfaff: 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; w) = (1-z)^-b 2F1(c-a, b; c; w), w = z/(z-1) in (0, 1)
	const w = z / (z - 1);
	const p1 = unitInterval(a, c - b, c, w);
	const p2 = unitInterval(c - a, b, c, w);
	const v1 = { value: M.pow(1 - z, -a) * p1.value, err: p1.err };
	const v2 = { value: M.pow(1 - z, -b) * p2.value, err: p2.err };
	return better(v1, v2);
}

/** 2F1(a, b; c; z) for real a, b, c and real z <= 1. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
	if ([a, b, c, z].some((v) => isNaNum(v))) return NAN;
	if (z === 0 || a === 0 || b === 0) return 1;
	const terminates = isNonPositiveInteger(a) || isNonPositiveInteger(b);
	if (isNonPositiveInteger(c)) {
		// defined only when the series ends before (c)_k reaches 0
		const stop = M.max(isNonPositiveInteger(a) ? a : -INF, isNonPositiveInteger(b) ? b : -INF);
		if (!(stop > c)) return NAN;
	}
	if (z > 1) return NAN;
	if (terminates && M.abs(z) <= 1) return hyp2f1Series(a, b, c, z).value;
	if (z === 1) {
		const m = c - a - b;
		if (m <= 0) return INF;
		return gammaRatio(c, m, c - a, c - b);
	}
	return estimate(a, b, c, z).value;
}
