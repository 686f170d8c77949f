/**
 * When to write to each customer next. Pure: "now" is passed in (the node passes the execution time), the clock
 * is never read here.
 *
 * Rules, in order:
 * 1. Zone: the customer's IANA zone, else the workflow's. All calendar arithmetic is on calendar days in that zone
 *    at the send time of day, so the wall-clock hour survives DST changes (see wallTime.ts for the rule on times
 *    that do not exist or exist twice).
 * 2. Send time of day: the fixed send time, or the hour in which the customer opened/clicked most often (ties: the
 *    earlier hour) once they have at least the minimum number of opens/clicks.
 * 3. Customers (an order on record): cycle = their own median gap (rounded to whole days, at least 1) once they
 *    have at least `minGaps` gaps, unless the source is "fixed"; else the first List Cycles row naming one of their
 *    lists; else the fixed cycle. Due = last purchase day + cycle - lead days. With the "predicted" source a
 *    predicted next-order date replaces it (due = that day - lead); customers without one use the cycle above.
 *    When the last contact is after the last order and at or after that due time, the cycle mail has gone out and
 *    no order followed: the next one is a reminder one cycle after the last contact.
 * 4. Prospects (order count 0 or no purchase): "welcome" = the welcome interval after the last contact, or after
 *    sign-up when there was no contact since (no sign-up date either: now); "now" = now.
 * 5. Max silence: when the send would come later than max silence days after the later of last contact and last
 *    order (prospects: last contact, else sign-up), it becomes a keep-in-touch send at that day instead.
 * 6. A time already passed becomes now.
 * 7. Then, until nothing moves: frequency cap (not within N hours after the last contact: moved to the first
 *    moment after); quiet hours (an open interval: a time strictly inside moves to the nearer edge, measured in
 *    real time; a tie goes to the end edge; the start edge is used only if it is not before now or the cap and
 *    falls on a sending day); sending days (a day not allowed moves to the next allowed day at the send time).
 */
import { InputError, showValue } from '../errors';
import { DateReadError } from '../time/dates';
import * as moments from './moments';
import type { Moment } from './moments';
import type { TimingConfig } from './settings';
import * as wallTime from './wallTime';
import type { ZoneClock } from './wallTime';

// Hot helpers bound once: CommonJS output reads an imported name through a getter on every use.
const { isBlank, readMoment } = moments;
const { WEEKDAY_NAMES, clockOf, hhmm, instantOf, isoDay, isoLocal, isoUtc, localText, wallOf, weekdayOf } = wallTime;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export type CycleSource = 'own' | 'fixed' | 'list' | 'predicted' | 'welcome';
export type SendKind = 'cycle' | 'reminder' | 'keepInTouch' | 'welcome';

/** One customer's raw values, as mapped in the node (missing = undefined). */
export interface TimingInput {
	lastPurchase?: unknown;
	orderCount?: unknown;
	medianGapDays?: unknown;
	gapCount?: unknown;
	timeZone?: unknown;
	lastContact?: unknown;
	/** The private labels Behavioral Segment wrote: [{ list, key, reason }], or list names. */
	lists?: unknown;
	predictedNextOrder?: unknown;
	signupDate?: unknown;
	/** Open/click timestamps (an array, or one value). */
	engagementTimes?: unknown;
}
export type TimingField = keyof TimingInput;

export interface SendPlan {
	/** ISO 8601 with the customer's offset: usable as is in n8n's Wait node ("At Specified Time"). */
	nextSendAt: string;
	nextSendAtUtc: string;
	/** True when nextSendAt is now (at or before the planning moment). */
	dueNow: boolean;
	sendKind: SendKind;
	sendReason: string;
	/** The cycle used (days), null for prospects sent now. */
	cycleDays: number | null;
	cycleSource: CycleSource | null;
	timeZone: string;
}

/** How the fields are named in messages: the mapped JSON path (lastPurchaseAt) or the parameter name. */
export type FieldLabels = Record<TimingField, string>;

export const DEFAULT_FIELD_LABELS: FieldLabels = {
	lastPurchase: 'lastPurchaseAt',
	orderCount: 'orderCount',
	medianGapDays: 'medianGapDays',
	gapCount: 'gapCount',
	timeZone: 'timeZone',
	lastContact: 'Last Contact',
	lists: 'segments',
	predictedNextOrder: 'lifetime.expectedNextOrderAt',
	signupDate: 'Sign-up Date',
	engagementTimes: 'Opens and Clicks',
};

