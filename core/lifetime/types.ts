import type { CompressedSummaries } from './summaries';

/** What a fit returns: the maximum likelihood estimates and how the search ended. */
export interface FitResult<P> {
	params: P;
	/** Log-likelihood at params, summed over customers. */
	logLikelihood: number;
	iterations: number;
	evaluations: number;
	converged: boolean;
	/** Customers the fit used. */
	customers: number;
}

export interface FitOptions {
	/** Starting point (model parameters, not logs). */
	start?: Record<string, number>;
	maxIterations?: number;
}

/** A purchase-count model (BG/NBD, Pareto/NBD): fitted on (x, t_x, T), then asked about each customer. */
export interface CountModel<P extends Record<string, number> = Record<string, number>> {
	name: 'bgnbd' | 'paretoNbd';
	label: string;
	paramNames: Array<keyof P & string>;
	fit(data: CompressedSummaries, options?: FitOptions): FitResult<P>;
	logLikelihood(params: P, data: CompressedSummaries): number;
	/** P(customer still active at T | x, t_x, T), in [0, 1]. */
	conditionalProbabilityAlive(params: P, x: number, tx: number, T: number): number;
	/** Expected repeat purchases in (T, T + t] given x, t_x, T; finite and >= 0. */
	conditionalExpectedPurchases(params: P, t: number, x: number, tx: number, T: number): number;
	/** Median time from T to the next purchase for a customer who stays active (may be Infinity). */
	medianTimeToNextPurchase(params: P, x: number, tx: number, T: number): number;
}
