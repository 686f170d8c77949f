/**
 * Pareto/NBD model of Schmittlein, Morrison & Colombo (1987), "Counting your customers: who are they and what
 * will they do next?", Management Science 33(1), 1-24, in the form of Fader & Hardie (2005), "A note on deriving
 * the Pareto/NBD model and related expressions" (expressions below as derived there).
 *
 * While active a customer buys at rate lambda ~ Gamma(r, alpha) and stays active for an exponential time with
 * rate mu ~ Gamma(s, beta).
 */
import { countModelFitData, type CompressedSummaries, type Summary } from './summaries';
import type { CountModel, FitOptions, FitResult } from './types';
import { hyp2f1 } from './math/hyp2f1';
import { lnGamma, log1mExp, logAddExp, logistic, oneMinusExpOverEps } from './math/special';
import { minimizeLbfgs, withNumericGradient } from './math/optimize';

// Module-level aliases of globals: a global lookup per use is slow in sandboxes such as jest's vm contexts.
const M = Math;
const isFin = Number.isFinite;
const INF = Number.POSITIVE_INFINITY;
const NAN = Number.NaN;

export interface ParetoNbdParams {
	r: number;
	alpha: number;
	s: number;
	beta: number;
	[key: string]: number;
}

/**
 * ln of 2F1(A, B; A+1; z) for z in [0, 1), with one-minus-z passed exactly (1 - z loses digits near z = 1).
 * Euler's transformation gives 2F1(A, B; A+1; z) = (1-z)^(1-B) 2F1(1, A+1-B; A+1; z), whose series has
 * positive terms with ratios below z. When that series would need thousands of terms (z near 1), the general
 * 2F1 takes over (transformation to 1 - z).
 */
export function logHyp2f1AB1(A: number, B: number, z: number, oneMinusZ: number): number {
	if (z === 0) return 0;
	const d = A + 1 - B;
	// sum_k (d)_k / (A+1)_k z^k: positive terms, ratios (d+k)/(A+1+k) z below z, so the tail after a term u is
	// below u z / (1 - z)
	let sum = 1;
	let u = 1;
	let inner = NAN;
	const tailFactor = z / (1 - z);
	for (let k = 0; k < 3000; k++) {
		u *= ((d + k) / (A + 1 + k)) * z;
		sum += u;
		if (u * tailFactor <= 1e-16 * sum) {
			inner = sum;
			break;
		}
	}
	if (!(inner > 0)) inner = hyp2f1(1, d, A + 1, z);
	return (1 - B) * M.log(oneMinusZ) + M.log(inner);
}

/**
 * ln A0 of the note's likelihood: with m = max(alpha, beta), n = min(alpha, beta), A = r+s+x and
 * B = s+1 when alpha >= beta, else r+x,
 *   A0 = 2F1(A, B; A+1; (m-n)/(m+t_x)) / (m+t_x)^A - 2F1(A, B; A+1; (m-n)/(m+T)) / (m+T)^A,
 * computed as ln F(t_x) + ln(1 - F(T)/F(t_x)). -Infinity when t_x = T (A0 = 0).
 */
function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
	if (tx >= T) return -INF;
	const { r, alpha, s, beta } = p;
	const A = r + s + x;
	const ge = alpha >= beta;
	const m = ge ? alpha : beta;
	const n = ge ? beta : alpha;
	const B = ge ? s + 1 : r + x;
	const logF = (t: number) =>
		logHyp2f1AB1(A, B, (m - n) / (m + t), (n + t) / (m + t)) - A * M.log(m + t);
	const f1 = logF(tx);
	const f2 = logF(T);
	if (!(f2 < f1)) return -INF;
	return f1 + log1mExp(f2 - f1);
}

function logLikelihoodOne(p: ParetoNbdParams, x: number, tx: number, T: number, lnGammaRatio: number): number {
	const { r, alpha, s, beta } = p;
	// the note's likelihood: L = Gamma(r+x) alpha^r beta^s / Gamma(r) [ 1/((alpha+T)^(r+x) (beta+T)^s) + s/(r+s+x) A0 ]
	const head = lnGammaRatio + r * M.log(alpha) + s * M.log(beta);
	const l1 = -(r + x) * M.log(alpha + T) - s * M.log(beta + T);
	const l2 = M.log(s / (r + s + x)) + logA0(p, x, tx, T);
	return head + logAddExp(l1, l2);
}

