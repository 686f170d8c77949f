/**
 * Fast paths for turning the common date shapes into epoch milliseconds without a luxon parse per value (luxon
 * costs 10-30 µs a date, mostly computing zone offsets). Each function gives exactly what readDate(value,
 * { zone }).toMillis() gives, or NaN when the value is not one of the shapes handled here, in which case the
 * caller asks readDate (which also produces the error message). Pure integer arithmetic on calendar days; luxon
 * only for the midnight of a calendar day in a zone, cached per zone.
 */
import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
	const zz = z + 719468;
	const era = Math.floor(zz / 146097);
	const doe = zz - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

export function daysInMonth(y: number, m: number): number {
	if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
	return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Midnight of each calendar day (days since 1970) per zone, kept between runs; bounded. */
const MIDNIGHTS = new Map<string, Map<number, number>>();
const MAX_DAYS_PER_ZONE = 200_000;

function midnightsOf(zone: string): Map<number, number> {
	let days = MIDNIGHTS.get(zone);
	if (!days) {
		if (MIDNIGHTS.size > 50) MIDNIGHTS.clear();
		days = new Map();
		MIDNIGHTS.set(zone, days);
	} else if (days.size > MAX_DAYS_PER_ZONE) days.clear();
	return days;
}

/** Epoch ms of the start of a calendar day (days since 1970) in a zone, as luxon's DateTime.fromObject gives it. */
export function midnightOfDay(day: number, zone: string, cache = midnightsOf(zone)): number {
	let ms = cache.get(day);
	if (ms === undefined) {
		const [y, m, d] = civilFromDays(day);
		const dt = DateTime.fromObject({ year: y, month: m, day: d }, { zone });
		ms = dt.isValid ? dt.toMillis() : NaN;
		cache.set(day, ms);
	}
	return ms;
}

/** Epoch ms of a local wall-clock time, or NaN when its day is not 24 hours long (DST change: ask luxon). */
function localTime(y: number, m: number, d: number, msOfDay: number, zone: string): number {
	const cache = midnightsOf(zone);
	const day = daysFromCivil(y, m, d);
	const start = midnightOfDay(day, zone, cache);
	if (msOfDay === 0) return start;
	const next = midnightOfDay(day + 1, zone, cache);
	return next - start === DAY_MS ? start + msOfDay : NaN;
}

function digits(s: string, from: number, count: number): number {
	let n = 0;
	for (let i = from; i < from + count; i++) {
		const c = s.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return -1;
		n = n * 10 + c;
	}
	return n;
}

/**
 * yyyy-MM-dd, yyyy-MM-ddTHH:mm[:ss[.SSS]] with Z, ±HH:mm or ±HHmm or nothing, Shopify's
 * "yyyy-MM-dd HH:mm:ss -0400", and 8-digit yyyyMMdd; NaN for anything else.
 */
export function fastInstantOfText(s: string, zone: string): number {
	const len = s.length;
	if (len === 8) {
		const y = digits(s, 0, 4);
		const m = digits(s, 4, 2);
		const d = digits(s, 6, 2);
		if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
		return localTime(y, m, d, 0, zone);
	}
	if (len < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
	const y = digits(s, 0, 4);
	const m = digits(s, 5, 2);
	const d = digits(s, 8, 2);
	if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
	if (len === 10) return localTime(y, m, d, 0, zone);
	const sep = s.charCodeAt(10);
	const spaceForm = sep === 32;
	if ((sep !== 84 /* T */ && !spaceForm) || len < 16 || s.charCodeAt(13) !== 58) return NaN;
	const h = digits(s, 11, 2);
	const mi = digits(s, 14, 2);
	if (h < 0 || h > 23 || mi < 0 || mi > 59) return NaN;
	let i = 16;
	let sec = 0;
	let milli = 0;
	if (i < len && s.charCodeAt(i) === 58) {
		sec = digits(s, i + 1, 2);
		if (sec < 0 || sec > 59 || i + 3 > len) return NaN;
		i += 3;
		if (i < len && s.charCodeAt(i) === 46) {
			milli = digits(s, i + 1, 3);
			if (milli < 0 || i + 4 > len) return NaN;
			i += 4;
			const c = i < len ? s.charCodeAt(i) : -1;
			if (c >= 48 && c <= 57) return NaN; // more than 3 fraction digits: luxon decides
		}
	}
	const msOfDay = ((h * 60 + mi) * 60 + sec) * 1000 + milli;
	if (i === len) {
		// No offset: wall-clock time in the zone.
		return localTime(y, m, d, msOfDay, zone);
	}
	if (spaceForm && s.charCodeAt(i) === 32) i++;
	const c = s.charCodeAt(i);
	let offsetMin: number;
	if (c === 90 /* Z */ && i + 1 === len) offsetMin = 0;
	else if (c === 43 || c === 45) {
		const oh = digits(s, i + 1, 2);
		let om: number;
		if (i + 6 === len && s.charCodeAt(i + 3) === 58) om = digits(s, i + 4, 2);
		else if (i + 5 === len) om = digits(s, i + 3, 2);
		else return NaN;
		if (oh < 0 || oh > 18 || om < 0 || om > 59) return NaN;
		offsetMin = (c === 45 ? -1 : 1) * (oh * 60 + om);
	} else return NaN;
	return daysFromCivil(y, m, d) * DAY_MS + msOfDay - offsetMin * 60_000;
}

/** Epoch ms of numbers, digit strings, dates, Dates and luxon values in the shapes above; NaN otherwise. */
export function fastInstant(value: unknown, zone: string): number {
	if (typeof value === 'string') {
		const n = value.length;
		if (n > 8 && n <= 16) {
			// Epoch seconds or milliseconds as a digit string.
			let all = true;
			for (let i = 0; i < n; i++) {
				const c = value.charCodeAt(i);
				if (c < 48 || c > 57) {
					all = false;
					break;
				}
			}
			if (all) return fastInstant(Number(value), zone);
		}
		return fastInstantOfText(value, zone);
	}
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return NaN;
		if (value >= 1e7 && value < 1e8) return Number.isInteger(value) ? fastInstantOfText(String(value), zone) : NaN;
		if (value < 1e8) return NaN;
		const ms = value < 1e11 ? value * 1000 : value;
		return ms <= 8.64e15 ? ms : NaN;
	}
	if (value instanceof Date) return value.getTime();
	if (DateTime.isDateTime(value)) return value.isValid ? value.toMillis() : NaN;
	return NaN;
}
