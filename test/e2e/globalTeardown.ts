/** Removes the temporary n8n user folder of this run (keep it with BS_E2E_KEEP=1 to look at n8n's database and log). */
import { rmSync } from 'fs';
import { dirname } from 'path';
import { readState } from './lib/state';

export default async function globalTeardown(): Promise<void> {
	if (!process.env.BS_E2E_STATE) return;
	const state = readState();
	if (process.env.BS_E2E_KEEP === '1') {
		process.stderr.write(`[e2e] kept the n8n user folder ${state.userFolder} (log: ${state.logFile})\n`);
		return;
	}
	rmSync(state.userFolder, { recursive: true, force: true });
	rmSync(dirname(state.tarball), { recursive: true, force: true }); // the bs-e2e-pack-* folder npm pack wrote into
}
