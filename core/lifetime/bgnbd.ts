/**
 * BG/NBD ("beta-geometric / negative binomial distribution") model of Fader, Hardie & Lee (2005), "Counting
 * your customers the easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2), 275-284.
 *
 * While active a customer buys at rate lambda ~ Gamma(r, alpha); after each purchase they drop out with
 * probability p ~ Beta(a, b). Equation numbers below are the paper's.
 */
import { countModelFitData, type CompressedSummaries, type Summary } from './summaries';
import type { CountModel, FitOptions, FitResult } from './types';
import { hyp2f1 } from './math/hyp2f1';
import { logistic, oneMinusExpOverEps } from './math/special';
import { minimizeLbfgs } from './math/optimize';

// Module-level aliases of globals: a global lookup per use is slow in sandboxes such as jest's vm contexts.
const M = Math;
const isFin = Number.isFinite;
const INF = Number.POSITIVE_INFINITY;
const NAN = Number.NaN;

export interface BgNbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
	[key: string]: number;
}

/**
 * Log-likelihood (eq. 6, in logs) and its gradient with respect to (ln r, ln alpha, ln a, ln b):
 *   ln L = ln Gamma(r+x) - ln Gamma(r) + r ln alpha + ln B(a, b+x) - ln B(a, b) - (r+x) ln(alpha+T)
 *          + [x > 0] ln(1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
 * The Gamma and Beta ratios for integer x are finite sums (ln Gamma(r+x) - ln Gamma(r) = sum_{k<x} ln(r+k)),
 * taken once per evaluation as prefix sums over x = 0..max x.
 */
export function bgnbdLogLikelihoodWithGradient(
	params: BgNbdParams,
	data: CompressedSummaries,
): { ll: number; grad: [number, number, number, number] } {
	const { r, alpha, a, b } = params;
	const X = data.maxX;
	// prefix sums over k < x
	const Lr = new Float64Array(X + 1);
	const Dr = new Float64Array(X + 1);
	const Lb = new Float64Array(X + 1);
	const Db = new Float64Array(X + 1);
	const Lab = new Float64Array(X + 1);
	const Dab = new Float64Array(X + 1);
	// ln(a / (b + x - 1)) and 1 / (b + x - 1) for x >= 1
	const lnAoverBx1 = new Float64Array(X + 1);
	const invBx1 = new Float64Array(X + 1);
	for (let x = 1; x <= X; x++) {
		lnAoverBx1[x] = M.log(a / (b + x - 1));
		invBx1[x] = 1 / (b + x - 1);
	}
	for (let k = 0; k < X; k++) {
		Lr[k + 1] = Lr[k] + M.log(r + k);
		Dr[k + 1] = Dr[k] + 1 / (r + k);
		Lb[k + 1] = Lb[k] + M.log(b + k);
		Db[k + 1] = Db[k] + 1 / (b + k);
		Lab[k + 1] = Lab[k] + M.log(a + b + k);
		Dab[k + 1] = Dab[k] + 1 / (a + b + k);
	}
	const nT = data.uniqueT.length;
	const lT = new Float64Array(nT);
	const iT = new Float64Array(nT);
	for (let j = 0; j < nT; j++) {
		lT[j] = M.log(alpha + data.uniqueT[j]);
		iT[j] = 1 / (alpha + data.uniqueT[j]);
	}
	const nTx = data.uniqueTx.length;
	const lTx = new Float64Array(nTx);
	const iTx = new Float64Array(nTx);
	for (let j = 0; j < nTx; j++) {
		lTx[j] = M.log(alpha + data.uniqueTx[j]);
		iTx[j] = 1 / (alpha + data.uniqueTx[j]);
	}
	let ll = 0;
	let gr = 0;
	let gal = 0;
	let ga = 0;
	let gb = 0;
	const { x: xs, weight, tIndex, txIndex, size } = data;
	for (let i = 0; i < size; i++) {
		const x = xs[i];
		const w = weight[i];
		const jt = tIndex[i];
		const lt = lT[jt];
		const rx = r + x;
		let l = Lr[x] + Lb[x] - Lab[x] - rx * lt;
		let dr = Dr[x] - lt;
		let dal = -rx * iT[jt];
		let da = -Dab[x];
		let db = Db[x] - Dab[x];
		if (x > 0) {
			const jx = txIndex[i];
			const diff = lt - lTx[jx];
			const D = lnAoverBx1[x] + rx * diff;
			// softplus(D) and logistic(D) from one exp
			const e = M.exp(D > 0 ? -D : D);
			l += (D > 0 ? D : 0) + M.log1p(e);
			const s = D > 0 ? 1 / (1 + e) : e / (1 + e);
			dr += s * diff;
			dal += s * rx * (iT[jt] - iTx[jx]);
			da += s / a;
			db -= s * invBx1[x];
		}
		ll += w * l;
		gr += w * dr;
		gal += w * dal;
		ga += w * da;
		gb += w * db;
	}
	const W = data.total;
	ll += W * r * M.log(alpha);
	gr += W * M.log(alpha);
	gal += (W * r) / alpha;
	return { ll, grad: [gr * r, gal * alpha, ga * a, gb * b] };
}

