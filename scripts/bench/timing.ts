/**
 * Send Timing for 1,000,000 generated customers (the fields of a Customer Profiles record it reads, in 8 time
 * zones, with a last contact for half of them, list labels for a third and 10% prospects with a sign-up date) through n8n's
 * engine: manual trigger with pinned data -> Send Timing (own rhythm, a list cycle, lead time, max silence,
 * frequency cap, quiet hours, weekdays only, welcome series). Beside it, a plain hand-written loop doing the same
 * work: the same rules written out inline with the same fast zone offsets (the shared ZoneClock, cached per day)
 * and texts built from remembered pieces, the same output items (a copy of the profile with the send fields, pairedItem) on the same two outputs. The two
 * results are compared before timing. A note gives what luxon DateTime objects per customer would cost instead.
 */
import { performance } from 'perf_hooks';
import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { runWorkflow, type WorkflowJson } from '../../harness/engine';
import { dayFromCivil, isoDay as isoDayOf, zoneClock, type ZoneClock } from '../../core/time/calendarDays';
import { isValidZone } from '../../core/time/dates';
import type { BenchPart } from './types';
import { collector, random, sameOutputs } from './util';

const COUNT = Number(process.env.BENCH_TIMING_COUNT ?? 1_000_000);
const PLAN_AS_OF = '2025-01-15T09:00:00'; // a Wednesday, workflow zone UTC
const NOW = Date.UTC(2025, 0, 15, 9, 0);
const ZONES = ['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles', 'Asia/Kolkata', 'America/Sao_Paulo'];

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;

const LABELS = [
	{ list: 'Customers', key: 'customers', reason: 'bought' },
	{ list: 'Repeat Buyers', key: 'repeatBuyers', reason: 'bought again' },
];

/**
 * Customers with the fields Send Timing reads, as Customer Profiles (and Behavioral Segment) write them, plus a
 * last-mail time and a sign-up date. The other profile fields are left out: both sides copy every field of the
 * record into the output, and a million full profiles twice over would measure the garbage collector.
 */
export function generateCustomers(count: number, seed = 7): IDataObject[] {
	const rnd = random(seed);
	const out: IDataObject[] = new Array(count);
	for (let i = 0; i < count; i++) {
		const zone = ZONES[i % ZONES.length];
		const clock = zoneClock(zone);
		const prospect = rnd() < 0.1;
		const purchaseDays = prospect ? 0 : 1 + Math.floor(-Math.log(1 - rnd()) * 2.5);
		const lastTs = NOW - Math.floor(rnd() * 200 * DAY) - Math.floor(rnd() * DAY);
		const gap = purchaseDays > 1 ? 5 + Math.floor(rnd() * 80) : null;
		const contactTs = rnd() < 0.5 ? NOW - Math.floor(rnd() * 60 * DAY) : null;
		const json: IDataObject = {
			customerKey: `c${i}`,
			timeZone: zone,
			lastPurchaseAt: prospect ? null : clock.isoInstant(lastTs),
			orderCount: prospect ? 0 : purchaseDays,
			gapCount: Math.max(purchaseDays - 1, 0),
			medianGapDays: gap,
			lastEmailSentAt: contactTs === null ? null : new Date(contactTs).toISOString(),
			created_at: prospect ? isoDay(Math.floor((NOW - Math.floor(rnd() * 20 * DAY)) / DAY)) : null,
		};
		if (!prospect && rnd() < 0.33) json.segments = LABELS;
		out[i] = json;
	}
	return out;
}

const workflow: WorkflowJson = {
	name: 'Send Timing benchmark',
	nodes: [
		{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 's',
			name: 'Send Timing',
			type: 'n8n-nodes-behavioral-segments.sendTiming',
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				lastContact: '={{ $json.lastEmailSentAt }}',
				weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
				signupDate: '={{ $json.created_at }}',
				options: {
					listCycles: { cycles: [{ list: 'Repeat Buyers', days: 21 }] },
					planAsOf: PLAN_AS_OF,
				},
			},
		},
	],
	connections: { Start: { main: [[{ node: 'Send Timing', type: 'main' as never, index: 0 }]] } },
	settings: { timezone: 'UTC' },
};

