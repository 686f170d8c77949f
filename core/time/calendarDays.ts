/**
 * Calendar days from epoch milliseconds, fast. Asking luxon for a zone's offset costs a few microseconds (it goes
 * through Intl), which adds up over hundreds of thousands of orders; a ZoneClock asks once per UTC day and caches the
 * offset for the whole day when it is the same at both ends of that day (every day but the two DST switch days a
 * year). On a switch day it caches per hour the same way, and asks luxon per instant only within the hour of the
 * switch itself. Day numbers count whole days since 1970-01-01 in the zone (day 0 = 1970-01-01).
 */
import { Info, type Zone } from 'luxon';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const VARIES = 1e9; // marker: offset changes inside the cached span

export class ZoneClock {
	readonly zone: Zone;
	/** True when luxon writes this zone's offset as "Z" (UTC, GMT). */
	private readonly utcLike: boolean;
	private readonly fixed: number | null;
	private readonly days = new Map<number, number>();
	private readonly hours = new Map<number, number>();
	/** ISO text of instants that fall on a local midnight, by epoch ms. */
	private readonly midnights = new Map<number, string>();

	constructor(readonly zoneName: string) {
		const zone = Info.normalizeZone(zoneName);
		if (!zone.isValid) throw new Error(`"${zoneName}" is not a time zone`);
		this.zone = zone;
		this.fixed = zone.isUniversal ? zone.offset(0) : null;
		this.utcLike = zone.isUniversal && this.fixed === 0;
	}

	/** Offset from UTC in minutes at an instant. */
	offsetAt(ms: number): number {
		if (this.fixed !== null) return this.fixed;
		const d = Math.floor(ms / DAY_MS);
		let off = this.days.get(d);
		if (off === undefined) {
			const start = d * DAY_MS;
			const a = this.zone.offset(start);
			off = a === this.zone.offset(start + DAY_MS - 1) ? a : VARIES;
			this.days.set(d, off);
		}
		if (off !== VARIES) return off;
		const h = Math.floor(ms / HOUR_MS);
		let hoff = this.hours.get(h);
		if (hoff === undefined) {
			const start = h * HOUR_MS;
			const a = this.zone.offset(start);
			hoff = a === this.zone.offset(start + HOUR_MS - 1) ? a : VARIES;
			this.hours.set(h, hoff);
		}
		return hoff !== VARIES ? hoff : this.zone.offset(ms);
	}

	/** The calendar day (days since 1970-01-01) an instant falls on in this zone. */
	dayOf(ms: number): number {
		return Math.floor((ms + this.offsetAt(ms) * 60_000) / DAY_MS);
	}

	/** The instant as ISO 8601 with this zone's offset, exactly as luxon's toISO() writes it. */
	isoInstant(ms: number): string {
		const off = this.offsetAt(ms);
		const local = ms + off * 60_000;
		const day = Math.floor(local / DAY_MS);
		let rest = local - day * DAY_MS;
		if (rest === 0) {
			// Local midnight: date-only sources (a CDNOW log, a CSV of days) repeat the same few instants, so each is
			// written once per clock and shared.
			let s = this.midnights.get(ms);
			if (s === undefined) {
				if (this.midnights.size >= 100_000) this.midnights.clear();
				s = isoDay(day) + 'T00:00:00.000' + this.offsetText(off);
				this.midnights.set(ms, s);
			}
			return s;
		}
		const hh = Math.floor(rest / HOUR_MS);
		rest -= hh * HOUR_MS;
		const mm = Math.floor(rest / 60_000);
		rest -= mm * 60_000;
		const ss = Math.floor(rest / 1000);
		const mss = rest - ss * 1000;
		return `${isoDay(day)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}.${String(mss).padStart(3, '0')}${this.offsetText(off)}`;
	}

	/** The offset as luxon's toISO() writes it: "Z" for UTC-like zones at offset 0, else "+hh:mm" / "-hh:mm". */
	private offsetText(off: number): string {
		if (off === 0 && this.utcLike) return 'Z';
		const a = Math.abs(off);
		return (off < 0 ? '-' : '+') + pad2(Math.floor(a / 60)) + ':' + pad2(a % 60);
	}
}

const clocks = new Map<string, ZoneClock>();
/** One shared clock per zone name (the caches survive between runs). */
export function zoneClock(zoneName: string): ZoneClock {
	let c = clocks.get(zoneName);
	if (!c) {
		c = new ZoneClock(zoneName);
		clocks.set(zoneName, c);
	}
	return c;
}

function pad2(n: number): string {
	return n < 10 ? '0' + n : String(n);
}

const dayNames = new Map<number, string>();
/** yyyy-MM-dd of a day number (proleptic Gregorian; years 0..9999). Cached: profiles repeat the same days. */
export function isoDay(day: number): string {
	let s = dayNames.get(day);
	if (s === undefined) {
		if (dayNames.size >= 100_000) dayNames.clear();
		s = civilName(day);
		dayNames.set(day, s);
	}
	return s;
}

function civilName(day: number): string {
	// Howard Hinnant's civil_from_days.
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
	return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Day number of a calendar date. */
export function dayFromCivil(y: number, m: number, d: number): number {
	// Howard Hinnant's days_from_civil.
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/** Day number of a "yyyy-MM-dd" string, or null when it is not a real calendar date. */
export function parseIsoDay(s: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return null;
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
	const day = dayFromCivil(y, mo, d);
	return isoDay(day) === s ? day : null;
}
