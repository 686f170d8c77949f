import { performance } from 'perf_hooks';

/** Best (lowest) wall time of `repeats` runs of fn, after one warm-up run. */
export async function bestOf(repeats: number, fn: () => unknown | Promise<unknown>): Promise<number> {
	await fn();
	let best = Infinity;
	for (let i = 0; i < repeats; i++) {
		const t0 = performance.now();
		await fn();
		best = Math.min(best, performance.now() - t0);
	}
	return best;
}
