import { performance } from 'perf_hooks';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import type { INodeExecutionData } from 'n8n-workflow';

/** A full garbage collection on demand (between timed runs), also when node was started without --expose-gc. */
export function collector(): () => void {
	const exposed = (globalThis as { gc?: () => void }).gc;
	if (exposed) return exposed;
	setFlagsFromString('--expose-gc');
	return runInNewContext('gc') as () => void;
}

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same generated data every run. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Best (lowest) wall time of `repeats` runs of fn, after one warm-up run; `beforeEach` runs untimed before each. */
export async function bestOf(repeats: number, fn: () => unknown | Promise<unknown>, beforeEach?: () => void): Promise<number> {
	await fn();
	let best = Infinity;
	for (let i = 0; i < repeats; i++) {
		beforeEach?.();
		const t0 = performance.now();
		await fn();
		best = Math.min(best, performance.now() - t0);
	}
	return best;
}

/**
 * Whether our engine run and the plain loop produced the same outputs: the same item counts per output and the same
 * JSON for about `samples` items spread over each output. Returns the first difference, or null.
 */
export function sameOutputs(a: INodeExecutionData[][], b: INodeExecutionData[][], samples: number): string | null {
	if (a.length !== b.length) return `outputs ${a.length} vs ${b.length}`;
	for (let o = 0; o < a.length; o++) {
		if (a[o].length !== b[o].length) return `output ${o}: ${a[o].length} vs ${b[o].length} items`;
		const step = Math.max(1, Math.floor(a[o].length / samples));
		for (let i = 0; i < a[o].length; i += step) {
			const x = JSON.stringify(a[o][i]);
			const y = JSON.stringify(b[o][i]);
			if (x !== y) return `output ${o} item ${i}:\n  ours ${x}\n  loop ${y}`;
		}
	}
	return null;
}
