import { DateTime } from 'luxon';
import { clockOf, readMoment } from '../../../core/timing';
import { dayFromCivil, isoDay } from '../../../core/time/calendarDays';
import { DateReadError, readDate } from '../../../core/time/dates';

const clock = (zone: string) => clockOf(zone)!;

describe('reading dates into the customer zone', () => {
	test('an instant with an explicit offset is converted to the customer zone before its calendar date is taken', () => {
		// 23:30 in New York on 1 March is 05:30 on 2 March in Berlin.
		const m = readMoment('2021-03-01T23:30:00-05:00', clock('Europe/Berlin'));
		expect(isoDay(m.day)).toBe('2021-03-02');
		expect(m.minute).toBe(5 * 60 + 30);
		expect(m.ts).toBe(Date.UTC(2021, 2, 2, 4, 30));
		// Shopify's form (space and -0500) goes through readDate and gives the same.
		const s = readMoment('2021-03-01 23:30:00 -0500', clock('Europe/Berlin'));
		expect(s).toEqual(m);
		// and the Z form in Tokyo
		expect(isoDay(readMoment('2021-03-01T20:00:00Z', clock('Asia/Tokyo')).day)).toBe('2021-03-02');
	});

	test('a date-only value is that calendar day in the customer zone', () => {
		const m = readMoment('2021-03-01', clock('America/New_York'));
		expect(isoDay(m.day)).toBe('2021-03-01');
		expect(m.minute).toBe(0);
		expect(m.ts).toBe(Date.UTC(2021, 2, 1, 5, 0));
		const t = readMoment('2021-03-01', clock('Pacific/Auckland'));
		expect(isoDay(t.day)).toBe('2021-03-01');
		expect(t.ts).toBe(Date.UTC(2021, 1, 28, 11, 0));
		// 8-digit CDNOW style through readDate
		expect(isoDay(readMoment('20210301', clock('Pacific/Auckland')).day)).toBe('2021-03-01');
	});

	test('a time without offset is wall-clock time in the customer zone', () => {
		const m = readMoment('2021-07-01T09:15:00', clock('Europe/Berlin'));
		expect(m.ts).toBe(Date.UTC(2021, 6, 1, 7, 15));
		expect(m.minute).toBe(9 * 60 + 15);
	});

	test('epoch seconds and milliseconds, and an explicit day-first format', () => {
		const ny = clock('America/New_York');
		expect(readMoment(1337000000, ny)).toEqual({ ts: 1337000000000, day: dayFromCivil(2012, 5, 14), minute: 8 * 60 + 53 });
		expect(readMoment(1337000000000, ny).ts).toBe(1337000000000);
		expect(isoDay(readMoment('29-06-2020', ny, 'dd-MM-yyyy').day)).toBe('2020-06-29');
	});

	test('bad and ambiguous values are errors, never guesses', () => {
		const c = clock('UTC');
		expect(() => readMoment('2021-02-30', c)).toThrow(DateReadError);
		expect(() => readMoment('04/05/2021', c)).toThrow(/ambiguous/);
		expect(() => readMoment('soon', c)).toThrow(DateReadError);
		expect(() => readMoment('2021-03-01T25:00:00Z', c)).toThrow(DateReadError);
		for (const bad of ['2026-11-03T14:22:00.000+01:00x', '2026-11-03T14:2', '2026-11-03T14:22:00.Z', '2026-13-03', '2026-11-03T14:22:00+1']) {
			expect([bad, () => readMoment(bad, c)]).toEqual([bad, expect.any(Function)]);
			expect(() => readMoment(bad, c)).toThrow(DateReadError);
		}
	});

	test('the fast ISO path agrees with readDate', () => {
		const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'UTC'];
		const values = [
			'2026-11-03T14:22:00.000+01:00',
			'2026-11-03T14:22:00+0530',
			'2026-11-03T14:22:07.5Z',
			'2026-11-03T00:00:00-10:00',
			'2026-11-03 14:22:00',
			'2026-11-03T14:22',
			'2026-11-03',
			'2024-02-29',
			'2021-03-28T02:30:00',
			'2026-11-03T14:22:07.123456Z',
			'2026-11-03T14:22:07.1+05:45',
			'2026-11-03T14:22-0330',
			'2026-11-03T23:59:59.999-12:00',
			' 2026-11-03T14:22:00Z ',
			'2026-11-03 14:22:00 -0500',
			'2026-11-03 14:22:00 UTC',
			'20261103',
			'2026/11/03',
		];
		for (const zone of zones) {
			for (const v of values) {
				const dt = readDate(v, { zone });
				const m = readMoment(v, clock(zone));
				const expectDay = dayFromCivil(dt.year, dt.month, dt.day);
				expect([zone, v, m.day, m.minute]).toEqual([zone, v, expectDay, dt.hour * 60 + dt.minute]);
				expect([zone, v, m.ts]).toEqual([zone, v, dt.toMillis()]);
			}
		}
		expect(DateTime.fromISO('2026-11-03T14:22:07.5Z').toMillis()).toBe(readMoment('2026-11-03T14:22:07.5Z', clock('UTC')).ts);
	});
});
