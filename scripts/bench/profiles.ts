/**
 * CDNOW master (69,659 rows, 23,570 customers) -> customer profiles, through n8n's engine (Manual Trigger with the
 * rows pinned -> Customer Profiles, source CDNOW, as of 1998-06-30), beside a plain hand-written loop doing the same
 * work: read the rows, group by customer, merge same-day purchases, the same summary fields and output objects.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { ROOT, runWorkflow, type WorkflowJson } from '../../harness/engine';
import type { BenchPart } from './types';
import { bestOf, collector } from './util';

const MASTER = resolve(ROOT, '../shared/data/cdnow/CDNOW_master.txt');
const AS_OF = '1998-06-30';
const REPEATS = 15;

interface Row {
	customer_id: string;
	date: string;
	number_of_cds: number;
	dollar_value: number;
}

function readMaster(): Row[] {
	const rows: Row[] = [];
	const lines = readFileSync(MASTER, 'utf8').split(/\r?\n/);
	for (let i = 1; i < lines.length; i++) {
		const t = lines[i].trim().split(/\s+/);
		if (t.length < 4) continue;
		rows.push({ customer_id: t[0], date: t[1], number_of_cds: Number(t[2]), dollar_value: Number(t[3]) });
	}
	return rows;
}

const workflow: WorkflowJson = {
	nodes: [
		{ id: '1', name: 'CDNOW Rows', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: '2',
			name: 'Customer Profiles',
			type: 'n8n-nodes-behavioral-segments.customerProfiles',
			typeVersion: 1,
			position: [220, 0],
			parameters: { source: 'cdnow', asOf: `${AS_OF}T00:00:00`, options: {} },
		},
	],
	connections: { 'CDNOW Rows': { main: [[{ node: 'Customer Profiles', type: 'main' as never, index: 0 }]] } },
	settings: { timezone: 'UTC' },
};

// ---- the plain loop --------------------------------------------------------------------------------------------

const DAY = 86_400_000;
function dayOfYmd(s: string): number {
	const y = +s.slice(0, 4);
	const m = +s.slice(4, 6);
	const d = +s.slice(6, 8);
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
const ymdCache = new Map<number, string>();
function ymd(day: number): string {
	let s = ymdCache.get(day);
	if (s === undefined) {
		s = new Date(day * DAY).toISOString().slice(0, 10);
		ymdCache.set(day, s);
	}
	return s;
}
const r2 = (x: number) => Math.round(x * 100 + 1e-7) / 100;

interface Acc {
	key: string;
	days: number[];
	spend: number[];
	items: number[];
	orders: number;
	read: number;
	after: number;
	spent: number;
	qty: number;
	maxQty: number;
}

/** What Customer Profiles does for this input, written as one plain loop. */
export function plainLoop(items: INodeExecutionData[], asOf: string): { customers: INodeExecutionData[]; errors: number } {
	const asOfDay = dayOfYmd(asOf.replace(/-/g, ''));
	const byKey = new Map<string, Acc>();
	const dayCache = new Map<string, number>();
	let errors = 0;
	for (let i = 0; i < items.length; i++) {
		const j = items[i].json as unknown as Row;
		const key = j.customer_id;
		let day = dayCache.get(j.date);
		if (day === undefined) {
			day = dayOfYmd(j.date);
			dayCache.set(j.date, day);
		}
		const total = j.dollar_value;
		const qty = j.number_of_cds;
		if (!key || !(total >= 0) || !(qty >= 0) || day !== day) {
			errors++;
			continue;
		}
		let a = byKey.get(key);
		if (!a) {
			a = { key, days: [], spend: [], items: [], orders: 0, read: 0, after: 0, spent: 0, qty: 0, maxQty: 0 };
			byKey.set(key, a);
		}
		a.items.push(i);
		if (day > asOfDay) {
			a.after++;
			continue;
		}
		a.read++;
		if (total === 0) continue;
		a.orders++;
		a.spent += total;
		a.qty += qty;
		if (qty > a.maxQty) a.maxQty = qty;
		const n = a.days.length;
		if (n && a.days[n - 1] === day) a.spend[n - 1] += total;
		else {
			a.days.push(day);
			a.spend.push(total);
		}
	}
	const customers: INodeExecutionData[] = [];
	for (const a of byKey.values()) {
		const n = a.days.length;
		const first = n ? a.days[0] : 0;
		const last = n ? a.days[n - 1] : 0;
		let median: number | null = null;
		let mean: number | null = null;
		if (n > 1) {
			const gaps: number[] = [];
			for (let k = 1; k < n; k++) gaps.push(a.days[k] - a.days[k - 1]);
			gaps.sort((x, y) => x - y);
			const m = gaps.length >> 1;
			median = gaps.length % 2 ? gaps[m] : (gaps[m - 1] + gaps[m]) / 2;
			mean = r2((last - first) / gaps.length);
		}
		const frequency = n ? n - 1 : 0;
		const recency = n ? last - first : 0;
		const age = n ? asOfDay - first : 0;
		const json: IDataObject = {
			customerKey: a.key,
			customerId: a.key,
			email: null,
			currency: '',
			timeZone: 'UTC',
			firstPurchaseAt: n ? ymd(first) + 'T00:00:00.000Z' : null,
			lastPurchaseAt: n ? ymd(last) + 'T00:00:00.000Z' : null,
			firstPurchaseDate: n ? ymd(first) : null,
			lastPurchaseDate: n ? ymd(last) : null,
			orderCount: a.orders,
			purchaseDays: n,
			ordersRead: a.read,
			ordersAfterAsOf: a.after,
			totalSpent: r2(a.spent),
			averageOrderValue: a.orders ? r2(a.spent / a.orders) : 0,
			totalQuantity: a.qty,
			largestOrderQuantity: a.maxQty,
			discountedOrders: 0,
			discountedShare: 0,
			couponCodes: [],
			totalDiscount: 0,
			refundedOrders: 0,
			refundedAmount: 0,
			cancelledOrders: 0,
			products: [],
			gapCount: n > 1 ? n - 1 : 0,
			medianGapDays: median,
			meanGapDays: mean,
			asOf,
			frequency,
			recencyDays: recency,
			recencyWeeks: r2(recency / 7),
			ageDays: age,
			ageWeeks: r2(age / 7),
			daysSinceLastPurchase: n ? asOfDay - last : null,
			meanRepeatSpend: frequency ? r2((a.spent - a.spend[0]) / frequency) : 0,
		};
		const pairedItem: IPairedItemData[] = a.items.map((item) => ({ item }));
		customers.push({ json, pairedItem });
	}
	return { customers, errors };
}

