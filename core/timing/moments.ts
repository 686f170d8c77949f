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

function momentAt(clock: ZoneClock, ts: number): Moment {
	const wall = wallOf(clock, ts);
	const day = Math.floor(wall / DAY_MS);
	return { ts, day, minute: Math.floor((wall - day * DAY_MS) / MINUTE_MS) };
}

function daysInMonth(y: number, m: number): number {
	if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
	return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The number written by `n` digits at `i`, or -1 when one of them is not a digit. */
function digits(s: string, i: number, n: number): number {
	let v = 0;
	for (let k = i; k < i + n; k++) {
		const c = s.charCodeAt(k) - 48;
		if (c < 0 || c > 9) return -1;
		v = v * 10 + c;
	}
	return v;
}

/**
 * The strict ISO forms, read character by character (no regex, no substrings: this runs a million times):
 * yyyy-MM-dd, optionally followed by T or a space, HH:mm, optional :ss and .fraction, and an optional Z, ±HH,
 * ±HHmm or ±HH:mm. Anything else is null, and readDate decides (it also words the errors).
 */
function readIso(s: string, clock: ZoneClock): Moment | null {
	const n = s.length;
	if (n < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
	const y = digits(s, 0, 4);
	const mo = digits(s, 5, 2);
	const d = digits(s, 8, 2);
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
	if (d > 28 && d > daysInMonth(y, mo)) return null; // 2026-02-30
	const day = dayFromCivil(y, mo, d);
	if (n === 10) {
		// A date alone: that calendar day in the customer's zone, at its first moment.
		return { ts: instantOf(clock, day, 0), day, minute: 0 };
	}
	const sep = s.charCodeAt(10);
	if ((sep !== 84 && sep !== 32) || n < 16 || s.charCodeAt(13) !== 58) return null; // T or space, HH:mm
	const h = digits(s, 11, 2);
	const mi = digits(s, 14, 2);
	if (h < 0 || h > 23 || mi < 0 || mi > 59) return null;
	let i = 16;
	let sec = 0;
	let ms = 0;
	if (i < n && s.charCodeAt(i) === 58) {
		sec = digits(s, i + 1, 2);
		if (sec < 0 || sec > 59 || i + 3 > n) return null;
		i += 3;
		if (i < n && s.charCodeAt(i) === 46) {
			let scale = 100;
			let k = i + 1;
			for (; k < n; k++) {
				const c = s.charCodeAt(k) - 48;
				if (c < 0 || c > 9) break;
				ms += c * scale;
				scale /= 10;
			}
			if (k === i + 1 || k - i - 1 > 9) return null;
			ms = Math.floor(ms + 1e-6);
			i = k;
		}
	}
	const wall = day * DAY_MS + h * 3_600_000 + mi * MINUTE_MS + sec * 1000 + ms;
	if (i === n) return momentAt(clock, wallToInstant(clock, wall)); // no offset: wall-clock time in the zone
	const z = s.charCodeAt(i);
	if (z === 90) return i + 1 === n ? momentAt(clock, wall) : null; // Z
	if (z !== 43 && z !== 45) return null;
	const oh = digits(s, i + 1, 2);
	let om = 0;
	const rest = n - i - 3;
	if (rest === 2) om = digits(s, i + 3, 2);
	else if (rest === 3 && s.charCodeAt(i + 3) === 58) om = digits(s, i + 4, 2);
	else if (rest !== 0) return null;
	if (oh < 0 || om < 0 || om > 59) return null;
	return momentAt(clock, wall - (z === 45 ? -1 : 1) * (oh * 60 + om) * MINUTE_MS);
}

/**
 * Reads one date value in the clock's zone. Throws DateReadError (from readDate's rules) when the value is not
 * a date; `format` is the user's explicit luxon format for day-first strings.
 */
export function readMoment(value: unknown, clock: ZoneClock, format?: string): Moment {
	if (typeof value === 'string' && !format) {
		const fast = readIso(value, clock) ?? readIso(value.trim(), clock);
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
	if (value === null || value === undefined || value === '') return true;
	if (typeof value !== 'string') return false;
	const first = value.charCodeAt(0);
	return first > 32 && first < 160 ? false : value.trim() === '';
}
