/**
 * Reading the dates Send Timing needs (last purchase, last contact, sign-up, predicted next order, opens and
 * clicks) into a customer's zone. The ISO forms Customer Profiles and most APIs write are read here directly
 * (a few hundred nanoseconds instead of luxon's ~10 µs); everything else goes through the shared readDate, which
 * defines what is accepted and how. An instant with an offset is converted to the customer's zone before its
 * calendar date is taken; a date alone, or a date-time without offset, is read in the customer's zone.
 */
import { DateReadError, readDate } from '../time/dates';
import { dayFromCivil, isoDay } from '../time/calendarDays';
import { DAY_MS, MINUTE_MS, instantOf, wallOf, wallToInstant, type ZoneClock } from './wallTime';

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

/** The strict ISO forms, or null to let readDate decide (it also words the errors). */
function readIso(s: string, clock: ZoneClock): Moment | null {
	const m = ISO.exec(s);
	if (!m) return null;
	const y = +m[1];
	const mo = +m[2];
	const d = +m[3];
	if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
	const day = dayFromCivil(y, mo, d);
	if (d > 28 && isoDay(day) !== s.slice(0, 10)) return null; // 2026-02-30
	if (m[4] === undefined) {
		// A date alone: that calendar day in the customer's zone, at its first moment.
		return { ts: instantOf(clock, day, 0), day, minute: 0 };
	}
	const h = +m[4];
	const mi = +m[5];
	const sec = m[6] === undefined ? 0 : +m[6];
	if (h > 23 || mi > 59 || sec > 59) return null;
	const ms = m[7] === undefined ? 0 : Math.floor(+`0.${m[7]}` * 1000);
	const wall = day * DAY_MS + h * 3_600_000 + mi * MINUTE_MS + sec * 1000 + ms;
	const z = m[8];
	if (z === undefined) return momentAt(clock, wallToInstant(clock, wall));
	let off = 0;
	if (z !== 'Z') {
		const sign = z[0] === '-' ? -1 : 1;
		const digits = z.slice(1).replace(':', '');
		off = sign * (+digits.slice(0, 2) * 60 + (digits.length > 2 ? +digits.slice(2, 4) : 0));
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
