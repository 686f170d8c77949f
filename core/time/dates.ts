/**
 * Reading dates from whatever a source sends, always into an explicit IANA zone, never guessing.
 *
 * Accepted: ISO 8601 with an offset or Z (the instant it names); ISO or "yyyy-MM-dd HH:mm:ss" without offset
 * (wall-clock time in the stated zone); yyyy/MM/dd (year first is never ambiguous); a date alone (midnight in the
 * stated zone); Shopify's "2025-05-11 09:55:16 -0400"; 8-digit yyyyMMdd (string or number); epoch seconds or
 * milliseconds (numbers or digit strings, told apart by size; values below 1e8 are refused rather than read as a
 * moment in 1970); JS Date; luxon DateTime; and any luxon format given explicitly ("dd-MM-yyyy").
 * Slash or day-month dates without a format are ambiguous (is 04/05 the 4th of May or April the 5th?) and are
 * an error, as is anything unparsable.
 */
import { DateTime, IANAZone } from 'luxon';
import { showValue } from '../errors';

export class DateReadError extends Error {}

export interface DateReadOptions {
	/** IANA zone naive values are read in, and the zone the result is expressed in. */
	zone: string;
	/** Explicit luxon format, e.g. "dd-MM-yyyy" or "dd/MM/yyyy HH:mm"; when set, strings must match it. */
	format?: string;
}

/** Epoch values below this are seconds (until the year 5138), at or above it milliseconds (after 1973-03-03). */
const MS_THRESHOLD = 1e11;
/**
 * Epoch values below this (1973-03-03 in seconds) are not read as timestamps: "2020", 12.5 or 5 would otherwise
 * silently become a moment in 1970. 8-digit integers in this range are read as yyyyMMdd instead.
 */
const MIN_EPOCH = 1e8;

const SHOPIFY = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) ?([+-]\d{2}:?\d{2}|Z|UTC)$/;
const NAIVE_SPACE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
const DIGITS = /^-?\d+(\.\d+)?$/;
const AMBIGUOUS = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;
const YEAR_FIRST_SLASH = /^(\d{4})\/(\d{2})\/(\d{2})(?=$|[ T])/;

export function isValidZone(zone: unknown): zone is string {
	return typeof zone === 'string' && zone.length > 0 && IANAZone.isValidZone(zone);
}

export function assertZone(zone: unknown, what = 'Time zone'): string {
	if (!isValidZone(zone)) {
		throw new DateReadError(`${what} ${JSON.stringify(zone)} is not an IANA time zone such as "Europe/Berlin"`);
	}
	return zone;
}

function fromEpoch(n: number, zone: string, raw: unknown): DateTime {
	if (!Number.isFinite(n)) throw new DateReadError(`${showValue(raw)} is not a date`);
	if (Number.isInteger(n) && n >= 1e7 && n < MIN_EPOCH) {
		// 8 digits: yyyyMMdd (19970101), never epoch seconds in 1970.
		return checked(DateTime.fromFormat(String(n), 'yyyyMMdd', { zone }), raw);
	}
	if (n < MIN_EPOCH) {
		throw new DateReadError(
			`${showValue(raw)} is not a date: too small for a Unix timestamp (seconds or milliseconds since 1970)`,
		);
	}
	const ms = n < MS_THRESHOLD ? n * 1000 : n;
	return DateTime.fromMillis(ms, { zone });
}

function checked(dt: DateTime, raw: unknown): DateTime {
	if (!dt.isValid) {
		throw new DateReadError(`${showValue(raw)} is not a date (${dt.invalidExplanation ?? dt.invalidReason})`);
	}
	return dt;
}

/** Reads one date value; throws DateReadError naming the value when it cannot be read without guessing. */
export function readDate(value: unknown, options: DateReadOptions): DateTime {
	const { zone, format } = options;
	if (value === null || value === undefined || value === '') throw new DateReadError('the date is empty');
	if (DateTime.isDateTime(value)) return checked(value, value).setZone(zone);
	if (value instanceof Date) return checked(DateTime.fromJSDate(value), value).setZone(zone);
	if (typeof value === 'number') return checked(fromEpoch(value, zone, value), value);
	if (typeof value !== 'string') throw new DateReadError(`${showValue(value)} is not a date`);
	let s = value.trim();
	if (s === '') throw new DateReadError('the date is empty');
	if (format) {
		const dt = DateTime.fromFormat(s, format, { zone, setZone: true });
		if (!dt.isValid) throw new DateReadError(`${JSON.stringify(value)} does not match the date format "${format}"`);
		return dt.setZone(zone);
	}
	if (/^\d{8}$/.test(s)) return checked(DateTime.fromFormat(s, 'yyyyMMdd', { zone }), value);
	if (DIGITS.test(s)) return checked(fromEpoch(Number(s), zone, value), value);
	const slash = YEAR_FIRST_SLASH.exec(s);
	if (slash) s = `${slash[1]}-${slash[2]}-${slash[3]}${s.slice(10)}`;
	const shopify = SHOPIFY.exec(s);
	if (shopify) {
		const off = shopify[3] === 'UTC' ? 'Z' : shopify[3].length === 5 ? shopify[3].slice(0, 3) + ':' + shopify[3].slice(3) : shopify[3];
		return checked(DateTime.fromISO(`${shopify[1]}T${shopify[2]}${off}`, { setZone: true }), value).setZone(zone);
	}
	const naive = NAIVE_SPACE.exec(s);
	if (naive) return checked(DateTime.fromISO(`${naive[1]}T${naive[2]}`, { zone }), value);
	if (AMBIGUOUS.test(s)) {
		throw new DateReadError(
			`${JSON.stringify(value)} is ambiguous: day-first or month-first? Set the date format (e.g. dd/MM/yyyy)`,
		);
	}
	let dt = DateTime.fromISO(s, { zone, setZone: false });
	if (!dt.isValid) dt = DateTime.fromRFC2822(s, { zone });
	if (!dt.isValid) dt = DateTime.fromHTTP(s, { zone });
	if (!dt.isValid) throw new DateReadError(`${JSON.stringify(value)} is not a date`);
	return dt.setZone(zone);
}

/** yyyy-MM-dd of an instant in a zone. */
export function isoDate(dt: DateTime): string {
	return dt.toISODate() as string;
}
