import { DateTime } from 'luxon';
import { dayFromCivil, isoDay, parseIsoDay, ZoneClock } from '../../../core/time/calendarDays';

describe('ZoneClock agrees with luxon', () => {
	const zones = ['UTC', 'Etc/UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Apia'];
	// Every 97 minutes over two years (hits both DST switches of each zone), plus the switch instants themselves.
	const instants: number[] = [];
	const start = Date.UTC(2011, 0, 1);
	for (let t = start; t < start + 2 * 366 * 86_400_000; t += 97 * 60_000) instants.push(t);
	instants.push(Date.UTC(2024, 2, 31, 0, 59, 59, 999), Date.UTC(2024, 2, 31, 1, 0, 0), Date.UTC(2024, 9, 27, 0, 59, 59, 999), Date.UTC(2024, 9, 27, 1));

	test.each(zones)('%s: calendar day and ISO instant', (zone) => {
		const clock = new ZoneClock(zone);
		let mismatches = 0;
		for (const t of instants) {
			const dt = DateTime.fromMillis(t, { zone });
			if (isoDay(clock.dayOf(t)) !== dt.toISODate() || clock.isoInstant(t) !== dt.toISO()) mismatches++;
		}
		expect(mismatches).toBe(0);
		expect(clock.isoInstant(Date.UTC(2024, 2, 9, 23, 30, 0, 7))).toBe(DateTime.fromMillis(Date.UTC(2024, 2, 9, 23, 30, 0, 7), { zone }).toISO());
	});

	test.each(zones)('%s: local midnights, written once and then from the clock\'s cache', (zone) => {
		const clock = new ZoneClock(zone);
		let mismatches = 0;
		for (let day = DateTime.fromObject({ year: 2011, month: 1, day: 1 }, { zone }); day.year < 2013; day = day.plus({ days: 1 })) {
			const t = day.startOf('day').toMillis();
			const want = DateTime.fromMillis(t, { zone }).toISO();
			if (clock.isoInstant(t) !== want || clock.isoInstant(t) !== want) mismatches++;
		}
		expect(mismatches).toBe(0);
	});

	test('Pacific/Apia skipped 30 December 2011 entirely', () => {
		const clock = new ZoneClock('Pacific/Apia');
		const before = Date.UTC(2011, 11, 30, 9, 59); // 23:59 on the 29th local
		expect(isoDay(clock.dayOf(before))).toBe('2011-12-29');
		expect(isoDay(clock.dayOf(before + 2 * 60_000))).toBe('2011-12-31');
	});
});

test('day numbers and ISO dates convert both ways', () => {
	expect(dayFromCivil(1970, 1, 1)).toBe(0);
	expect(isoDay(0)).toBe('1970-01-01');
	expect(parseIsoDay('1997-09-30')! - parseIsoDay('1997-01-01')!).toBe(272);
	expect(isoDay(parseIsoDay('2024-02-29')!)).toBe('2024-02-29');
	expect(parseIsoDay('2023-02-29')).toBeNull();
	expect(parseIsoDay('1997-9-30')).toBeNull();
	for (let d = -700_000; d < 2_900_000; d += 997) expect(parseIsoDay(isoDay(d))).toBe(d);
});