export function bgnbdLogLikelihood(params: BgNbdParams, data: CompressedSummaries): number {
	return bgnbdLogLikelihoodWithGradient(params, data).ll;
}

function fromLogs(v: ArrayLike<number>): BgNbdParams {
	return { r: M.exp(v[0]), alpha: M.exp(v[1]), a: M.exp(v[2]), b: M.exp(v[3]) };
}

/** Maximum likelihood fit on log-parameters with L-BFGS and the analytic gradient. */
export function fitBgNbd(input: CompressedSummaries | ArrayLike<Summary>, options: FitOptions = {}): FitResult<BgNbdParams> {
	const { data, meanT } = countModelFitData(input, 'BG/NBD');
	const s = options.start ?? {};
	const x0 = [
		M.log(s.r ?? 1),
		M.log(s.alpha ?? meanT),
		M.log(s.a ?? 1),
		M.log(s.b ?? 1),
	];
	const W = data.total;
	const res = minimizeLbfgs(
		(v) => {
			const { ll, grad } = bgnbdLogLikelihoodWithGradient(fromLogs(v), data);
			return { f: -ll / W, g: Float64Array.from(grad, (gi) => -gi / W) };
		},
		x0,
		{ maxIterations: options.maxIterations ?? 1000, gradientTolerance: 1e-9 },
	);
	return {
		params: fromLogs(res.x),
		logLikelihood: -res.f * W,
		iterations: res.iterations,
		evaluations: res.evaluations,
		converged: res.converged,
		customers: W,
	};
}

/** ln of the odds that the customer dropped out after the last purchase (0 chance when x = 0). */
function logOddsDropped(p: BgNbdParams, x: number, tx: number, T: number): number {
	if (x === 0) return -INF;
	// ln(a/(b+x-1)) + (r+x) ln((alpha+T)/(alpha+t_x))
	return M.log(p.a) - M.log(p.b + x - 1) + (p.r + x) * M.log1p((T - tx) / (p.alpha + tx));
}

/**
 * P(alive | x, t_x, T) (the paper's technical appendix; also Fader, Hardie & Lee 2008, "Computing P(alive) using
 * the BG/NBD model"): 1 / (1 + [x > 0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)).
 * Exactly 1 for a customer without repeat purchases: BG/NBD customers can only drop out right after a purchase.
 */
export function conditionalProbabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
	return logistic(-logOddsDropped(p, x, tx, T));
}