const WHAT: Record<TimingField, string> = {
	lastPurchase: 'Last purchase',
	orderCount: 'Order count',
	medianGapDays: 'Typical gap',
	gapCount: 'Number of gaps',
	timeZone: 'Time zone',
	lastContact: 'Last contact',
	lists: 'Lists',
	predictedNextOrder: 'Predicted next order',
	signupDate: 'Sign-up date',
	engagementTimes: 'Open/click time',
};

/**
 * Plans one customer. With `into`, the fields are written onto that object (e.g. the copy of the item's json
 * that becomes the output) and it is returned, saving an object per customer.
 */
export type SendPlanner = <T extends object = SendPlan>(input: TimingInput, into?: T) => T & SendPlan;

/** A planner for one run: settings checked already, `now` in epoch milliseconds. */
export function createSendPlanner(cfg: TimingConfig, now: number, labels: Partial<FieldLabels> = {}): SendPlanner {
	const names: FieldLabels = { ...DEFAULT_FIELD_LABELS, ...labels };
	const fmt = cfg.dateFormat;
	const lead = cfg.leadDays;
	const leadText = lead > 0 ? `, ${lead} d lead` : '';
	const quietText = cfg.quiet ? `${hhmm(cfg.quiet.start)}-${hhmm(cfg.quiet.end)}` : '';
	const capMs = cfg.frequencyCapHours * HOUR_MS;

	const fail = (field: TimingField, value: unknown, problem: string, hint?: string): never => {
		throw new InputError(`${WHAT[field]} ${showValue(value)} (field ${names[field]}) ${problem}`, names[field], value, hint);
	};

	const date = (field: TimingField, value: unknown, clock: ZoneClock): Moment | null => {
		if (isBlank(value)) return null;
		try {
			return readMoment(value, clock, fmt);
		} catch (e) {
			if (!(e instanceof DateReadError)) throw e;
			return fail(field, value, `is not a date: ${e.message}`, 'Use an ISO date such as 2026-11-03T14:22:00+01:00 or 2026-11-03, or set the Date Format option for day-first dates');
		}
	};

	const count = (field: TimingField, value: unknown): number | null => {
		if (isBlank(value)) return null;
		const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
		if (!Number.isFinite(n)) return fail(field, value, 'is not a number');
		if (n < 0) return fail(field, value, 'cannot be negative');
		return n;
	};

	const listOf = (value: unknown): { days: number; list: string } | null => {
		if (cfg.listRows.length === 0 || isBlank(value)) return null;
		let labels: unknown[];
		if (Array.isArray(value)) labels = value;
		else if (typeof value === 'string') labels = value.split(',');
		else return fail('lists', value, 'is not a list of labels', 'Map the field Behavioral Segment writes its labels to (default: segments)');
		for (const row of cfg.listRows) {
			for (const l of labels) {
				if (typeof l === 'string') {
					if (sameList(l, row.match)) return row;
				} else if (l !== null && typeof l === 'object') {
					const { list, key, name } = l as { list?: unknown; key?: unknown; name?: unknown };
					if (sameList(list, row.match) || sameList(key, row.match) || sameList(name, row.match)) return row;
				}
			}
		}
		return null;
	};

	const engaged = (value: unknown, clock: ZoneClock): { hour: number; hits: number; count: number } => {
		if (isBlank(value)) return { hour: -1, hits: 0, count: 0 };
		const values = Array.isArray(value) ? value : [value];
		const perHour = new Array<number>(24).fill(0);
		let n = 0;
		for (const v of values) {
			if (isBlank(v)) continue;
			const m = date('engagementTimes', v, clock) as Moment;
			perHour[Math.floor(m.minute / 60)]++;
			n++;
		}
		let hour = 0;
		for (let h = 1; h < 24; h++) if (perHour[h] > perHour[hour]) hour = h; // ties: the earlier hour
		return { hour, hits: perHour[hour], count: n };
	};

	return <T extends object>(input: TimingInput, into?: T): T & SendPlan => {
		// 1. zone
		const zoneRaw = input.timeZone;
		let clock: ZoneClock | null = null;
		if (isBlank(zoneRaw)) clock = clockOf(cfg.defaultZone);
		else if (typeof zoneRaw === 'string') clock = clockOf(zoneRaw.trim());
		if (!clock) {
			return fail('timeZone', zoneRaw, 'is not an IANA time zone such as "Europe/Berlin"', 'Use a zone name from the IANA list (America/New_York, Europe/Paris), or leave the field empty to use the workflow time zone');
		}

		const lastPurchase = date('lastPurchase', input.lastPurchase, clock);
		const orderCount = count('orderCount', input.orderCount);
		const lastContact = date('lastContact', input.lastContact, clock);
		if (lastPurchase === null && orderCount !== null && orderCount > 0) {
			fail('lastPurchase', input.lastPurchase, `is empty but the customer has ${orderCount} orders`, 'Map the date of the last order, e.g. {{ $json.lastPurchaseAt }}');
		}
		const prospect = lastPurchase === null || orderCount === 0;

		// 2. time of day
		let sendMinute = cfg.sendMinute;
		let hourNote = '';
		if (cfg.sendTimeMode === 'engaged') {
			const e = engaged(input.engagementTimes, clock);
			if (e.count >= cfg.minEngagements) {
				sendMinute = e.hour * 60;
				hourNote = `, at ${hhmm(sendMinute)}, their most engaged hour (${e.hits} of ${e.count} opens/clicks)`;
			} else {
				hourNote = `, at ${hhmm(sendMinute)} (${e.count} opens/clicks, ${cfg.minEngagements} needed for a personal hour)`;
			}
		}

		let due: number;
		let kind: SendKind;
		let reason: string;
		let cycleDays: number | null;
		let cycleSource: CycleSource | null;
		let silenceFrom: Moment | null;
		let silenceWhat: string;

		if (prospect) {
			// 4. prospects
			kind = 'welcome';
			if (cfg.prospectRule === 'now') {
				due = now;
				reason = 'prospect (no order yet): send now';
				cycleDays = null;
				cycleSource = null;
				silenceFrom = lastContact;
				silenceWhat = 'last contact';
			} else {
				const signup = date('signupDate', input.signupDate, clock);
				const fromContact = lastContact !== null && (signup === null || lastContact.ts >= signup.ts);
				const base = fromContact ? lastContact : signup;
				cycleDays = cfg.welcomeDays;
				cycleSource = 'welcome';
				silenceFrom = base;
				silenceWhat = fromContact ? 'last contact' : 'sign-up';
				if (base === null) {
					due = now;
					reason = 'prospect without sign-up date or contact: send now';
				} else {
					due = instantOf(clock, base.day + cfg.welcomeDays, sendMinute);
					reason = `welcome series: ${cfg.welcomeDays} d after ${silenceWhat} ${isoDay(base.day)}${hourNote}`;
				}
			}
		} else {
			// 3. customers
			const lp = lastPurchase as Moment;
			let baseDays = cfg.fixedCycleDays;
			let baseSource: CycleSource = 'fixed';
			let baseLabel = `fixed cycle ${baseDays} d`;
			let own = false;
			if (cfg.cycleSource !== 'fixed') {
				const gaps = count('gapCount', input.gapCount);
				if (gaps !== null && gaps >= cfg.minGaps) {
					const median = count('medianGapDays', input.medianGapDays);
					if (median !== null) {
						baseDays = Math.max(1, Math.round(median));
						baseSource = 'own';
						baseLabel = `own cycle ${baseDays} d`;
						own = true;
					}
				}
			}
			if (!own) {
				const row = listOf(input.lists);
				if (row) {
					baseDays = row.days;
					baseSource = 'list';
					baseLabel = `"${row.list}" cycle ${baseDays} d`;
				}
			}
			const predicted = cfg.cycleSource === 'predicted' ? date('predictedNextOrder', input.predictedNextOrder, clock) : null;
			if (predicted) {
				due = instantOf(clock, predicted.day - lead, sendMinute);
				cycleDays = predicted.day - lp.day;
				cycleSource = 'predicted';
				reason = `predicted next order ${isoDay(predicted.day)}${leadText}${hourNote}`;
			} else {
				due = instantOf(clock, lp.day + baseDays - lead, sendMinute);
				cycleDays = baseDays;
				cycleSource = baseSource;
				reason = `${baseLabel} from last order ${isoDay(lp.day)}${leadText}${hourNote}`;
			}
			kind = 'cycle';
			if (lastContact !== null && lastContact.ts > lp.ts && lastContact.ts >= due) {
				const wasDue = localText(clock, due);
				due = instantOf(clock, lastContact.day + baseDays, sendMinute);
				kind = 'reminder';
				cycleDays = baseDays;
				cycleSource = baseSource;
				reason = `reminder: ${baseLabel} after last contact ${isoDay(lastContact.day)} (mail was due ${wasDue}; no order since)${hourNote}`;
			}
			const contactLater = lastContact !== null && lastContact.ts > lp.ts;
			silenceFrom = contactLater ? lastContact : lp;
			silenceWhat = contactLater ? 'last contact' : 'last order';
		}

		// 5. max silence
		if (cfg.maxSilenceDays > 0 && silenceFrom !== null && due > now) {
			const cap = instantOf(clock, silenceFrom.day + cfg.maxSilenceDays, sendMinute);
			if (due > cap) {
				reason = `keep in touch: ${cfg.maxSilenceDays} d since ${silenceWhat} ${isoDay(silenceFrom.day)} (${reason} would wait until ${localText(clock, due)})`;
				due = cap;
				kind = 'keepInTouch';
			}
		}

		// 6. past due
		let t = due;
		if (t < now) {
			reason += `; was due ${localText(clock, due)}, sending now`;
			t = now;
		}

		// 7. cap, quiet hours, sending days
		const capEnd = lastContact !== null && capMs > 0 ? lastContact.ts + capMs : -Infinity;
		const floor = Math.max(now, capEnd);
		for (let round = 0; ; round++) {
			if (round > 50) throw new Error(`Send Timing could not settle on a time (${reason})`);
			let moved = false;
			if (t < capEnd) {
				t = capEnd;
				reason += `; frequency cap ${cfg.frequencyCapHours} h after last contact ${localText(clock, (lastContact as Moment).ts)}, moved to ${localText(clock, t)}`;
				moved = true;
			}
			if (cfg.quiet) {
				const q = quietEdge(clock, t, cfg, floor);
				if (q !== null) {
					t = q;
					reason += `; quiet hours ${quietText}, moved to ${localText(clock, t)}`;
					moved = true;
				}
			}
			const day = Math.floor(wallOf(clock, t) / DAY_MS);
			const wd = weekdayOf(day);
			if (!cfg.allowedDays[wd]) {
				let next = day + 1;
				while (!cfg.allowedDays[weekdayOf(next)]) next++;
				t = instantOf(clock, next, sendMinute);
				reason += `; ${WEEKDAY_NAMES[wd]} is not a sending day, moved to ${WEEKDAY_NAMES[weekdayOf(next)]} ${localText(clock, t)}`;
				moved = true;
			}
			if (!moved) break;
		}

		const out = (into ?? {}) as T & SendPlan;
		out.nextSendAt = isoLocal(clock, t);
		out.nextSendAtUtc = isoUtc(t);
		out.dueNow = t <= now;
		out.sendKind = kind;
		out.sendReason = reason;
		out.cycleDays = cycleDays;
		out.cycleSource = cycleSource;
		out.timeZone = clock.zoneName;
		return out;
	};
}

/** A label naming a List Cycles row (trimmed, any case). */
function sameList(v: unknown, match: string): boolean {
	return typeof v === 'string' && v.length >= match.length && v.trim().toLowerCase() === match;
}

/** The edge of the quiet hours a time strictly inside them moves to, or null when it is outside. */
function quietEdge(clock: ZoneClock, t: number, cfg: TimingConfig, floor: number): number | null {
	const { start, end } = cfg.quiet as { start: number; end: number };
	const wall = wallOf(clock, t);
	const day = Math.floor(wall / DAY_MS);
	const m = (wall - day * DAY_MS) / MINUTE_MS;
	let startDay: number;
	let endDay: number;
	if (start < end) {
		if (!(m > start && m < end)) return null;
		startDay = endDay = day;
	} else if (m > start) {
		startDay = day;
		endDay = day + 1;
	} else if (m < end) {
		startDay = day - 1;
		endDay = day;
	} else return null;
	const s = instantOf(clock, startDay, start);
	const e = instantOf(clock, endDay, end);
	if (e <= t) return null; // only around a DST change: the wall time read inside, the instant is not
	if (t - s < e - t && s >= floor && s < t && cfg.allowedDays[weekdayOf(startDay)]) return s;
	return e;
}
