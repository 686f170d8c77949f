import { DateTime } from 'luxon';
import { daysFromCivil, fastInstant } from '../../../core/sources/instants';
import { readDate } from '../../../core/time/dates';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Apia'];

/** Values around every DST change of 2024 in these zones, plus ordinary ones, in every handled shape. */
function samples(): string[] {
	const out: string[] = [];
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	for (const day of ['2024-01-15', '2024-03-10', '2024-03-31', '2024-04-06', '2024-04-07', '2024-09-07', '2024-09-08', '2024-10-06', '2024-10-27', '2024-11-03', '2024-02-29', '1997-01-01', '2038-01-19']) {
		out.push(day, day.replace(/-/g, ''));
		for (const [h, m] of [[0, 0], [0, 30], [1, 59], [2, 0], [2, 30], [3, 0], [12, 5], [23, 59]]) {
			const t = `${pad(h)}:${pad(m)}`;
			out.push(`${day}T${t}`, `${day}T${t}:07`, `${day}T${t}:07.250`, `${day} ${t}:07`, `${day}T${t}:07Z`, `${day}T${t}:07+05:30`, `${day}T${t}:07-0400`, `${day} ${t}:07 -0400`, `${day} ${t}:07+01:00`, `${day} ${t} Z`);
		}
	}
	return out;
}

describe('fast date paths give exactly what readDate gives', () => {
	it.each(ZONES)('in %s', (zone) => {
		let fast = 0;
		let total = 0;
		for (const s of samples()) {
			total++;
			const ms = fastInstant(s, zone);
			if (Number.isNaN(ms)) continue; // handed to readDate
			fast++;
			expect([s, ms]).toEqual([s, readDate(s, { zone }).toMillis()]);
		}
		// Only wall-clock times on a day with a DST change go to luxon.
		expect(fast / total).toBeGreaterThan(0.9);
	});

	it('numbers, digit strings, Dates and luxon values', () => {
		for (const v of [19970101, 1700000000, 1700000000123, 1700000000.5, '1700000000', '1700000000123', new Date(Date.UTC(2020, 1, 29, 13)), DateTime.fromISO('2020-06-29T12:00', { zone: 'Asia/Tokyo' })]) {
			expect(fastInstant(v, 'America/New_York')).toBe(readDate(v, { zone: 'America/New_York' }).toMillis());
		}
	});

	it('leaves everything it does not know to readDate (NaN)', () => {
		for (const v of ['2024-02-30', '2024-13-01', '19970231', '2024-03-05T24:00', '2024-03-05T10:12:00.1234Z', '2024-03-05T10:12:00 -0400', '04/05/2020', 'garbage', '', 2020, -5, NaN, Infinity, new Date('x'), null, {}]) {
			expect([v, fastInstant(v, 'UTC')]).toEqual([v, NaN]);
		}
	});

	it('counts days like the calendar', () => {
		expect(daysFromCivil(1970, 1, 1)).toBe(0);
		expect(daysFromCivil(1997, 1, 12) * 86_400_000).toBe(Date.UTC(1997, 0, 12));
		expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2);
		expect(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28)).toBe(1);
	});
});
