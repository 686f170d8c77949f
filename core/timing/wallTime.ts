/**
 * Wall-clock time in a customer's zone, fast: day numbers (days since 1970-01-01 in the zone) and minutes of the
 * day, turned into instants by one stated rule for the two DST edge cases:
 *
 * - a local time that does not exist (the clock springs forward over it) is shifted forward by the length of the
 *   gap: 02:30 on 2021-03-28 in Europe/Berlin is 03:30 CEST (01:30 UTC);
 * - a local time that exists twice (the clock falls back over it) is the EARLIER of the two instants, the one
 *   still on summer time: 01:30 on 2021-11-07 in America/New_York is 01:30 EDT (05:30 UTC).
 *
 * Calendar arithmetic is done on day numbers, so adding 30 days keeps the wall-clock hour across a DST change.
 * Zone offsets come from the shared ZoneClock (core/time/calendarDays), which caches them per day.
 */
import { isoDay as isoDayOf, zoneClock, type ZoneClock } from '../time/calendarDays';
import { isValidZone } from '../time/dates';

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

const dayTexts = new Map<number, string>();
/** yyyy-MM-dd of a day number, remembered (a run touches a few hundred distinct days, a million times). */
export function isoDay(day: number): string {
	let s = dayTexts.get(day);
	if (s === undefined) {
		s = isoDayOf(day);
		if (dayTexts.size > 100_000) dayTexts.clear();
		dayTexts.set(day, s);
	}
	return s;
}
export const HOUR_MS = 3_600_000;

const known = new Map<string, ZoneClock | null>();

/** The clock of an IANA zone, or null when the name is not one (the answer is cached: checking costs ~0.1 ms). */
export function clockOf(zone: string): ZoneClock | null {
	let c = known.get(zone);
	if (c === undefined) {
		c = isValidZone(zone) ? zoneClock(zone) : null;
		known.set(zone, c);
	}
	return c;
}

/**
 * The instant a wall-clock time (day number + minute of the day, seconds allowed as a fraction) names in a zone,
 * by the rule above.
 */
export function instantOf(clock: ZoneClock, day: number, minuteOfDay: number): number {
	const wall = day * DAY_MS + Math.round(minuteOfDay * MINUTE_MS);
	return wallToInstant(clock, wall);
}

/** `wall` is the local date and time written as if it were UTC, in milliseconds. */
export function wallToInstant(clock: ZoneClock, wall: number): number {
	// An instant naming this wall time lies within 14 h of `wall`; a day either side is safely before and after
	// any offset change near it (zones change offset at most a few times a year).
	const before = clock.offsetAt(wall - DAY_MS);
	const after = clock.offsetAt(wall + DAY_MS);
	const t1 = wall - before * MINUTE_MS;
	if (before === after) return t1;
	const t2 = wall - after * MINUTE_MS;
	const valid1 = clock.offsetAt(t1) === before;
	const valid2 = clock.offsetAt(t2) === after;
	if (valid1 && valid2) return Math.min(t1, t2); // exists twice: the earlier instant
	if (valid2) return t2;
	// Exists once with the old offset (valid1), or not at all (gap): read with the offset before the change,
	// which shows it shifted forward by the gap.
	return t1;
}

/** The same wall-clock time `days` calendar days later (or earlier) in the zone. */
export function addDays(clock: ZoneClock, ts: number, days: number): number {
	return wallToInstant(clock, wallOf(clock, ts) + days * DAY_MS);
}

/** Wall-clock milliseconds (local date and time written as if UTC) of an instant. */
export function wallOf(clock: ZoneClock, ts: number): number {
	return ts + clock.offsetAt(ts) * MINUTE_MS;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
export function weekdayOf(day: number): number {
	return ((((day + 3) % 7) + 7) % 7) + 1;
}

export const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function pad2(n: number): string {
	return n < 10 ? '0' + n : String(n);
}

// Texts are built from remembered pieces: a million send times then share their day and time-of-day strings
// instead of each holding its own chain of small string fragments.
const HHMM: string[] = [];
for (let m = 0; m < 1440; m++) HHMM.push(`${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);
const offsetTexts = new Map<number, string>();

/** "HH:mm" of a minute of the day. */
export function hhmm(minuteOfDay: number): string {
	return HHMM[Math.floor(minuteOfDay)];
}

/** "yyyy-MM-dd HH:mm" of an instant in the zone, for reasons. */
export function localText(clock: ZoneClock, ts: number): string {
	const wall = wallOf(clock, ts);
	const day = Math.floor(wall / DAY_MS);
	return isoDay(day) + ' ' + HHMM[Math.floor((wall - day * DAY_MS) / MINUTE_MS)];
}

/** "yyyy-MM-ddTHH:mm:ss.SSS" of wall-clock milliseconds. */
function isoWall(wall: number): string {
	const day = Math.floor(wall / DAY_MS);
	const inDay = wall - day * DAY_MS;
	const minute = Math.floor(inDay / MINUTE_MS);
	const rest = inDay - minute * MINUTE_MS;
	let sec = ':00.000';
	if (rest !== 0) {
		const s = Math.floor(rest / 1000);
		const ms = rest - s * 1000;
		sec = ':' + pad2(s) + '.' + (ms < 10 ? '00' + ms : ms < 100 ? '0' + ms : String(ms));
	}
	return isoDay(day) + 'T' + HHMM[minute] + sec;
}

/** ISO 8601 in UTC with "Z", as luxon's toUTC().toISO() writes it. */
export function isoUtc(ts: number): string {
	return isoWall(ts) + 'Z';
}

/** ISO 8601 with the zone's offset at that instant, as luxon's toISO() writes it ("Z" for UTC itself). */
export function isoLocal(clock: ZoneClock, ts: number): string {
	const off = clock.offsetAt(ts);
	let text = offsetTexts.get(off);
	if (text === undefined) {
		const a = Math.abs(off);
		text = (off < 0 ? '-' : '+') + pad2(Math.floor(a / 60)) + ':' + pad2(a % 60);
		offsetTexts.set(off, text);
	}
	if (off === 0 && clock.zone.isUniversal) text = 'Z';
	return isoWall(ts + off * MINUTE_MS) + text;
}

export type { ZoneClock };