type Side = 'ours' | 'loop';
const SIDE_ENV = 'BENCH_PROFILES_SIDE';
const ROUNDS = 2;

function engineRun(items: INodeExecutionData[]): () => Promise<INodeExecutionData[]> {
	return async () => {
		const r = await runWorkflow(workflow, { pinData: { 'CDNOW Rows': items } });
		if (r.error) throw r.error;
		return r.output('Customer Profiles');
	};
}

/** One side on its own: a warm-up run, then the best of REPEATS runs, each after a full garbage collection. */
async function timeSide(side: Side): Promise<number> {
	const items = readMaster().map((json) => ({ json: json as unknown as IDataObject }));
	const job = side === 'ours' ? engineRun(items) : async () => plainLoop(items, AS_OF).customers;
	return bestOf(REPEATS, job, collector());
}

/**
 * Times a side in a child process of its own. Taking turns in one process let each side's heap shape the other's
 * timings (the loop ran 15 % slower after our runs than alone), so each side gets a fresh process; the sides
 * alternate over ROUNDS rounds and each keeps its best.
 */
function timeSideAlone(side: Side): number {
	const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename], {
		cwd: ROOT,
		env: { ...process.env, [SIDE_ENV]: side },
		encoding: 'utf8',
	});
	const line = child.stdout.split('\n').find((l) => l.startsWith('{"ms":'));
	if (child.status !== 0 || !line) throw new Error(`the ${side} side failed:\n${child.stdout}\n${child.stderr}`);
	return (JSON.parse(line) as { ms: number }).ms;
}

export const parts: BenchPart[] = [
	{
		name: 'CDNOW master → profiles',
		targetRatio: 2,
		async run() {
			const rows = readMaster();
			const items = rows.map((json) => ({ json: json as unknown as IDataObject }));
			// Same work, same answer: every customer, every field.
			const ours = await engineRun(items)();
			const loop = plainLoop(items, AS_OF).customers;
			if (ours.length !== loop.length) throw new Error(`ours ${ours.length} customers, loop ${loop.length}`);
			const loopByKey = new Map(loop.map((i) => [i.json.customerKey, i]));
			for (const o of ours) {
				const l = loopByKey.get(o.json.customerKey);
				if (JSON.stringify(o.json) !== JSON.stringify(l?.json) || JSON.stringify(o.pairedItem) !== JSON.stringify(l?.pairedItem)) {
					throw new Error(`customer ${o.json.customerKey} differs:\n${JSON.stringify(o)}\n${JSON.stringify(l)}`);
				}
			}
			let oursMs = Infinity;
			let loopMs = Infinity;
			for (let round = 0; round < ROUNDS; round++) {
				loopMs = Math.min(loopMs, timeSideAlone('loop'));
				oursMs = Math.min(oursMs, timeSideAlone('ours'));
			}
			return {
				oursMs,
				loopMs,
				note: `${rows.length} rows, ${ours.length} customers, as of ${AS_OF}; each side alone in its own process, best of ${ROUNDS} × ${REPEATS}`,
			};
		},
	},
];

const side = process.env[SIDE_ENV];
if (side === 'ours' || side === 'loop') {
	timeSide(side).then(
		(ms) => console.log(JSON.stringify({ ms })),
		(e) => {
			console.error(e);
			process.exit(1);
		},
	);
}
