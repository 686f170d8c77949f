/**
 * Reading the dates Send Timing needs (last purchase, last contact, sign-up, predicted next order, opens and
 * clicks) into a customer's zone. The ISO forms Customer Profiles and most APIs write are read here directly
 * (a few hundred nanoseconds instead of luxon's ~10 µs); everything else goes through the shared readDate, which
 * defines what is accepted and how. An instant with an offset is converted to the customer's zone before its
 * calendar date is taken; a date alone, or a date-time without offset, is read in the customer's zone.
 */
import { DateReadError, readDate } from '../time/dates';
import * as calendar from '../time/calendarDays';
import * as wallTime from './wallTime';
import type { ZoneClock } from './wallTime';

// Hot helpers bound once: CommonJS output reads an imported name through a getter on every use.
const { dayFromCivil } = calendar;
const { instantOf, wallOf, wallToInstant } = wallTime;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** A moment in the customer's zone. */
export interface Moment {
	/** Epoch milliseconds. */
	ts: number;
	/** Calendar day in the zone (days since 1970-01-01). */
	day: number;
	/** Minute of the day in the zone (0..1439). */
	minute: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function momentAt(clock: ZoneClock, ts: number): Moment {
	const wall = wallOf(clock, ts);
	const day = Math.floor(wall / DAY_MS);
	return { ts, day, minute: Math.floor((wall - day * DAY_MS) / MINUTE_MS) };
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

function daysInMonth(y: number, m: number): number {
	if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
	return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The strict ISO forms, or null to let readDate decide (it also words the errors). */
function readIso(s: string, clock: ZoneClock): Moment | null {
	const m = ISO.exec(s);
	if (!m) return null;
	const y = +m[1];
	const mo = +m[2];
	const d = +m[3];
	if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
	if (d > 28 && d > daysInMonth(y, mo)) return null; // 2026-02-30: readDate words the error
	const day = dayFromCivil(y, mo, d);
	if (m[4] === undefined) {
		// A date alone: that calendar day in the customer's zone, at its first moment.
		return { ts: instantOf(clock, day, 0), day, minute: 0 };
	}
	const h = +m[4];
	const mi = +m[5];
	const sec = m[6] === undefined ? 0 : +m[6];
	if (h > 23 || mi > 59 || sec > 59) return null;
	const frac = m[7];
	const ms = frac === undefined ? 0 : frac.length === 3 ? +frac : Math.floor(+`0.${frac}` * 1000);
	const wall = day * DAY_MS + h * 3_600_000 + mi * MINUTE_MS + sec * 1000 + ms;
	const z = m[8];
	if (z === undefined) return momentAt(clock, wallToInstant(clock, wall));
	let off = 0;
	if (z !== 'Z') {
		// ±HH, ±HHmm or ±HH:mm
		const mm = z.length === 3 ? 0 : z.length === 5 ? digit(z, 3) * 10 + digit(z, 4) : digit(z, 4) * 10 + digit(z, 5);
		off = (z.charCodeAt(0) === 45 ? -1 : 1) * ((digit(z, 1) * 10 + digit(z, 2)) * 60 + mm);
	}
	return momentAt(clock, wall - off * MINUTE_MS);
}

/**
 * Reads one date value in the clock's zone. Throws DateReadError (from readDate's rules) when the value is not
 * a date; `format` is the user's explicit luxon format for day-first strings.
 */
export function readMoment(value: unknown, clock: ZoneClock, format?: string): Moment {
	if (typeof value === 'string' && !format) {
		const fast = readIso(value.trim(), clock);
		if (fast) return fast;
	}
	const dt = readDate(value, { zone: clock.zoneName, format });
	const ts = dt.toMillis();
	if (!Number.isFinite(ts)) throw new DateReadError(`${JSON.stringify(value)} is not a date`);
	// The calendar fields luxon read (in the zone) are the ones the user wrote; the instant follows the zone.
	const day = dayFromCivil(dt.year, dt.month, dt.day);
	return { ts, day, minute: dt.hour * 60 + dt.minute };
}

/** True for the values that mean "no date": null, undefined, empty or blank text. */
export function isBlank(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
