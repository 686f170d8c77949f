import { DateTime } from 'luxon';
import { addDays, clockOf, instantOf, isoLocal, isoUtc, wallToInstant } from '../../../core/timing';
import { dayFromCivil } from '../../../core/time/calendarDays';

const clock = (zone: string) => {
	const c = clockOf(zone);
	if (!c) throw new Error(zone);
	return c;
};
const at = (zone: string, y: number, mo: number, d: number, h: number, mi: number) =>
	instantOf(clock(zone), dayFromCivil(y, mo, d), h * 60 + mi);

describe('calendar arithmetic keeps the wall-clock time across DST', () => {
	test('30 days from 2021-10-15 10:00 in Europe/Andorra is 2021-11-14 10:00 (summer time ended in between)', () => {
		const andorra = clock('Europe/Andorra');
		const from = DateTime.fromISO('2021-10-15T10:00:00+02:00').toMillis();
		const to = addDays(andorra, from, 30);
		expect(andorra.isoInstant(to)).toBe('2021-11-14T10:00:00.000+01:00');
		expect(isoUtc(to)).toBe('2021-11-14T09:00:00.000Z');
	});

	test('Unix 1337000000 in America/New_York minus 65 days is 1331387600 (08:53:20 both times)', () => {
		const ny = clock('America/New_York');
		const to = addDays(ny, 1337000000 * 1000, -65);
		expect(to).toBe(1331387600 * 1000);
		expect(ny.isoInstant(to)).toBe('2012-03-10T08:53:20.000-05:00');
	});
});

describe('the DST rule', () => {
	test('a time that does not exist (spring forward) is shifted forward by the gap', () => {
		// Europe/Berlin, 2021-03-28: 02:00 CET jumps to 03:00 CEST.
		const t = at('Europe/Berlin', 2021, 3, 28, 2, 30);
		expect(isoUtc(t)).toBe('2021-03-28T01:30:00.000Z');
		expect(clock('Europe/Berlin').isoInstant(t)).toBe('2021-03-28T03:30:00.000+02:00');
		expect(isoUtc(at('Europe/Berlin', 2021, 3, 28, 2, 0))).toBe('2021-03-28T01:00:00.000Z');
		expect(isoUtc(at('Europe/Berlin', 2021, 3, 28, 1, 59))).toBe('2021-03-28T00:59:00.000Z');
		expect(isoUtc(at('Europe/Berlin', 2021, 3, 28, 3, 0))).toBe('2021-03-28T01:00:00.000Z');
	});

	test('a time that exists twice (fall back) is the earlier instant', () => {
		// America/New_York, 2021-11-07: 02:00 EDT falls back to 01:00 EST; 01:00-01:59 happen twice.
		const t = at('America/New_York', 2021, 11, 7, 1, 30);
		expect(isoUtc(t)).toBe('2021-11-07T05:30:00.000Z');
		expect(clock('America/New_York').isoInstant(t)).toBe('2021-11-07T01:30:00.000-04:00');
		expect(isoUtc(at('America/New_York', 2021, 11, 7, 1, 0))).toBe('2021-11-07T05:00:00.000Z');
		expect(isoUtc(at('America/New_York', 2021, 11, 7, 0, 59))).toBe('2021-11-07T04:59:00.000Z');
		expect(isoUtc(at('America/New_York', 2021, 11, 7, 2, 0))).toBe('2021-11-07T07:00:00.000Z');
	});

	test('half-hour zones and the southern hemisphere follow the same rule', () => {
		// Australia/Lord_Howe springs forward by 30 minutes at 02:00 on 2021-10-03 (+10:30 -> +11:00).
		expect(clock('Australia/Lord_Howe').isoInstant(at('Australia/Lord_Howe', 2021, 10, 3, 2, 15))).toBe('2021-10-03T02:45:00.000+11:00');
		// and falls back at 02:00 on 2021-04-04 (+11:00 -> +10:30): 01:45 exists twice, the earlier is +11:00.
		expect(clock('Australia/Lord_Howe').isoInstant(at('Australia/Lord_Howe', 2021, 4, 4, 1, 45))).toBe('2021-04-04T01:45:00.000+11:00');
		// America/St_Johns (-03:30 / -02:30), 2021-11-07 01:30 exists twice: earlier = NDT.
		expect(isoUtc(at('America/St_Johns', 2021, 11, 7, 1, 30))).toBe('2021-11-07T04:00:00.000Z');
	});

	test('outside the DST edges it agrees with luxon, and the ISO texts are what luxon writes', () => {
		const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'UTC', 'Etc/UTC', 'Europe/London', 'America/Sao_Paulo', 'Pacific/Chatham'];
		let seed = 7;
		const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let i = 0; i < 3000; i++) {
			const zone = zones[i % zones.length];
			const c = clock(zone);
			const y = 1995 + Math.floor(rnd() * 40);
			const mo = 1 + Math.floor(rnd() * 12);
			const d = 1 + Math.floor(rnd() * 28);
			const h = Math.floor(rnd() * 24);
			const mi = Math.floor(rnd() * 60);
			const lux = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi }, { zone });
			const ours = instantOf(c, dayFromCivil(y, mo, d), h * 60 + mi);
			// Skip the hour around a change, where the rule is ours (luxon picks the later instant for doubled times).
			const near = lux.offset !== lux.minus({ hours: 3 }).offset || lux.offset !== lux.plus({ hours: 3 }).offset;
			if (!near) expect([zone, ours]).toEqual([zone, lux.toMillis()]);
			expect(c.isoInstant(ours)).toBe(DateTime.fromMillis(ours, { zone }).toISO());
			expect(isoLocal(c, ours)).toBe(DateTime.fromMillis(ours, { zone }).toISO());
			expect(isoUtc(ours)).toBe(DateTime.fromMillis(ours, { zone: 'UTC' }).toISO());
			const withSeconds = ours + Math.floor(rnd() * 60_000);
			expect(isoLocal(c, withSeconds)).toBe(DateTime.fromMillis(withSeconds, { zone }).toISO());
			expect(isoUtc(withSeconds)).toBe(DateTime.fromMillis(withSeconds, { zone: 'UTC' }).toISO());
		}
	});

	test('wallToInstant takes the wall time written as UTC milliseconds', () => {
		const wall = Date.UTC(2021, 2, 28, 2, 30);
		expect(wallToInstant(clock('Europe/Berlin'), wall)).toBe(Date.UTC(2021, 2, 28, 1, 30));
	});
});