export function paretoNbdLogLikelihood(p: ParetoNbdParams, data: CompressedSummaries): number {
	const lnGr = new Float64Array(data.maxX + 1);
	for (let k = 0; k < data.maxX; k++) lnGr[k + 1] = lnGr[k] + M.log(p.r + k);
	let ll = 0;
	for (let i = 0; i < data.size; i++) {
		const x = data.x[i];
		ll += data.weight[i] * logLikelihoodOne(p, x, data.tx[i], data.T[i], lnGr[x]);
	}
	return ll;
}

function fromLogs(v: ArrayLike<number>): ParetoNbdParams {
	return { r: M.exp(v[0]), alpha: M.exp(v[1]), s: M.exp(v[2]), beta: M.exp(v[3]) };
}

/**
 * Maximum likelihood fit on log-parameters with L-BFGS. The gradient is taken by central differences (the
 * derivatives of 2F1 in its parameters have no cheap closed form); the likelihood is smooth, so this is enough.
 */
export function fitParetoNbd(input: CompressedSummaries | ArrayLike<Summary>, options: FitOptions = {}): FitResult<ParetoNbdParams> {
	const { data, meanT } = countModelFitData(input, 'Pareto/NBD');
	const st = options.start ?? {};
	const x0 = [M.log(st.r ?? 1), M.log(st.alpha ?? meanT), M.log(st.s ?? 1), M.log(st.beta ?? meanT)];
	const W = data.total;
	const res = minimizeLbfgs(
		withNumericGradient((v) => {
			const ll = paretoNbdLogLikelihood(fromLogs(v), data);
			return isFin(ll) ? -ll / W : INF;
		}, 1e-6),
		x0,
		{ maxIterations: options.maxIterations ?? 500, gradientTolerance: 1e-8, functionTolerance: 1e-13 },
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

/**
 * P(alive | x, t_x, T) (the note's P(alive), in terms of the same A0):
 *   1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0), in logs. 1 when t_x = T (bought at the very end).
 */
export function conditionalProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
	const { r, alpha, s, beta } = p;
	const la0 = logA0(p, x, tx, T);
	if (la0 === -INF) return 1;
	const logOdds = M.log(s / (r + s + x)) + (r + x) * M.log(alpha + T) + s * M.log(beta + T) + la0;
	return logistic(-logOdds);
}

/**
 * E[Y(t) | x, t_x, T] (Schmittlein et al.'s conditional expectation, as in the note):
 *   (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)] P(alive),
 * with [1 - ((beta+T)/(beta+T+t))^(s-1)]/(s-1) taken as (1 - e^{-(s-1)L})/(s-1), L = ln(1 + t/(beta+T)),
 * which is continuous at s = 1 (where it is L).
 */
export function conditionalExpectedPurchases(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
	if (!(t > 0)) return 0;
	const { r, alpha, s, beta } = p;
	const L = M.log1p(t / (beta + T));
	const v = (((r + x) * (beta + T)) / (alpha + T)) * oneMinusExpOverEps(s - 1, L) * conditionalProbabilityAlive(p, x, tx, T);
	const upper = ((r + x) * t) / (alpha + T);
	if (!isFin(v)) return isFin(upper) ? upper : 0;
	return M.min(M.max(v, 0), upper);
}

/** For a customer active until the next purchase: median time from T to it, (alpha+T)(2^(1/(r+x)) - 1). */
export function medianTimeToNextPurchase(p: ParetoNbdParams, x: number, _tx: number, T: number): number {
	return (p.alpha + T) * M.expm1(M.LN2 / (p.r + x));
}

/** ln Gamma(r+x) - ln Gamma(r), exposed for tests. */
export function lnGammaRatio(r: number, x: number): number {
	return lnGamma(r + x) - lnGamma(r);
}

export const paretoNbd: CountModel<ParetoNbdParams> = {
	name: 'paretoNbd',
	label: 'Pareto/NBD',
	paramNames: ['r', 'alpha', 's', 'beta'],
	fit: (data, options) => fitParetoNbd(data, options),
	logLikelihood: paretoNbdLogLikelihood,
	conditionalProbabilityAlive,
	conditionalExpectedPurchases,
	medianTimeToNextPurchase,
};
