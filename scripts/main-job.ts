/**
 * The main job: `npm run demo [-- <order file>] [--as-of yyyy-MM-dd] [--plan-at ISO] [--zone IANA] [--end-date yyyy-MM-dd]`.
 *
 * Runs the shipped template templates/segment-order-history.json (the file a user imports into n8n) through n8n's
 * own engine in-process: Sample Orders -> Customer Profiles -> Behavioral Segment (one output per list) and -> Send
 * Timing (Due Now / Scheduled). It prints a summary per list (members, share of customers, a sample reason), the
 * due-now and scheduled counts with the next few sends, and the items that could not be read.
 *
 * - No file: the built-in generated history of Sample Orders, ending on a fixed date (2025-06-30) so the output is
 *   the same on every machine (`--end-date` picks another day).
 * - A file: the CDNOW log (4-column master with header, or the 5-column sample), a Shopify "Export orders" CSV, a
 *   CSV or JSON of order records (customerId/email, placedAt, total, ...), or WooCommerce / Shopify / Stripe JSON.
 *   The file is read into items the way n8n's Extract From File would (CSV: one item per line, header names as keys,
 *   text values; CDNOW: one item per line in `line`), pinned on the Sample Orders node, and Customer Profiles'
 *   Source is set to match. The as-of date is the day of the last order unless --as-of says otherwise.
 * Sends are planned at 09:00 on the day after the as-of date, in the workflow zone (UTC unless --zone), or --plan-at.
 */
import './lib/demoEnv';
import { readFileSync } from 'fs';
import { basename, join, relative, resolve } from 'path';
import { performance } from 'perf_hooks';
import { DateTime } from 'luxon';
import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { ROOT, readWorkflow, runWorkflow } from '../harness/engine';
import { configuredOutputs } from '../nodes/BehavioralSegment/description';
import { readDate } from '../core/time/dates';
import { csvToObjects } from './lib/csv';

export const MAIN_TEMPLATE = join(ROOT, 'templates', 'segment-order-history.json');
/** The end date of the built-in history when none is given: fixed, so the demo prints the same on every machine. */
export const BUILT_IN_END_DATE = '2025-06-30';

export interface MainJobOptions {
	/** An order file; none = the built-in sample history. */
	file?: string;
	/** yyyy-MM-dd: the day the profiles describe (default: the end date, or the day of the file's last order). */
	asOf?: string;
	/** ISO date-time the sends are planned at (default: 09:00 on the day after the as-of date). */
	planAt?: string;
	/** The built-in history's last day (default BUILT_IN_END_DATE). */
	endDate?: string;
	/** The workflow time zone (default UTC). */
	timezone?: string;
	/** Another template with the same four nodes. */
	template?: string;
}

export interface ListSummary {
	name: string;
	members: number;
	/** members / customers, 0..1. */
	share: number;
	sampleReason: string | null;
}

export interface NextSend {
	customer: string;
	nextSendAt: string;
	sendReason: string;
}

export interface MainJobResult {
	input: { kind: string; description: string; source: string; items: number; skippedLines: number };
	asOf: string;
	planAt: string;
	timezone: string;
	customers: number;
	lists: ListSummary[];
	timing: { dueNow: number; scheduled: number; nextSends: NextSend[]; firstDueNow: NextSend[] };
	errors: { count: number; itemsAffected: number; examples: string[] };
	ms: { load: number; engine: number };
}

interface LoadedFile {
	kind: string;
	source: string;
	items: INodeExecutionData[];
	/** yyyy-MM-dd of the last order, in the workflow zone. */
	lastDate: string | null;
	skippedLines: number;
}

const CDNOW_LINE = /^\s*(\d+)\s+(\d+\s+)?(\d{8})\s+\d+\s+-?[\d.]+\s*$/;

function maxDate(values: Iterable<unknown>, zone: string): string | null {
	let best: number | null = null;
	for (const v of values) {
		if (v === undefined || v === null || v === '') continue;
		try {
			const ms = readDate(v, { zone }).toMillis();
			if (best === null || ms > best) best = ms;
		} catch {
			// Unreadable dates are the readers' business: Customer Profiles reports them as errors.
		}
	}
	return best === null ? null : (DateTime.fromMillis(best, { zone }).toISODate() as string);
}

