/**
 * Segmenting 1,000,000 generated customer profiles (the shape Customer Profiles outputs) through n8n's engine:
 * manual trigger with pinned data -> Behavioral Segment with the default lists plus one custom list (three
 * conditions of n8n's condition builder). Beside it, a plain hand-written loop doing the same work: the same
 * lists and thresholds written out inline, the same output items (a copy of the profile with its labels and
 * reasons, pairedItem) pushed to the same outputs. The two results are compared before timing.
 */
import { performance } from 'perf_hooks';
import type { INodeExecutionData } from 'n8n-workflow';
import type { CustomerProfile } from '../../core/model/customer';
import { runWorkflow, type WorkflowJson } from '../../harness/engine';
import type { BenchPart } from './types';
import { collector, random, sameOutputs } from './util';

const COUNT = Number(process.env.BENCH_SEGMENT_COUNT ?? 1_000_000);

const pad = (n: number) => String(n).padStart(2, '0');
/** yyyy-MM-dd of a day number counted from 2020-01-01 (UTC calendar; generation only). */
function day(n: number): string {
	const d = new Date(Date.UTC(2020, 0, 1 + n));
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `count` profiles as Customer Profiles outputs them, as of 2024-12-31 (day 1826). */
export function generateProfiles(count: number, seed = 42): CustomerProfile[] {
	const rnd = random(seed);
	const asOfDay = 1826;
	const asOf = day(asOfDay);
	const out: CustomerProfile[] = new Array(count);
	for (let i = 0; i < count; i++) {
		const key = `c${i}`;
		const email = `customer${i}@${rnd() < 0.3 ? 'gmail.com' : 'example.com'}`;
		const prospect = rnd() < 0.1;
		const purchaseDays = prospect ? 0 : 1 + Math.floor(-Math.log(1 - rnd()) * 2.5);
		const orderCount = prospect ? 0 : purchaseDays + (rnd() < 0.1 ? 1 : 0);
		const first = prospect ? 0 : Math.floor(rnd() * 1700);
		const gap = purchaseDays > 1 ? 5 + Math.floor(rnd() * 150) : null;
		const last = prospect ? 0 : Math.min(asOfDay, first + (purchaseDays - 1) * (gap ?? 0));
		const aov = Math.round((15 + rnd() * 120) * 100) / 100;
		const totalSpent = Math.round(aov * orderCount * 100) / 100;
		const discountedOrders = prospect ? 0 : Math.floor(rnd() * (orderCount + 1));
		const largest = prospect ? 0 : 1 + Math.floor(-Math.log(1 - rnd()) * 3);
		out[i] = {
			customerKey: key,
			customerId: key,
			email,
			currency: 'USD',
			timeZone: 'UTC',
			firstPurchaseAt: prospect ? null : `${day(first)}T10:00:00.000+00:00`,
			lastPurchaseAt: prospect ? null : `${day(last)}T10:00:00.000+00:00`,
			firstPurchaseDate: prospect ? null : day(first),
			lastPurchaseDate: prospect ? null : day(last),
			orderCount,
			purchaseDays,
			ordersRead: orderCount,
			ordersAfterAsOf: 0,
			totalSpent,
			averageOrderValue: orderCount ? Math.round((totalSpent / orderCount) * 100) / 100 : 0,
			totalQuantity: largest * orderCount,
			largestOrderQuantity: largest,
			discountedOrders,
			discountedShare: orderCount ? Math.round((discountedOrders / orderCount) * 10000) / 10000 : 0,
			couponCodes: discountedOrders ? ['WELCOME10'] : [],
			totalDiscount: discountedOrders * 5,
			refundedOrders: 0,
			refundedAmount: 0,
			cancelledOrders: 0,
			products: [],
			gapCount: Math.max(purchaseDays - 1, 0),
			medianGapDays: gap,
			meanGapDays: gap,
			asOf,
			frequency: Math.max(purchaseDays - 1, 0),
			recencyDays: last - first,
			recencyWeeks: Math.round(((last - first) / 7) * 100) / 100,
			ageDays: prospect ? 0 : asOfDay - first,
			ageWeeks: prospect ? 0 : Math.round(((asOfDay - first) / 7) * 100) / 100,
			daysSinceLastPurchase: prospect ? null : asOfDay - last,
			meanRepeatSpend: purchaseDays > 1 ? aov : 0,
		};
	}
	return out;
}

/** The custom list, as the condition builder stores it. */
const customConditions = {
	options: { caseSensitive: false, leftValue: '', typeValidation: 'strict', version: 2 },
	conditions: [
		{ id: 'a1', leftValue: '={{ $json.averageOrderValue }}', rightValue: 80, operator: { type: 'number', operation: 'gte' } },
		{ id: 'a2', leftValue: '={{ $json.daysSinceLastPurchase }}', rightValue: 60, operator: { type: 'number', operation: 'lt' } },
		{ id: 'a3', leftValue: '={{ $json.email }}', rightValue: '@GMAIL.COM', operator: { type: 'string', operation: 'notEndsWith' } },
	],
	combinator: 'and',
};
const CUSTOM_REASON = 'averageOrderValue >= 80 and daysSinceLastPurchase < 60 and email does not end with "@GMAIL.COM"';

export const workflow: WorkflowJson = {
	name: 'Segment benchmark',
	nodes: [
		{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 's',
			name: 'Behavioral Segment',
			type: 'n8n-nodes-behavioral-segments.behavioralSegment',
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				lists: {
					list: [
						{ type: 'vips' },
						{ type: 'fans' },
						{ type: 'repeatBuyers' },
						{ type: 'couponUsers' },
						{ type: 'customers' },
						{ type: 'prospects' },
						{ type: 'custom', name: 'Recent Big Baskets', conditions: customConditions },
					],
				},
				options: {},
			},
		},
	],
	connections: { Start: { main: [[{ node: 'Behavioral Segment', type: 'main' as never, index: 0 }]] } },
};

