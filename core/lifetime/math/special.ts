/**
 * Special functions for the customer-base models, in plain TypeScript (no runtime dependency).
 *
 * Accuracy: lnGamma and digamma to about 1e-15 absolute on (0, 1e300); the hypergeometric function in
 * `hyp2f1.ts`. Everything the likelihoods need in log space (log-sum-exp, softplus, logistic) is here too.
 */

const LN_SQRT_2PI = 0.9189385332046728;

// Module-level aliases of globals: a global lookup per use is slow in sandboxes such as jest's vm contexts.
const M = Math;
const isFin = Number.isFinite;
const isNaNum = Number.isNaN;
const isInt = Number.isInteger;
const INF = Number.POSITIVE_INFINITY;
const NAN = Number.NaN;

/** sin(pi x) without the rounding of pi * x for large |x|. */
export function sinPi(x: number): number {
	let r = x % 2; // (-2, 2)
	if (r <= -1) r += 2;
	else if (r > 1) r -= 2; // (-1, 1]
	if (r === 0 || r === 1) return 0;
	if (r > 0.5) r = 1 - r;
	else if (r < -0.5) r = -1 - r;
	return M.sin(M.PI * r);
}

/** ln Gamma(x) for x > 0 (Stirling series after shifting the argument to at least 10). */
function lnGammaPositive(x: number): number {
	if (x >= 10) {
		const inv = 1 / x;
		const inv2 = inv * inv;
		// Stirling: B_{2k} / (2k (2k-1) x^{2k-1}), k = 1..7
		const series =
			inv *
			(1 / 12 +
				inv2 *
					(-1 / 360 +
						inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 * (1 / 156)))))));
		return (x - 0.5) * M.log(x) - x + LN_SQRT_2PI + series;
	}
	// Gamma(x) = Gamma(x + n) / (x (x+1) ... (x+n-1))
	let prod = 1;
	let y = x;
	while (y < 10) {
		prod *= y;
		y += 1;
	}
	return lnGammaPositive(y) - M.log(prod);
}

/** ln |Gamma(x)|; +Infinity at the poles (0, -1, -2, ...). */
export function lnGamma(x: number): number {
	if (isNaNum(x)) return NAN;
	if (x > 0) return lnGammaPositive(x);
	if (isInt(x)) return INF;
	// reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x)
	return M.log(M.PI / M.abs(sinPi(x))) - lnGammaPositive(1 - x);
}

/** Sign of Gamma(x): +1 for x > 0; alternating between the poles below 0; 0 at a pole. */
export function gammaSign(x: number): number {
	if (x > 0) return 1;
	if (isInt(x)) return 0;
	return M.floor(x) % 2 === 0 ? 1 : -1;
}

/** ln B(a, b) = lnGamma(a) + lnGamma(b) - lnGamma(a + b), for a, b > 0. */
export function lnBeta(a: number, b: number): number {
	return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** The digamma function psi(x) = d/dx ln Gamma(x); NaN at the poles. */
export function digamma(x: number): number {
	if (isNaNum(x)) return NAN;
	if (x <= 0) {
		if (isInt(x)) return NAN;
		// psi(1 - x) - psi(x) = pi cot(pi x)
		return digamma(1 - x) - M.PI / M.tan(M.PI * (x - M.round(x)));
	}
	let acc = 0;
	while (x < 10) {
		acc -= 1 / x;
		x += 1;
	}
	const inv2 = 1 / (x * x);
	// ln x - 1/(2x) - sum B_{2k} / (2k x^{2k})
	const series =
		inv2 *
		(1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
	return acc + M.log(x) - 0.5 / x - series;
}

/** ln(e^a + e^b) without overflow; -Infinity when both are. */
export function logAddExp(a: number, b: number): number {
	if (a === -INF) return b;
	if (b === -INF) return a;
	return a > b ? a + M.log1p(M.exp(b - a)) : b + M.log1p(M.exp(a - b));
}

/** ln sum e^{v_i} without overflow. */
export function logSumExp(values: ArrayLike<number>): number {
	let max = -INF;
	for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
	if (max === -INF || max === INF) return max;
	let s = 0;
	for (let i = 0; i < values.length; i++) s += M.exp(values[i] - max);
	return max + M.log(s);
}

/** ln(1 + e^x) (softplus), exact for every finite x. */
export function log1pExp(x: number): number {
	if (x > 0) return x + M.log1p(M.exp(-x));
	return M.log1p(M.exp(x));
}

/** ln(1 - e^x) for x <= 0 (Maechler's switch between log1p and expm1); -Infinity at 0. */
export function log1mExp(x: number): number {
	if (x > 0) return NAN;
	return x > -M.LN2 ? M.log(-M.expm1(x)) : M.log1p(-M.exp(x));
}

/** 1 / (1 + e^{-x}), in [0, 1] for every x. */
export function logistic(x: number): number {
	if (x >= 0) return 1 / (1 + M.exp(-x));
	const e = M.exp(x);
	return e / (1 + e);
}

/** (1 - e^{-eps L}) / eps, continuous at eps = 0 (where it is L). */
export function oneMinusExpOverEps(eps: number, L: number): number {
	if (eps === 0) return L;
	const v = -M.expm1(-eps * L) / eps;
	return isFin(v) ? v : L; // |eps L| tiny underflows nothing; guard only
}
