/**
 * `npm run bench`: times each job through n8n's engine beside a plain hand-written loop doing the same work, and
 * prints the figures and the ratio against its target. Each part lives in scripts/bench/<part>.ts and exports
 * `parts: BenchPart[]`.
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import type { BenchPart, BenchResult } from './bench/types';

async function main() {
	const only = process.argv[2];
	const files = readdirSync(join(__dirname, 'bench'))
		.filter((f) => f.endsWith('.ts') && f !== 'types.ts' && f !== 'util.ts')
		.sort();
	const rows: Array<BenchResult & { part: string; target?: number }> = [];
	for (const file of files) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { parts } = require(join(__dirname, 'bench', file)) as { parts: BenchPart[] };
		for (const part of parts) {
			if (only && !part.name.includes(only)) continue;
			process.stdout.write(`running ${part.name} ...\n`);
			const result = await part.run();
			rows.push({ ...result, part: part.name, target: part.targetRatio });
			print(rows[rows.length - 1]);
		}
	}
	console.log('\nsummary');
	console.log('part'.padEnd(52) + 'ours ms'.padStart(10) + 'loop ms'.padStart(10) + 'ratio'.padStart(8) + 'target'.padStart(8) + '  MB');
	for (const r of rows) {
		const ok = r.target === undefined || r.loopMs === undefined ? '' : r.oursMs / r.loopMs <= r.target ? ' ok' : ' OVER';
		console.log(
			r.part.padEnd(52) +
				r.oursMs.toFixed(0).padStart(10) +
				(r.loopMs === undefined ? '-' : r.loopMs.toFixed(0)).padStart(10) +
				(r.loopMs === undefined ? '-' : (r.oursMs / r.loopMs).toFixed(2)).padStart(8) +
				(r.target === undefined ? '-' : `<=${r.target}`).padStart(8) +
				'  ' + (r.heapMB === undefined ? '-' : r.heapMB.toFixed(0)) + ok,
		);
	}
}

function print(r: BenchResult & { part: string }) {
	console.log(`  ours ${r.oursMs.toFixed(1)} ms` + (r.loopMs === undefined ? '' : `, plain loop ${r.loopMs.toFixed(1)} ms, ratio ${(r.oursMs / r.loopMs).toFixed(2)}`) + (r.note ? `  (${r.note})` : ''));
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