/**
 * E[Y(t) | x, t_x, T], the expected number of repeat purchases in (T, T+t], eq. (10):
 *   (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] P(alive).
 * With z = t/(alpha+T+t), Euler's transformation turns the bracket into 1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z),
 * and with eps = a - 1 we sum (bracket)/eps directly:
 *   (a+b+x-1) * bracket/eps = C (1 - (1-z)^eps)/eps - (1-z)^eps sum_{k>=1} (a+b-1-r)_k (a)_{k-1} z^k / ((C+1)_{k-1} k!),
 * C = a+b+x-1. This has no 0/0 at a = 1 and no division by C (which can be 0 or negative when x = 0). Where the
 * series is too slow (z very close to 1) the closed form with our general 2F1 is used. The result is kept in
 * [0, P(alive) E[lambda | x, T] t], its bound from purchases never outrunning the buying rate.
 */
export function conditionalExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
	if (!(t > 0)) return 0;
	const { r, alpha, a, b } = p;
	const pAlive = conditionalProbabilityAlive(p, x, tx, T);
	const upper = (pAlive * (r + x) * t) / (alpha + T);
	const z = t / (alpha + T + t);
	const L = M.log1p(t / (alpha + T)); // -ln(1 - z)
	const eps = a - 1;
	const C = a + b + x - 1;
	const A1 = a + b - 1 - r;
	let perAlive = NAN;
	if (z <= 0.995) {
		let sum = 0;
		let u = A1 * z;
		for (let k = 1; k <= 20_000; k++) {
			sum += u;
			if (!isFin(sum)) break;
			const ratio = ((A1 + k) * (a + k - 1) * z) / ((C + k) * (k + 1));
			u *= ratio;
			if (u === 0 || (M.abs(ratio) < 1 && M.abs(u) <= 1e-17 * M.abs(sum) && M.abs(u) / (1 - z) <= 1e-16 * M.abs(sum))) {
				perAlive = C * oneMinusExpOverEps(eps, L) - M.exp(-eps * L) * sum;
				break;
			}
		}
	}
	if (!isFin(perAlive)) {
		// z close to 1: the closed form with the general 2F1 (its 1 - z transformation); at a = 1 the mean of a = 1 +- 1e-7
		const closed = (aa: number) => {
			const G = M.exp(-(r + x) * L) * hyp2f1(r + x, b + x, aa + b + x - 1, z);
			return ((aa + b + x - 1) / (aa - 1)) * (1 - G);
		};
		perAlive = M.abs(eps) > 1e-7 ? closed(a) : (closed(1 + 1e-7) + closed(1 - 1e-7)) / 2;
	}
	const value = perAlive * pAlive;
	if (!isFin(value)) return upper > 0 && isFin(upper) ? upper : 0;
	return M.min(M.max(value, 0), isFin(upper) ? upper : Number.MAX_VALUE);
}

/** E[X(t)] for a new customer, eq. (9): the expected repeat purchases in (0, t] from the first purchase. */
export function expectedPurchases(p: BgNbdParams, t: number): number {
	return conditionalExpectedPurchases(p, t, 0, 0, 0);
}

/**
 * For a customer still active at T: the time until the next purchase is reached with probability 1/2.
 * Given active at T, lambda | x, T ~ Gamma(r+x, alpha+T) and dropping out happens only after a purchase, so
 * P(next purchase within s) = 1 - ((alpha+T)/(alpha+T+s))^(r+x), whose median is (alpha+T)(2^(1/(r+x)) - 1).
 */
export function medianTimeToNextPurchase(p: BgNbdParams, x: number, _tx: number, T: number): number {
	return (p.alpha + T) * M.expm1(M.LN2 / (p.r + x));
}

export const bgnbd: CountModel<BgNbdParams> = {
	name: 'bgnbd',
	label: 'BG/NBD',
	paramNames: ['r', 'alpha', 'a', 'b'],
	fit: (data, options) => fitBgNbd(data, options),
	logLikelihood: bgnbdLogLikelihood,
	conditionalProbabilityAlive,
	conditionalExpectedPurchases,
	medianTimeToNextPurchase,
};
