/** Runs the installed n8n: its command-line tools against a private user folder, and its server on 127.0.0.1. */
import { existsSync, readFileSync } from 'fs';
import { createServer } from 'net';
import { join } from 'path';
import { Background, run, runOk, type RunResult } from './proc';
import { pathWithNode, type Runtime } from './install';

const SEC = 1000;

/** The zone n8n runs workflows in (GENERIC_TIMEZONE); the in-process comparison uses the same. */
export const N8N_TIMEZONE = 'Europe/Berlin';

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

export interface N8nInstance {
	runtime: Runtime;
	userFolder: string;
	/** A copy of n8n's log (N8N_LOG_OUTPUT=console,file): commands print their results through the same logger. */
	logFile: string;
}

export function n8nEnv(n8n: N8nInstance, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	// Nothing of this repository's tooling may leak into n8n's module resolution or config.
	for (const key of Object.keys(env)) {
		// NODE_ENV=test (set by jest) would silence n8n's logger and make it refuse to load nodes.
		if (/^(N8N_|NODE_ENV$|NODE_PATH$|NODE_OPTIONS$|DB_|npm_|JEST_|GENERIC_TIMEZONE$|TZ$)/.test(key)) delete env[key];
	}
	return {
		...env,
		PATH: pathWithNode(n8n.runtime.nodeBin),
		N8N_USER_FOLDER: n8n.userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console,file',
		N8N_LOG_FILE_LOCATION: n8n.logFile,
		GENERIC_TIMEZONE: N8N_TIMEZONE,
		TZ: 'UTC',
		...extra,
	};
}

export function n8nLog(n8n: N8nInstance): string {
	return existsSync(n8n.logFile) ? readFileSync(n8n.logFile, 'utf8') : '';
}

/**
 * Lines of n8n's log that say our package did not load. n8n keeps running without a package it cannot load (the
 * nodes then show as unknown), so the suite looks for these itself and fails on them.
 */
export function packageLoadProblems(n8n: N8nInstance, packageName: string): string[] {
	return n8nLog(n8n)
		.split('\n')
		.map((line) => {
			try {
				return String((JSON.parse(line) as { message?: unknown }).message ?? '');
			} catch {
				return line;
			}
		})
		.filter(
			(message) =>
				message.includes(packageName) &&
				/Failed to load|Skipping package|could not be loaded|Cannot find module|Unrecognized node type|is not known/i.test(message),
		)
		.map((message) => message.split('\n').slice(0, 3).join(' | '));
}

export async function n8nCli(n8n: N8nInstance, args: string[], timeoutMs: number): Promise<RunResult> {
	return await run(join(n8n.runtime.nodeBin, 'node'), [n8n.runtime.n8nBin, ...args], {
		cwd: n8n.userFolder,
		env: n8nEnv(n8n),
		timeoutMs,
	});
}

export async function n8nCliOk(n8n: N8nInstance, what: string, args: string[], timeoutMs: number): Promise<RunResult> {
	return await runOk(what, join(n8n.runtime.nodeBin, 'node'), [n8n.runtime.n8nBin, ...args], {
		cwd: n8n.userFolder,
		env: n8nEnv(n8n),
		timeoutMs,
	});
}

/** `n8n list:workflow` → [{ id, name }]. */
export async function listWorkflows(n8n: N8nInstance): Promise<Array<{ id: string; name: string }>> {
	const result = await n8nCliOk(n8n, 'n8n list:workflow', ['list:workflow'], 90 * SEC);
	return result.stdout
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => /^[A-Za-z0-9]+\|/.test(line))
		.map((line) => {
			const at = line.indexOf('|');
			return { id: line.slice(0, at), name: line.slice(at + 1) };
		});
}

/**
 * The newest execution of a workflow as n8n stored it in its database (what the Executions list shows). Read with
 * n8n's own Node and sqlite3 (test/e2e/lib/readExecution.cjs): `n8n execute --rawOutput` prints the same run, but n8n
 * exits right after logging it and a large run can arrive cut short on a pipe.
 */
export async function readExecution(n8n: N8nInstance, workflowId: string): Promise<ExecutionResult> {
	const out = join(n8n.userFolder, `execution-${workflowId}.json`);
	await runOk(
		`read the execution of ${workflowId} from n8n's database`,
		join(n8n.runtime.nodeBin, 'node'),
		[join(__dirname, 'readExecution.cjs'), join(n8n.userFolder, '.n8n', 'database.sqlite'), workflowId, out],
		{ env: { ...process.env, NODE_PATH: n8n.runtime.n8nNodeModules }, timeoutMs: 60 * SEC },
	);
	const row = JSON.parse(readFileSync(out, 'utf8')) as { id: number; status: string; mode: string; startedAt: string; data: ExecutionResult['data'] };
	// sqlite holds UTC as "yyyy-MM-dd HH:mm:ss.SSS"
	return { id: row.id, status: row.status, mode: row.mode, startedAt: `${row.startedAt.replace(' ', 'T')}Z`, data: row.data };
}

export interface ExecutionResult {
	data: {
		resultData: {
			error?: { message: string; description?: string };
			lastNodeExecuted?: string;
			runData: Record<
				string,
				Array<{
					error?: { message: string; description?: string };
					executionStatus?: string;
					data?: { main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> };
				}>
			>;
		};
	};
	id: number;
	status: string;
	mode: string;
	startedAt: string;
}

/** The n8n server (`n8n start`) on 127.0.0.1. */
export class N8nServer {
	readonly baseUrl: string;
	private process: Background | undefined;

	constructor(
		private readonly n8n: N8nInstance,
		readonly port: number,
		private readonly brokerPort: number,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
	}

	async start(timeoutMs = 180 * SEC): Promise<void> {
		const env = n8nEnv(this.n8n, {
			N8N_PORT: String(this.port),
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			WEBHOOK_URL: `${this.baseUrl}/`,
		});
		this.process = new Background(join(this.n8n.runtime.nodeBin, 'node'), [this.n8n.runtime.n8nBin, 'start'], {
			cwd: this.n8n.userFolder,
			env,
		});
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (this.process.exited) {
				throw new Error(
					`n8n start exited (${JSON.stringify(this.process.exited)}) before it was ready.\n${this.process.tail()}\n--- n8n log ---\n${n8nLog(this.n8n).split('\n').slice(-40).join('\n')}`,
				);
			}
			try {
				const res = await fetch(`${this.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2 * SEC) });
				if (res.ok) return;
			} catch {
				/* not listening yet */
			}
			if (Date.now() > deadline) {
				throw new Error(`n8n start was not ready after ${timeoutMs / SEC} s.\n${this.process.tail()}`);
			}
			await new Promise((r) => setTimeout(r, 1000));
		}
	}

	output(): string {
		return this.process?.output ?? '';
	}

	async stop(): Promise<void> {
		await this.process?.stop();
	}
}
