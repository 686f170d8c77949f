/**
 * n8n's rules for community packages, checked on our sources: allowed imports only, no timers, process, globalThis,
 * file access or Date arithmetic in node and core code; the domain core never imports n8n; package.json is laid
 * out the way n8n's installer expects.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');
const ALLOWED = new Set(['n8n-workflow', 'luxon', 'zod', 'lodash', 'crypto', 'node:crypto']);

function sources(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...sources(p));
		else if (p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.endsWith('.test.ts')) out.push(p);
	}
	return out;
}

const shipped = ['core', 'nodes', 'credentials'].flatMap((d) => {
	try {
		return sources(join(ROOT, d));
	} catch {
		return [];
	}
});

function imports(text: string): string[] {
	const out: string[] = [];
	const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
	for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3]);
	return out;
}

/** Source text without comments and string contents, so words in prose do not count. */
function code(text: string): string {
	return text
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/(^|[^:])\/\/.*$/gm, '$1')
		.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
}

describe('shipped code follows n8n community package rules', () => {
	test('there is shipped code to check', () => {
		expect(shipped.length).toBeGreaterThan(5);
	});

	test.each(shipped.map((p) => [relative(ROOT, p), p]))('%s imports only allowed modules', (_name, p) => {
		const bad = imports(readFileSync(p, 'utf8')).filter(
			(m) => !m.startsWith('.') && !ALLOWED.has(m) && !m.startsWith('lodash/'),
		);
		expect(bad).toEqual([]);
	});

	test.each(shipped.map((p) => [relative(ROOT, p), p]))('%s uses no timers, process, globalThis, fs or Date arithmetic', (_name, p) => {
		const text = code(readFileSync(p, 'utf8'));
		const found = [/\bsetTimeout\b/, /\bsetInterval\b/, /\bsetImmediate\b/, /\bprocess\./, /\bglobalThis\b/, /\bnew Date\b/, /\bDate\.now\b/, /\bDate\.parse\b/, /\bDate\.UTC\b/, /\beval\(/]
			.filter((re) => re.test(text))
			.map(String);
		expect(found).toEqual([]);
	});

	test.each(sources(join(ROOT, 'core')).map((p) => [relative(ROOT, p), p]))('%s (domain core) does not import n8n', (_name, p) => {
		expect(imports(readFileSync(p, 'utf8')).filter((m) => m.startsWith('n8n'))).toEqual([]);
	});
});

describe('package.json is what n8n installs', () => {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
	test('community package layout', () => {
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(Object.keys(pkg.peerDependencies)).toEqual(['n8n-workflow']);
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		expect(pkg.n8n.nodes.length).toBeGreaterThanOrEqual(5);
		for (const p of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(p).toMatch(/^dist\/.+\.js$/);
	});
	test('every listed node has its source, codex with category Marketing, and an SVG icon', () => {
		for (const p of pkg.n8n.nodes as string[]) {
			const src = join(ROOT, p.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
			expect(statSync(src).isFile()).toBe(true);
			const codex = JSON.parse(readFileSync(src.replace(/\.ts$/, '.json'), 'utf8'));
			expect(codex.categories).toContain('Marketing');
			const dir = join(src, '..');
			expect(readdirSync(dir).some((f) => f.endsWith('.svg'))).toBe(true);
		}
	});
});