// ---- the plain loop --------------------------------------------------------------------------------------------

const group = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const num = (n: number) => (Number.isInteger(n) ? group(String(n)) : n.toFixed(2).replace(/\.?0+$/, ''));
const plural = (n: number, w: string) => `${num(n)} ${n === 1 ? w : `${w}s`}`;
const money = (n: number) => {
	if (Number.isInteger(n)) return group(String(n));
	const [w, c] = Math.abs(n).toFixed(2).split('.');
	return (n < 0 ? '-' : '') + group(String(Number(w))) + (c === '00' ? '' : `.${c}`);
};

interface Label {
	list: string;
	key: string;
	reason: string;
}

/** The same work written out by hand: 7 outputs (6 lists + custom) and No List. */
export function plainLoop(profiles: CustomerProfile[]): INodeExecutionData[][] {
	const outs: INodeExecutionData[][] = [[], [], [], [], [], [], [], []];
	for (let i = 0; i < profiles.length; i++) {
		const p = profiles[i];
		const labels: Label[] = [];
		const hit: number[] = [];
		// VIPs
		const vip: string[] = [];
		if (p.totalSpent >= 500) vip.push(`big spender: spent ${money(p.totalSpent)} in total`);
		if (p.largestOrderQuantity >= 10) vip.push(`bulk buyer: ${plural(p.largestOrderQuantity, 'item')} in one order`);
		if (p.ageDays >= 365 && p.purchaseDays >= 4) {
			vip.push(`loyal customer: customer for ${num(p.ageDays)} days, bought on ${plural(p.purchaseDays, 'day')}`);
		}
		if (vip.length) {
			labels.push({ list: 'VIPs', key: 'vips', reason: vip.join('; ') });
			hit.push(0);
		}
		// Fans: profiles carry no reviews, NPS or tags.
		// Repeat buyers
		if (p.frequency >= 2 && (p.medianGapDays === null || p.medianGapDays <= 90)) {
			const d = Math.max(1, Math.round(p.medianGapDays ?? 0));
			const every = d === 1 ? 'every day' : `every ${num(d)} days`;
			const reason = p.medianGapDays === null ? plural(p.frequency + 1, 'purchase') : `${plural(p.frequency + 1, 'purchase')}, about ${every}`;
			labels.push({ list: 'Repeat Buyers', key: 'repeatBuyers', reason });
			hit.push(2);
		}
		// Coupon users
		if (p.orderCount >= 2 && p.discountedShare > 0 && p.discountedShare >= 0.5 - 1e-9) {
			labels.push({ list: 'Coupon Users', key: 'couponUsers', reason: `${num(p.discountedOrders)} of ${plural(p.orderCount, 'order')} used a coupon or discount` });
			hit.push(3);
		}
		// Customers / prospects
		if (p.orderCount >= 1) {
			const last = p.daysSinceLastPurchase;
			const reason = last === null ? plural(p.orderCount, 'order') : `${plural(p.orderCount, 'order')}, the last one ${last === 0 ? 'today' : last === 1 ? 'yesterday' : `${num(last)} days ago`}`;
			labels.push({ list: 'Customers', key: 'customers', reason });
			hit.push(4);
		} else {
			labels.push({ list: 'Prospects', key: 'prospects', reason: 'no order yet' });
			hit.push(5);
		}
		// Custom list (letter case ignored as n8n does it, with toLocaleLowerCase)
		if (
			typeof p.averageOrderValue === 'number' && p.averageOrderValue >= 80 &&
			typeof p.daysSinceLastPurchase === 'number' && p.daysSinceLastPurchase < 60 &&
			typeof p.email === 'string' && !p.email.toLocaleLowerCase().endsWith('@gmail.com')
		) {
			labels.push({ list: 'Recent Big Baskets', key: 'Recent Big Baskets', reason: CUSTOM_REASON });
			hit.push(6);
		}
		// The copy with its labels first (the compact way to copy a wide object and add a key in V8).
		const item: INodeExecutionData = { json: { segments: labels, ...p } as never, pairedItem: { item: i } };
		if (hit.length === 0) outs[7].push(item);
		for (let k = 0; k < hit.length; k++) outs[hit[k]].push(item);
	}
	return outs;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

const pin = (profiles: CustomerProfile[]) => ({ Start: profiles.map((json) => ({ json: json as never })) });

async function engineOutputs(pinData: ReturnType<typeof pin>): Promise<INodeExecutionData[][]> {
	const r = await runWorkflow(workflow, { pinData });
	if (r.error) throw r.error;
	return r.outputs('Behavioral Segment');
}

/** One timed engine run; returns its time, the items per output and the heap its result holds. */
async function timeEngine(pinData: ReturnType<typeof pin>, gc: () => void) {
	gc();
	const heapBefore = process.memoryUsage().heapUsed;
	const t0 = performance.now();
	const outs = await engineOutputs(pinData);
	const ms = performance.now() - t0;
	return { ms, counts: outs.map((o) => o.length), heapMB: mb(process.memoryUsage().heapUsed - heapBefore) };
}

function timeLoop(profiles: CustomerProfile[], gc: () => void) {
	gc();
	const t0 = performance.now();
	const outs = plainLoop(profiles);
	const ms = performance.now() - t0;
	return { ms, counts: outs.map((o) => o.length) };
}

/** Only the custom list: the same three conditions, compiled (default) or evaluated by n8n item by item. */
function customOnly(evaluation: 'compiled' | 'n8n'): WorkflowJson {
	const wf = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	wf.nodes[1].parameters = {
		mode: 'labelled',
		lists: { list: [{ type: 'custom', name: 'Recent Big Baskets', conditions: customConditions }] },
		options: { customListEvaluation: evaluation },
	};
	return wf;
}

function customLoop(profiles: CustomerProfile[]): INodeExecutionData[] {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < profiles.length; i++) {
		const p = profiles[i];
		const labels: Label[] = [];
		if (
			typeof p.averageOrderValue === 'number' && p.averageOrderValue >= 80 &&
			typeof p.daysSinceLastPurchase === 'number' && p.daysSinceLastPurchase < 60 &&
			typeof p.email === 'string' && !p.email.toLocaleLowerCase().endsWith('@gmail.com')
		) {
			labels.push({ list: 'Recent Big Baskets', key: 'Recent Big Baskets', reason: CUSTOM_REASON });
		}
		out.push({ json: { segments: labels, ...p } as never, pairedItem: { item: i } });
	}
	return out;
}

