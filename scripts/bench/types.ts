export interface BenchResult {
	/** Our node(s) run through n8n's engine, milliseconds (best of the repeats). */
	oursMs: number;
	/** A plain hand-written loop doing the same work, milliseconds (best of the repeats). */
	loopMs?: number;
	/** Peak heap growth in MB, when measured. */
	heapMB?: number;
	note?: string;
}

export interface BenchPart {
	name: string;
	/** ours / loop must stay at or below this. */
	targetRatio?: number;
	run(): Promise<BenchResult>;
}
