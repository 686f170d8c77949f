/**
 * Once per e2e run: the pinned n8n and Node 24 (cached outside the package), this package built, packed and
 * installed into a fresh n8n user folder as n8n's community-package installer lays it out. The tests read what was
 * prepared from the state file named by BS_E2E_STATE. Any failure here stops the run with the reason.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { ensureRuntime } from './lib/install';
import { assertPackageComplete, buildAndPack, installLikeN8n, readPackageJson } from './lib/communityPackage';
import type { E2eState } from './lib/state';

export default async function globalSetup(): Promise<void> {
	const root = resolve(__dirname, '..', '..');
	const t0 = Date.now();
	const runtime = await ensureRuntime();
	const t1 = Date.now();
	const { name } = readPackageJson(root);
	const tarball = await buildAndPack(root);
	const userFolder = mkdtempSync(join(tmpdir(), 'bs-e2e-n8n-'));
	const packageDirectory = await installLikeN8n(tarball, userFolder, runtime, name);
	assertPackageComplete(packageDirectory);
	const t2 = Date.now();
	const state: E2eState = {
		root,
		runtime,
		userFolder,
		logFile: join(userFolder, 'n8n.log'),
		packageName: name,
		packageDirectory,
		tarball,
		timings: { runtimeMs: t1 - t0, packMs: t2 - t1 },
	};
	const stateFile = join(userFolder, 'e2e-state.json');
	writeFileSync(stateFile, JSON.stringify(state, null, 2));
	process.env.BS_E2E_STATE = stateFile;
	process.stderr.write(
		`\n[e2e] n8n + Node 24 ready in ${Math.round((t1 - t0) / 1000)} s (cache ${runtime.n8nDir}); ` +
			`package built, packed and installed in ${Math.round((t2 - t1) / 1000)} s into ${packageDirectory}\n`,
	);
}
