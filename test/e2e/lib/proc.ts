/** Child processes for the e2e suite: every command bounded in time, output captured, failures explained. */
import { spawn, type ChildProcess } from 'child_process';

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Kill the command (and its children) after this long. */
	timeoutMs: number;
	/** Feed this to stdin. */
	input?: string;
	/** Echo output lines to this process's stderr with this prefix as they arrive (for long installs). */
	echo?: string;
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
	timedOut: boolean;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal); // the whole process group we created (detached: true)
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

/** Runs a command to completion (never throws; see `runOk`). */
export function run(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn(cmd, args, {
			cwd: opts.cwd,
			env: opts.env ?? process.env,
			detached: true,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		const onData = (which: 'out' | 'err') => (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			if (which === 'out') stdout += text;
			else stderr += text;
			if (opts.echo) {
				for (const line of text.split('\n')) if (line.trim()) process.stderr.write(`${opts.echo} ${line}\n`);
			}
		};
		child.stdout!.on('data', onData('out'));
		child.stderr!.on('data', onData('err'));
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child);
		}, opts.timeoutMs);
		child.on('error', (err) => {
			stderr += `\n${String(err)}`;
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
		});
		if (opts.input !== undefined) child.stdin!.end(opts.input);
		else child.stdin!.end();
	});
}

function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}

/** Runs a command and throws a readable error unless it exits 0 in time. */
export async function runOk(what: string, cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
	const result = await run(cmd, args, opts);
	if (result.timedOut) {
		throw new Error(
			`${what}: timed out after ${Math.round(opts.timeoutMs / 1000)} s (${cmd} ${args.join(' ')})\n` +
				`--- stdout (tail) ---\n${tail(result.stdout)}\n--- stderr (tail) ---\n${tail(result.stderr)}`,
		);
	}
	if (result.code !== 0) {
		throw new Error(
			`${what}: exit code ${result.code ?? result.signal} (${cmd} ${args.join(' ')}, in ${opts.cwd ?? process.cwd()})\n` +
				`--- stdout (tail) ---\n${tail(result.stdout)}\n--- stderr (tail) ---\n${tail(result.stderr)}`,
		);
	}
	return result;
}

/** A long-running process (the n8n server): output kept in memory, stopped as a whole process group. */
export class Background {
	readonly child: ChildProcess;
	output = '';
	exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	private readonly closed: Promise<void>;

	constructor(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv }) {
		this.child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		const keep = (chunk: Buffer) => {
			this.output += chunk.toString('utf8');
			if (this.output.length > 2_000_000) this.output = this.output.slice(-1_000_000);
		};
		this.child.stdout!.on('data', keep);
		this.child.stderr!.on('data', keep);
		this.closed = new Promise((resolve) => {
			this.child.on('close', (code, signal) => {
				this.exited = { code, signal };
				resolve();
			});
		});
		liveProcesses.add(this);
	}

	/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
	async stop(graceMs = 10_000): Promise<void> {
		if (!this.exited) {
			killGroup(this.child, 'SIGTERM');
			const timer = setTimeout(() => killGroup(this.child, 'SIGKILL'), graceMs);
			await this.closed;
			clearTimeout(timer);
		}
		liveProcesses.delete(this);
	}

	tail(lines = 60): string {
		return tail(this.output, lines);
	}
}

const liveProcesses = new Set<Background>();
/** Last resort: if the test process exits with a server still running, kill its group. */
process.on('exit', () => {
	for (const p of liveProcesses) killGroup(p.child, 'SIGKILL');
});