// ---- the plain loop --------------------------------------------------------------------------------------------

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?(Z|[+-]\d{2}:\d{2}))?$/;
const dayTexts = new Map<number, string>();
function isoDay(day: number): string {
	let s = dayTexts.get(day);
	if (s === undefined) dayTexts.set(day, (s = isoDayOf(day)));
	return s;
}
const pad = (n: number) => (n < 10 ? '0' + n : String(n));
const WD = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const weekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** Local wall time -> instant: doubled times take the earlier instant, missing ones move forward by the gap. */
function instant(c: ZoneClock, day: number, minute: number): number {
	const wall = day * DAY + minute * MIN;
	const b = c.offsetAt(wall - DAY);
	const a = c.offsetAt(wall + DAY);
	const t1 = wall - b * MIN;
	if (a === b) return t1;
	const t2 = wall - a * MIN;
	const v1 = c.offsetAt(t1) === b;
	const v2 = c.offsetAt(t2) === a;
	return v1 && v2 ? Math.min(t1, t2) : v2 ? t2 : t1;
}
const localDay = (c: ZoneClock, ts: number) => Math.floor((ts + c.offsetAt(ts) * MIN) / DAY);
// Texts from remembered pieces (day, time of day, offset), as a careful hand-written loop over a million rows would.
const HHMM: string[] = [];
for (let m = 0; m < 1440; m++) HHMM.push(`${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
const OFFSETS = new Map<number, string>();
function text(c: ZoneClock, ts: number): string {
	const w = ts + c.offsetAt(ts) * MIN;
	const d = Math.floor(w / DAY);
	return isoDay(d) + ' ' + HHMM[Math.floor((w - d * DAY) / MIN)];
}
/** yyyy-MM-ddTHH:mm:ss.SSS of wall-clock milliseconds (the sends here fall on whole minutes or on "now"). */
function wallIso(w: number): string {
	const d = Math.floor(w / DAY);
	const inDay = w - d * DAY;
	const m = Math.floor(inDay / MIN);
	const rest = inDay - m * MIN;
	const sec = rest === 0 ? ':00.000' : ':' + pad(Math.floor(rest / 1000)) + '.' + String(rest % 1000).padStart(3, '0');
	return isoDay(d) + 'T' + HHMM[m] + sec;
}
function isoWithOffset(c: ZoneClock, ts: number, utc: boolean): string {
	const off = c.offsetAt(ts);
	if (off === 0 && utc) return wallIso(ts) + 'Z';
	let o = OFFSETS.get(off);
	if (o === undefined) {
		const a = Math.abs(off);
		OFFSETS.set(off, (o = (off < 0 ? '-' : '+') + pad(Math.floor(a / 60)) + ':' + pad(a % 60)));
	}
	return wallIso(ts + off * MIN) + o;
}
/** [instant, calendar day in the zone] of an ISO date or date-time. */
function parse(c: ZoneClock, s: string): [number, number] {
	const m = ISO.exec(s);
	if (!m) throw new Error(`not a date: ${s}`);
	const day = dayFromCivil(+m[1], +m[2], +m[3]);
	if (m[4] === undefined) return [instant(c, day, 0), day];
	let ts = day * DAY + +m[4] * HOUR + +m[5] * MIN + +m[6] * 1000 + (m[7] ? +m[7] : 0);
	if (m[8] !== 'Z') ts -= (m[8][0] === '-' ? -1 : 1) * (+m[8].slice(1, 3) * 60 + +m[8].slice(4, 6)) * MIN;
	return [ts, localDay(c, ts)];
}

export function plainLoop(customers: IDataObject[], now: number): INodeExecutionData[][] {
	const due: INodeExecutionData[] = [];
	const scheduled: INodeExecutionData[] = [];
	const clocks = new Map<string, ZoneClock>();
	const SEND = 600; // 10:00
	const QS = 21 * 60;
	const QE = 8 * 60;
	for (let i = 0; i < customers.length; i++) {
		const p = customers[i];
		const zone = (p.timeZone as string) || 'UTC';
		let c = clocks.get(zone);
		if (!c) {
			if (!isValidZone(zone)) throw new Error(`bad zone ${zone}`);
			c = zoneClock(zone);
			clocks.set(zone, c);
		}
		const lp = p.lastPurchaseAt ? parse(c, p.lastPurchaseAt as string) : null;
		const contact = p.lastEmailSentAt ? parse(c, p.lastEmailSentAt as string) : null;
		let due_: number;
		let kind: string;
		let reason: string;
		let cycleDays: number | null;
		let cycleSource: string | null;
		let silenceDay: number | null;
		let silenceWhat: string;
		if (lp === null || p.orderCount === 0) {
			const signup = p.created_at ? parse(c, p.created_at as string) : null;
			const fromContact = contact !== null && (signup === null || contact[0] >= signup[0]);
			const base = fromContact ? contact : signup;
			kind = 'welcome';
			cycleDays = 3;
			cycleSource = 'welcome';
			silenceWhat = fromContact ? 'last contact' : 'sign-up';
			silenceDay = base ? base[1] : null;
			if (base === null) {
				due_ = now;
				reason = 'prospect without sign-up date or contact: send now';
			} else {
				due_ = instant(c, base[1] + 3, SEND);
				reason = `welcome series: 3 d after ${silenceWhat} ${isoDay(base[1])}`;
			}
		} else {
			let days = 30;
			let source = 'fixed';
			let label = 'fixed cycle 30 d';
			const gaps = p.gapCount as number;
			if (gaps >= 2 && p.medianGapDays !== null) {
				days = Math.max(1, Math.round(p.medianGapDays as number));
				source = 'own';
				label = `own cycle ${days} d`;
			} else {
				const labels = p.segments as Array<{ list: string; key: string }> | undefined;
				if (labels && labels.some((l) => l.list.toLowerCase() === 'repeat buyers' || l.key.toLowerCase() === 'repeat buyers')) {
					days = 21;
					source = 'list';
					label = '"Repeat Buyers" cycle 21 d';
				}
			}
			due_ = instant(c, lp[1] + days - 3, SEND);
			kind = 'cycle';
			cycleDays = days;
			cycleSource = source;
			reason = `${label} from last order ${isoDay(lp[1])}, 3 d lead`;
			if (contact !== null && contact[0] > lp[0] && contact[0] >= due_) {
				const wasDue = text(c, due_);
				due_ = instant(c, contact[1] + days, SEND);
				kind = 'reminder';
				reason = `reminder: ${label} after last contact ${isoDay(contact[1])} (mail was due ${wasDue}; no order since)`;
			}
			const later = contact !== null && contact[0] > lp[0];
			silenceDay = later ? (contact as [number, number])[1] : lp[1];
			silenceWhat = later ? 'last contact' : 'last order';
		}
		if (silenceDay !== null && due_ > now) {
			const cap = instant(c, silenceDay + 45, SEND);
			if (due_ > cap) {
				reason = `keep in touch: 45 d since ${silenceWhat} ${isoDay(silenceDay)} (${reason} would wait until ${text(c, due_)})`;
				due_ = cap;
				kind = 'keepInTouch';
			}
		}
		let t = due_;
		if (t < now) {
			reason += `; was due ${text(c, due_)}, sending now`;
			t = now;
		}
		const capEnd = contact !== null ? contact[0] + 16 * HOUR : -Infinity;
		const floor = Math.max(now, capEnd);
		for (;;) {
			let moved = false;
			if (t < capEnd) {
				t = capEnd;
				reason += `; frequency cap 16 h after last contact ${text(c, (contact as [number, number])[0])}, moved to ${text(c, t)}`;
				moved = true;
			}
			const w = t + c.offsetAt(t) * MIN;
			const d = Math.floor(w / DAY);
			const m = (w - d * DAY) / MIN;
			if (m > QS || m < QE) {
				const sd = m > QS ? d : d - 1;
				const s = instant(c, sd, QS);
				const e = instant(c, sd + 1, QE);
				t = t - s < e - t && s >= floor && s < t && weekday(sd) <= 5 ? s : e;
				reason += `; quiet hours 21:00-08:00, moved to ${text(c, t)}`;
				moved = true;
			}
			const day = localDay(c, t);
			const wd = weekday(day);
			if (wd > 5) {
				const next = day + (8 - wd);
				t = instant(c, next, SEND);
				reason += `; ${WD[wd]} is not a sending day, moved to ${WD[weekday(next)]} ${text(c, t)}`;
				moved = true;
			}
			if (!moved) break;
		}
		const json: IDataObject = Object.assign({}, p);
		json.nextSendAt = isoWithOffset(c, t, zone === 'UTC');
		json.nextSendAtUtc = wallIso(t) + 'Z';
		json.dueNow = t <= now;
		json.sendKind = kind;
		json.sendReason = reason;
		json.cycleDays = cycleDays;
		json.cycleSource = cycleSource;
		json.timeZone = zone;
		(t <= now ? due : scheduled).push({ json, pairedItem: { item: i } });
	}
	return [due, scheduled];
}

/** What luxon DateTime objects per customer cost for just the date work (parse, add days, set the hour, format). */
function luxonPerCustomerUs(customers: IDataObject[]): number {
	const n = Math.min(customers.length, 20_000);
	const t0 = performance.now();
	let sink = 0;
	for (let i = 0; i < n; i++) {
		const p = customers[i];
		if (!p.lastPurchaseAt) continue;
		const last = DateTime.fromISO(p.lastPurchaseAt as string, { zone: p.timeZone as string });
		const due = last.startOf('day').plus({ days: 27 }).set({ hour: 10, minute: 0 });
		sink += (due.toISO() as string).length + (due.toUTC().toISO() as string).length;
	}
	if (sink < 0) console.log(sink);
	return ((performance.now() - t0) / n) * 1000;
}

export const parts: BenchPart[] = [
	{
		name: `timing: ${COUNT.toLocaleString('en-US')} customers, 8 zones`,
		targetRatio: 1.5,
		async run() {
			const customers = generateCustomers(COUNT);
			const pinned = customers.map((json) => ({ json }));
			// Collect before each timed run, so neither side pays for the other's garbage (a million items each).
			const gc = collector();
			const engine = async () => {
				const r = await runWorkflow(workflow, { pinData: { Start: pinned } });
				if (r.error) throw r.error;
				return r.outputs('Send Timing');
			};
			let dueCount = 0;
			{
				// Compare once, then let both results go before timing (a million items each).
				const ours = await engine();
				const check = sameOutputs(ours, plainLoop(customers, NOW), 5000);
				if (check) throw new Error(`engine and plain loop disagree: ${check}`);
				dueCount = ours[0].length;
			}
			const timeEngine = async () => {
				const t0 = performance.now();
				const outputs = await engine();
				const ms = performance.now() - t0;
				heapAfter = Math.max(heapAfter, process.memoryUsage().heapUsed);
				void outputs;
				return ms;
			};
			const timeLoop = () => {
				const t0 = performance.now();
				const outputs = plainLoop(customers, NOW);
				const ms = performance.now() - t0;
				void outputs;
				return ms;
			};
			gc();
			const heapBefore = process.memoryUsage().heapUsed;
			let heapAfter = heapBefore;
			let oursMs = Infinity;
			let loopMs = Infinity;
			for (let r = 0; r < 5; r++) {
				gc();
				oursMs = Math.min(oursMs, await timeEngine());
				gc();
				loopMs = Math.min(loopMs, timeLoop());
			}
			const lux = luxonPerCustomerUs(customers);
			return {
				oursMs,
				loopMs,
				heapMB: (heapAfter - heapBefore) / 1024 / 1024,
				note: `${((oursMs / COUNT) * 1000).toFixed(2)} µs per customer in the engine, ${dueCount.toLocaleString('en-US')} due now; luxon DateTime objects for the date work alone would cost ${lux.toFixed(1)} µs per customer (${((lux * COUNT) / 1000).toFixed(0)} ms)`,
			};
		},
	},
];
