import { DateTime } from 'luxon';
import { DateReadError, readDate } from '../../../core/time/dates';

const iso = (value: unknown, zone: string, format?: string) => readDate(value, { zone, format }).toUTC().toISO();

describe('readDate', () => {
	it('reads ISO with an offset as the instant it names, whatever the zone', () => {
		expect(iso('2025-05-11T09:55:16-04:00', 'Asia/Tokyo')).toBe('2025-05-11T13:55:16.000Z');
		expect(iso('2017-03-22T19:28:02Z', 'Europe/Berlin')).toBe('2017-03-22T19:28:02.000Z');
		expect(readDate('2025-05-11T09:55:16-04:00', { zone: 'Asia/Tokyo' }).zoneName).toBe('Asia/Tokyo');
	});

	it("reads Shopify's export format", () => {
		expect(iso('2025-05-11 09:55:16 -0400', 'UTC')).toBe('2025-05-11T13:55:16.000Z');
	});

	it('reads naive date-times as wall-clock time in the stated zone', () => {
		expect(iso('2017-03-22T16:28:02', 'America/Sao_Paulo')).toBe('2017-03-22T19:28:02.000Z');
		expect(iso('2017-03-22 16:28:02', 'Europe/Berlin')).toBe('2017-03-22T15:28:02.000Z');
		expect(iso('2017-03-22T19:28:02', 'UTC')).toBe('2017-03-22T19:28:02.000Z');
	});

	it('reads a date alone as midnight in the zone (ISO, yyyyMMdd text or number, year-first slashes)', () => {
		expect(iso('2020-06-29', 'Europe/Berlin')).toBe('2020-06-28T22:00:00.000Z');
		expect(iso('19970101', 'America/New_York')).toBe('1997-01-01T05:00:00.000Z');
		expect(iso(19970101, 'America/New_York')).toBe('1997-01-01T05:00:00.000Z');
		expect(iso('2020/06/29', 'UTC')).toBe('2020-06-29T00:00:00.000Z');
	});

	it('reads epoch seconds and milliseconds, numbers or digit strings', () => {
		expect(iso(1700000000, 'UTC')).toBe('2023-11-14T22:13:20.000Z');
		expect(iso(1700000000123, 'UTC')).toBe('2023-11-14T22:13:20.123Z');
		expect(iso('1700000000', 'UTC')).toBe('2023-11-14T22:13:20.000Z');
		expect(iso(853027200, 'UTC')).toBe('1997-01-12T00:00:00.000Z');
	});

	it('reads JS Dates and luxon DateTimes, expressed in the zone', () => {
		expect(iso(new Date(Date.UTC(2020, 5, 29, 12)), 'Asia/Tokyo')).toBe('2020-06-29T12:00:00.000Z');
		const dt = readDate(DateTime.fromISO('2020-06-29T12:00:00', { zone: 'America/Chicago' }), { zone: 'Europe/Paris' });
		expect(dt.toISO()).toBe('2020-06-29T19:00:00.000+02:00');
	});

	it('reads day-first dates with an explicit format: 29-06-2020 with dd-MM-yyyy is 29 June', () => {
		const dt = readDate('29-06-2020', { zone: 'Europe/Amsterdam', format: 'dd-MM-yyyy' });
		expect([dt.year, dt.month, dt.day, dt.hour]).toEqual([2020, 6, 29, 0]);
		expect(() => readDate('2020-06-29', { zone: 'UTC', format: 'dd-MM-yyyy' })).toThrow(
			'"2020-06-29" does not match the date format "dd-MM-yyyy"',
		);
	});

	it('refuses ambiguous day/month dates without a format', () => {
		expect(() => readDate('04/05/2020', { zone: 'UTC' })).toThrow(DateReadError);
		expect(() => readDate('04/05/2020', { zone: 'UTC' })).toThrow('"04/05/2020" is ambiguous');
		expect(() => readDate('29-06-2020', { zone: 'UTC' })).toThrow('is ambiguous');
	});

	it('refuses garbage, impossible dates, empty values and numbers too small to be timestamps', () => {
		expect(() => readDate('garbage', { zone: 'UTC' })).toThrow('"garbage" is not a date');
		expect(() => readDate('2020-02-30', { zone: 'UTC' })).toThrow(DateReadError);
		expect(() => readDate('19970231', { zone: 'UTC' })).toThrow(DateReadError);
		expect(() => readDate('', { zone: 'UTC' })).toThrow('the date is empty');
		expect(() => readDate('   ', { zone: 'UTC' })).toThrow('the date is empty');
		expect(() => readDate(null, { zone: 'UTC' })).toThrow('the date is empty');
		expect(() => readDate({}, { zone: 'UTC' })).toThrow('{} is not a date');
		expect(() => readDate(new Date('nope'), { zone: 'UTC' })).toThrow(DateReadError);
		expect(() => readDate(NaN, { zone: 'UTC' })).toThrow('NaN is not a date');
		// A year alone or a small number is not silently read as a moment in 1970.
		expect(() => readDate('2020', { zone: 'UTC' })).toThrow('too small for a Unix timestamp');
		expect(() => readDate(12.5, { zone: 'UTC' })).toThrow('too small for a Unix timestamp');
		expect(() => readDate(-5, { zone: 'UTC' })).toThrow('too small for a Unix timestamp');
	});
});
