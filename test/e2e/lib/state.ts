import { readFileSync } from 'fs';
import type { Runtime } from './install';

/** What globalSetup prepared for the tests. */
export interface E2eState {
	root: string;
	runtime: Runtime;
	userFolder: string;
	logFile: string;
	packageName: string;
	packageDirectory: string;
	tarball: string;
	timings: { runtimeMs: number; packMs: number };
}

export function readState(): E2eState {
	const file = process.env.BS_E2E_STATE;
	if (!file) throw new Error('BS_E2E_STATE is not set: run the suite with `npm run test:e2e` (its globalSetup prepares n8n)');
	return JSON.parse(readFileSync(file, 'utf8')) as E2eState;
}