/** Reads an order file into the items n8n would hand Customer Profiles, and picks the matching Source. */
export function loadOrderFile(path: string, zone: string): LoadedFile {
	const text = readFileSync(path, 'utf8');
	const lines = text.split(/\r?\n/);
	const firstLine = lines.find((l) => l.trim() !== '') ?? '';
	const dataLines = lines.filter((l) => l.trim() !== '');
	// CDNOW: whitespace-separated numbers, 4 columns (master, after a header line) or 5 (sample).
	const cdnowSample = dataLines.slice(0, 50).filter((l) => !/customer_id/i.test(l));
	if (cdnowSample.length > 0 && cdnowSample.every((l) => CDNOW_LINE.test(l))) {
		let skipped = 0;
		let last = '';
		const items: INodeExecutionData[] = [];
		for (const line of dataLines) {
			const m = CDNOW_LINE.exec(line);
			if (!m) {
				if (/customer_id/i.test(line)) {
					skipped++;
					continue;
				}
			} else if (m[3] > last) last = m[3];
			items.push({ json: { line } });
		}
		const columns = CDNOW_LINE.exec(cdnowSample[0])?.[2] ? 5 : 4;
		return {
			kind: `CDNOW transaction log (${columns} columns)`,
			source: 'cdnow',
			items,
			lastDate: last ? `${last.slice(0, 4)}-${last.slice(4, 6)}-${last.slice(6, 8)}` : null,
			skippedLines: skipped,
		};
	}
	const trimmed = text.trimStart();
	if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
		const parsed = JSON.parse(text) as unknown;
		const records = (Array.isArray(parsed) ? parsed : (parsed as { orders?: unknown[]; data?: unknown[] }).orders ?? (parsed as { data?: unknown[] }).data ?? [parsed]) as IDataObject[];
		const first = records[0] ?? {};
		const pick = (): [string, string, (r: IDataObject) => unknown] => {
			if ('date_created_gmt' in first || 'date_created' in first) return ['WooCommerce orders (JSON)', 'woocommerce', (r) => (r.date_created_gmt ? `${String(r.date_created_gmt)}Z` : r.date_created)];
			if ('financial_status' in first || 'total_price' in first) return ['Shopify orders (JSON)', 'shopify', (r) => r.created_at];
			if (first.object === 'invoice') return ['Stripe invoices (JSON)', 'stripeInvoice', (r) => r.created];
			if (first.object === 'charge') return ['Stripe charges (JSON)', 'stripeCharge', (r) => r.created];
			return ['Order records (JSON)', 'orderRecord', (r) => r.placedAt];
		};
		const [kind, source, dateOf] = pick();
		return { kind, source, items: records.map((json) => ({ json })), lastDate: maxDate(records.map(dateOf), zone), skippedLines: 0 };
	}
	const rows = csvToObjects(text);
	const header = new Set(Object.keys(rows[0] ?? {}).map((h) => h.trim().toLowerCase()));
	if (header.has('name') && header.has('created at') && (header.has('financial status') || header.has('lineitem name'))) {
		const key = Object.keys(rows[0]).find((h) => h.trim().toLowerCase() === 'created at') as string;
		return {
			kind: 'Shopify "Export orders" CSV',
			source: 'shopifyCsv',
			items: rows.map((json) => ({ json })),
			lastDate: maxDate(rows.map((r) => r[key]), zone),
			skippedLines: 0,
		};
	}
	if (header.has('placedat') && header.has('total')) {
		return { kind: 'Order records (CSV)', source: 'orderRecord', items: rows.map((json) => ({ json })), lastDate: maxDate(rows.map((r) => r.placedAt), zone), skippedLines: 0 };
	}
	throw new Error(
		`${basename(path)}: not a format the main job knows (first line: ${JSON.stringify(firstLine.slice(0, 80))}). ` +
			'It reads the CDNOW log, a Shopify "Export orders" CSV, order-record CSV/JSON (placedAt, total, ...), and WooCommerce, Shopify or Stripe JSON.',
	);
}

function nodeOfType(nodes: INode[], name: string): INode {
	const node = nodes.find((n) => n.type.endsWith(`.${name}`));
	if (!node) throw new Error(`The template has no ${name} node`);
	return node;
}

