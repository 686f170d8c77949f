/**
 * Gamma-Gamma spend model: Fader & Hardie (2013), "The Gamma-Gamma model of monetary value" (after Colombo &
 * Jiang 1999). A customer's spend per purchase is Gamma(p, nu) around their own mean p/nu, with nu ~ Gamma(q, gamma)
 * across customers. Fitted on customers with at least one repeat purchase and a positive mean repeat spend.
 */
import { digamma, lnGamma } from './math/special';
import { minimizeLbfgs } from './math/optimize';

// Module-level aliases of globals: a global lookup per use is slow in sandboxes such as jest's vm contexts.
const M = Math;
const isFin = Number.isFinite;
const NAN = Number.NaN;

export interface GammaGammaParams {
	p: number;
	q: number;
	gamma: number;
	[key: string]: number;
}

export interface SpendSummary {
	/** Repeat purchases averaged over (x >= 1). */
	x: number;
	/** Their mean spend (> 0). */
	zbar: number;
}

/** Customers the spend model may use: x >= 1 and a positive, finite mean spend. */
export function spendEligible(x: number, zbar: number): boolean {
	return x >= 1 && zbar > 0 && isFin(zbar);
}

/**
 * Log-likelihood (the note's marginal distribution of zbar, in logs) and its gradient in (ln p, ln q, ln gamma):
 *   ln Gamma(px+q) - ln Gamma(px) - ln Gamma(q) + q ln gamma + (px-1) ln zbar + px ln x - (px+q) ln(gamma + x zbar)
 */
export function gammaGammaLogLikelihoodWithGradient(
	params: GammaGammaParams,
	data: ArrayLike<SpendSummary>,
): { ll: number; grad: [number, number, number] } {
	const { p, q, gamma } = params;
	let ll = 0;
	let gp = 0;
	let gq = 0;
	let gg = 0;
	const lnG = M.log(gamma);
	const lgq = lnGamma(q);
	const psq = digamma(q);
	for (let i = 0; i < data.length; i++) {
		const { x, zbar } = data[i];
		const px = p * x;
		const lx = M.log(x);
		const lz = M.log(zbar);
		const lden = M.log(gamma + x * zbar);
		ll += lnGamma(px + q) - lnGamma(px) - lgq + q * lnG + (px - 1) * lz + px * lx - (px + q) * lden;
		const psi = digamma(px + q);
		gp += x * (psi - digamma(px) + lz + lx - lden);
		gq += psi - psq + lnG - lden;
		gg += q / gamma - (px + q) / (gamma + x * zbar);
	}
	return { ll, grad: [gp * p, gq * q, gg * gamma] };
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, data: ArrayLike<SpendSummary>): number {
	return gammaGammaLogLikelihoodWithGradient(params, data).ll;
}

export interface GammaGammaFit {
	params: GammaGammaParams;
	logLikelihood: number;
	iterations: number;
	converged: boolean;
	customers: number;
}

/** Maximum likelihood fit (L-BFGS on log-parameters). Rows that are not spendEligible are left out. */
export function fitGammaGamma(rows: ArrayLike<SpendSummary>): GammaGammaFit {
	const data: SpendSummary[] = [];
	for (let i = 0; i < rows.length; i++) if (spendEligible(rows[i].x, rows[i].zbar)) data.push(rows[i]);
	if (!data.length) throw new RangeError('the spend model needs customers with repeat purchases and positive spend');
	let mean = 0;
	for (const d of data) mean += d.zbar;
	mean /= data.length;
	const W = data.length;
	const from = (v: ArrayLike<number>): GammaGammaParams => ({ p: M.exp(v[0]), q: M.exp(v[1]), gamma: M.exp(v[2]) });
	// start where the population mean p gamma / (q - 1) equals the sample mean
	const res = minimizeLbfgs(
		(v) => {
			const { ll, grad } = gammaGammaLogLikelihoodWithGradient(from(v), data);
			return { f: -ll / W, g: Float64Array.from(grad, (gi) => -gi / W) };
		},
		[M.log(1), M.log(2), M.log(mean)],
		{ maxIterations: 1000, gradientTolerance: 1e-9 },
	);
	return { params: from(res.x), logLikelihood: -res.f * W, iterations: res.iterations, converged: res.converged, customers: W };
}

/**
 * E[M | x, zbar], the expected mean spend per purchase (the note's conditional expectation):
 *   p (gamma + x zbar) / (p x + q - 1)
 * a weighted mean of the population mean p gamma/(q-1) and the customer's own zbar. For x = 0 it is the
 * population mean. Returns NaN when undefined (p x + q <= 1, e.g. q <= 1 for a customer without repeats):
 * the caller falls back to an observed average.
 */
export function conditionalExpectedAverageSpend(params: GammaGammaParams, x: number, zbar: number): number {
	const { p, q, gamma } = params;
	const den = p * x + q - 1;
	if (!(den > 0)) return NAN;
	const v = (p * (gamma + x * (x > 0 ? zbar : 0))) / den;
	return isFin(v) ? v : NAN;
}