const CUSTOM_COUNT = Math.min(COUNT, 200_000);
const N8N_COUNT = Math.min(COUNT, 10_000);

export const parts: BenchPart[] = [
	{
		name: `segments: ${COUNT.toLocaleString('en-US')} profiles, 6 lists + 1 custom`,
		targetRatio: 1.5,
		async run() {
			const gc = collector();
			const profiles = generateProfiles(COUNT);
			// Same output items, compared in full on the first 100,000 (both results of a million at once would
			// not fit the default heap beside the input), and per output count on the whole million below.
			const sample = profiles.slice(0, Math.min(COUNT, 100_000));
			const check = sameOutputs(await engineOutputs(pin(sample)), plainLoop(sample), 2000);
			if (check) throw new Error(`engine and plain loop disagree: ${check}`);

			const pinData = pin(profiles);
			let oursMs = Infinity;
			let loopMs = Infinity;
			let heapMB = 0;
			for (let r = 0; r < 3; r++) {
				const ours = await timeEngine(pinData, gc);
				const loop = timeLoop(profiles, gc);
				if (ours.counts.join() !== loop.counts.join()) {
					throw new Error(`engine and plain loop disagree on the outputs: ${ours.counts.join()} vs ${loop.counts.join()}`);
				}
				oursMs = Math.min(oursMs, ours.ms);
				loopMs = Math.min(loopMs, loop.ms);
				heapMB = Math.max(heapMB, ours.heapMB);
			}
			return {
				oursMs,
				loopMs,
				heapMB,
				note: `${((oursMs / COUNT) * 1000).toFixed(2)} µs per customer through the engine; MB = heap held by the engine run's result (${COUNT.toLocaleString('en-US')} labelled copies)`,
			};
		},
	},
	{
		// Reported, not targeted: with one cheap list, n8n's own per-item bookkeeping (paired items, error
		// normalisation, about 1 µs per item) is a large share of a loop this small. The target is on the part above.
		name: `segments: custom list only, ${CUSTOM_COUNT.toLocaleString('en-US')} profiles`,
		async run() {
			const gc = collector();
			const profiles = generateProfiles(CUSTOM_COUNT);
			const pinData = pin(profiles);
			const run = async (wf: WorkflowJson, data: ReturnType<typeof pin>) => {
				const r = await runWorkflow(wf, { pinData: data });
				if (r.error) throw r.error;
				return r.output('Behavioral Segment');
			};
			const compiled = await run(customOnly('compiled'), pinData);
			const loop = customLoop(profiles);
			const ours = JSON.stringify(compiled.map((i) => i.json.segments));
			if (ours !== JSON.stringify(loop.map((i) => i.json.segments))) throw new Error('custom list: engine and plain loop disagree');
			const few = pin(profiles.slice(0, N8N_COUNT));
			if (JSON.stringify((await run(customOnly('n8n'), few)).map((i) => i.json.segments)) !== JSON.stringify(compiled.slice(0, N8N_COUNT).map((i) => i.json.segments))) {
				throw new Error('custom list: compiled and n8n evaluation disagree');
			}
			let oursMs = Infinity;
			let loopMs = Infinity;
			let n8nMs = Infinity;
			for (let r = 0; r < 5; r++) {
				gc();
				let t0 = performance.now();
				await run(customOnly('compiled'), pinData);
				oursMs = Math.min(oursMs, performance.now() - t0);
				gc();
				t0 = performance.now();
				customLoop(profiles);
				loopMs = Math.min(loopMs, performance.now() - t0);
			}
			for (let r = 0; r < 2; r++) {
				gc();
				const t0 = performance.now();
				await run(customOnly('n8n'), few);
				n8nMs = Math.min(n8nMs, performance.now() - t0);
			}
			const perItem = (ms: number, n: number) => `${((ms / n) * 1000).toFixed(2)} µs`;
			return {
				oursMs,
				loopMs,
				note: `compiled ${perItem(oursMs, CUSTOM_COUNT)} per customer; n8n item by item ${perItem(n8nMs, N8N_COUNT)} per customer (${N8N_COUNT.toLocaleString('en-US')} timed), ${(n8nMs / N8N_COUNT / (oursMs / CUSTOM_COUNT)).toFixed(0)}x slower`,
			};
		},
	},
];
