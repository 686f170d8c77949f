/**
 * Builds this package, `npm pack`s it, and installs the tarball into an n8n user folder the way n8n 2.41.0's own
 * community-package installer does (CommunityPackagesService.downloadPackage in
 * `n8n/dist/modules/community-packages/community-packages.service.js`):
 *
 *   <user folder>/.n8n/nodes/package.json                    the ledger { name: 'installed-nodes', dependencies }
 *   <user folder>/.n8n/nodes/node_modules/<package name>/    the tarball unpacked with --strip-components=1,
 *                                                            package.json without dev/peer/optional dependencies,
 *                                                            then `npm install --ignore-scripts ...` run inside it.
 *
 * Nothing from this repository's node_modules is reachable from there: at run time luxon, zod, lodash and
 * n8n-workflow resolve only through the NODE_PATH n8n sets to its own node_modules, as for a user.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runOk } from './proc';
import { npmEnv, pathWithNode, type Runtime } from './install';

const MIN = 60_000;

export interface PackageJson {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials?: string[]; n8nNodesApiVersion?: number };
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	[key: string]: unknown;
}

export function readPackageJson(dir: string): PackageJson {
	return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** `npm run build` then `npm pack`; returns the tarball's path (in a fresh temporary folder). */
export async function buildAndPack(root: string): Promise<string> {
	await runOk('npm run build', 'npm', ['run', 'build'], { cwd: root, timeoutMs: 5 * MIN });
	const out = mkdtempSync(join(tmpdir(), 'bs-e2e-pack-'));
	const packed = await runOk('npm pack', 'npm', ['pack', '--pack-destination', out, '--json'], {
		cwd: root,
		timeoutMs: 2 * MIN,
	});
	const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
	const tarball = join(out, info.filename);
	if (!existsSync(tarball)) throw new Error(`npm pack reported ${info.filename} but ${tarball} does not exist`);
	return tarball;
}

/** Mirrors n8n's installer for one tarball; returns the installed package directory. */
export async function installLikeN8n(tarball: string, userFolder: string, runtime: Runtime, packageName: string): Promise<string> {
	const downloadFolder = join(userFolder, '.n8n', 'nodes');
	const packageDirectory = join(downloadFolder, 'node_modules', packageName);
	rmSync(packageDirectory, { recursive: true, force: true });
	mkdirSync(packageDirectory, { recursive: true });
	// n8n: `npm pack <name>@<version>` in the download folder, then tar -xzf <tarball> -C <dir> --strip-components=1
	const localTarball = join(downloadFolder, tarball.split('/').pop()!);
	copyFileSync(tarball, localTarball);
	try {
		await runOk('unpack the tarball', 'tar', ['-xzf', localTarball, '-C', packageDirectory, '--strip-components=1'], {
			cwd: downloadFolder,
			timeoutMs: MIN,
		});
		const { devDependencies, peerDependencies, optionalDependencies, ...packageJson } = readPackageJson(packageDirectory);
		void devDependencies;
		void peerDependencies;
		void optionalDependencies;
		writeFileSync(join(packageDirectory, 'package.json'), JSON.stringify(packageJson, null, 2), 'utf-8');
		// The same flags n8n passes; n8n runs npm from its own process, i.e. with its Node first on PATH.
		await runOk(
			'npm install inside the unpacked package (as n8n does)',
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{ cwd: packageDirectory, env: npmEnv({ PATH: pathWithNode(runtime.nodeBin) }), timeoutMs: 5 * MIN },
		);
		// The ledger n8n keeps beside node_modules (updatePackageJsonDependency).
		const ledgerPath = join(downloadFolder, 'package.json');
		const ledger = existsSync(ledgerPath)
			? (JSON.parse(readFileSync(ledgerPath, 'utf8')) as { dependencies: Record<string, string> })
			: { name: 'installed-nodes', private: true, dependencies: {} as Record<string, string> };
		ledger.dependencies[packageName] = packageJson.version;
		writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2), 'utf-8');
	} finally {
		rmSync(localTarball, { force: true });
	}
	return packageDirectory;
}

/** What n8n will try to load: every file package.json `n8n.nodes` names must be in the installed package. */
export function assertPackageComplete(packageDirectory: string): PackageJson {
	const pkg = readPackageJson(packageDirectory);
	const missing = [...pkg.n8n.nodes, ...(pkg.n8n.credentials ?? [])].filter((p) => !existsSync(join(packageDirectory, p)));
	if (missing.length) {
		throw new Error(
			`the packed package lacks files its package.json n8n section names (n8n cannot load them): ${missing.join(', ')}`,
		);
	}
	if (pkg.dependencies && Object.keys(pkg.dependencies).length) {
		throw new Error(`the package has runtime dependencies (${Object.keys(pkg.dependencies).join(', ')}); the pack must have none`);
	}
	return pkg;
}