const customerOf = (json: IDataObject) => String(json.email ?? json.customerKey ?? json.customerId ?? '?');

/** Runs the main template on the built-in history or a file; returns the summary. */
export async function runMainJob(options: MainJobOptions = {}): Promise<MainJobResult> {
	const timezone = options.timezone ?? 'UTC';
	const t0 = performance.now();
	const workflow = readWorkflow(options.template ?? MAIN_TEMPLATE);
	const sample = nodeOfType(workflow.nodes, 'sampleOrders');
	const profiles = nodeOfType(workflow.nodes, 'customerProfiles');
	const segment = nodeOfType(workflow.nodes, 'behavioralSegment');
	const timing = nodeOfType(workflow.nodes, 'sendTiming');

	let input: MainJobResult['input'];
	let asOf: string;
	const pinData: Record<string, INodeExecutionData[]> = {};
	if (options.file) {
		const file = loadOrderFile(options.file, timezone);
		const lastDate = options.asOf ?? file.lastDate;
		if (!lastDate) throw new Error(`${basename(options.file)}: no order date could be read; give the as-of date with --as-of yyyy-MM-dd`);
		asOf = lastDate;
		pinData[sample.name] = file.items;
		profiles.parameters.source = file.source;
		input = { kind: file.kind, description: basename(options.file), source: file.source, items: file.items.length, skippedLines: file.skippedLines };
	} else {
		const endDate = options.endDate ?? BUILT_IN_END_DATE;
		asOf = options.asOf ?? endDate;
		sample.parameters.endDate = endDate;
		const count = (sample.parameters.customers as number | undefined) ?? 300;
		input = { kind: 'built-in sample history', description: `Sample Orders, ${count} customers, 2 years to ${endDate}`, source: String(profiles.parameters.source), items: 0, skippedLines: 0 };
	}
	profiles.parameters.asOf = asOf;
	const planAt =
		options.planAt ??
		(DateTime.fromISO(asOf, { zone: timezone }).plus({ days: 1 }).set({ hour: 9 }).toISO({ suppressMilliseconds: true }) as string);
	timing.parameters.options = { ...((timing.parameters.options as INodeParameters | undefined) ?? {}), planAsOf: planAt };
	const t1 = performance.now();

	const run = await runWorkflow(workflow, { pinData, timezone });
	const t2 = performance.now();
	if (run.error) throw Object.assign(new Error(`The workflow stopped: ${run.error.message}`), { cause: run.error });
	if (!options.file) input.items = run.output(sample.name).length;

	const customers = run.output(profiles.name, 0);
	const errorItems = profiles.onError === 'continueErrorOutput' ? run.output(profiles.name, 1) : customers.filter((i) => i.json.error !== undefined);
	const good = customers.filter((i) => i.json.error === undefined);
	const names = configuredOutputs(segment.parameters as INodeParameters).map((o) => o.displayName);
	const segmentOutputs = run.outputs(segment.name);
	const labelsField = String(segment.parameters.labelsField ?? 'segments');
	const lists: ListSummary[] = names.map((name, index) => {
		const members = segmentOutputs[index] ?? [];
		const labels = (members[0]?.json[labelsField] ?? []) as Array<{ list: string; reason?: string }>;
		return {
			name,
			members: members.length,
			share: good.length ? members.length / good.length : 0,
			sampleReason: labels.find((l) => l.list === name)?.reason ?? null,
		};
	});
	const [dueNow, scheduled] = [run.output(timing.name, 0), run.output(timing.name, 1)];
	const send = (i: INodeExecutionData): NextSend => ({ customer: customerOf(i.json), nextSendAt: String(i.json.nextSendAt), sendReason: String(i.json.sendReason) });
	const nextSends = [...scheduled]
		.sort((a, b) => String(a.json.nextSendAtUtc).localeCompare(String(b.json.nextSendAtUtc)) || customerOf(a.json).localeCompare(customerOf(b.json)))
		.slice(0, 5)
		.map(send);
	const messages = new Map<string, number>();
	let affected = 0;
	for (const e of errorItems) {
		const m = String(e.json.error);
		messages.set(m, (messages.get(m) ?? 0) + 1);
		affected += Array.isArray(e.pairedItem) ? e.pairedItem.length : 1;
	}
	return {
		input,
		asOf,
		planAt,
		timezone,
		customers: good.length,
		lists,
		timing: { dueNow: dueNow.length, scheduled: scheduled.length, nextSends, firstDueNow: dueNow.slice(0, 2).map(send) },
		errors: { count: errorItems.length, itemsAffected: affected, examples: [...messages.keys()].slice(0, 3) },
		ms: { load: t1 - t0, engine: t2 - t1 },
	};
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (n: number) => n.toLocaleString('en-US');

/** The summary as the demo prints it. */
export function formatMainJob(r: MainJobResult): string {
	const out: string[] = [];
	out.push(`Main job: ${relative(ROOT, MAIN_TEMPLATE)} through n8n's engine (in-process)`);
	out.push(`Orders:   ${r.input.kind}: ${r.input.description}, ${num(r.input.items)} items${r.input.skippedLines ? ` (${r.input.skippedLines} header line skipped)` : ''}; Customer Profiles source "${r.input.source}"`);
	out.push(`As of:    ${r.asOf} (end of day); sends planned at ${r.planAt}; workflow zone ${r.timezone}`);
	out.push(`Customers: ${num(r.customers)}`);
	out.push('');
	const w = Math.max(12, ...r.lists.map((l) => l.name.length)) + 2;
	out.push('List'.padEnd(w) + 'Members'.padStart(9) + 'Share'.padStart(8) + '   Sample reason');
	for (const l of r.lists) {
		out.push(l.name.padEnd(w) + num(l.members).padStart(9) + pct(l.share).padStart(8) + '   ' + (l.sampleReason ?? (l.members ? '' : '-')));
	}
	out.push('(a customer is on every list that fits, so the shares add up to more than 100%)');
	out.push('');
	out.push(`Next sends: ${num(r.timing.dueNow)} due now, ${num(r.timing.scheduled)} scheduled`);
	for (const s of r.timing.firstDueNow) out.push(`  due now    ${s.nextSendAt}  ${s.customer}: ${s.sendReason}`);
	for (const s of r.timing.nextSends) out.push(`  scheduled  ${s.nextSendAt}  ${s.customer}: ${s.sendReason}`);
	out.push('');
	if (r.errors.count) {
		out.push(`Not read: ${num(r.errors.count)} error item${r.errors.count === 1 ? '' : 's'} (Customer Profiles' error output), covering ${num(r.errors.itemsAffected)} input item${r.errors.itemsAffected === 1 ? '' : 's'}, e.g.`);
		for (const m of r.errors.examples) out.push(`  - ${m}`);
	} else {
		out.push('Not read: none (every input item is in a profile)');
	}
	out.push(`Time: ${((r.ms.load + r.ms.engine) / 1000).toFixed(2)} s (reading the file ${(r.ms.load / 1000).toFixed(2)} s, n8n engine ${(r.ms.engine / 1000).toFixed(2)} s)`);
	return out.join('\n');
}

function parseArgs(argv: string[]): MainJobOptions {
	const options: MainJobOptions = {};
	const flags: Record<string, keyof MainJobOptions> = { '--as-of': 'asOf', '--plan-at': 'planAt', '--zone': 'timezone', '--end-date': 'endDate', '--template': 'template' };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const [flag, inline] = a.split('=', 2);
		if (flags[flag]) {
			const value = inline ?? argv[++i];
			if (!value) throw new Error(`${flag} needs a value`);
			options[flags[flag]] = value;
		} else if (a === '--help' || a === '-h') {
			console.log('usage: npm run demo [-- <order file>] [--as-of yyyy-MM-dd] [--plan-at ISO] [--zone IANA] [--end-date yyyy-MM-dd]');
			process.exit(0);
		} else if (a.startsWith('--')) {
			throw new Error(`unknown flag ${a}`);
		} else {
			options.file = resolve(a);
		}
	}
	return options;
}

if (require.main === module) {
	runMainJob(parseArgs(process.argv.slice(2)))
		.then((r) => console.log(formatMainJob(r)))
		.catch((e: Error) => {
			console.error(e.message);
			process.exit(1);
		});
}
