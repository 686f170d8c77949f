import {
	DEFAULT_TIMING_SETTINGS,
	InputErrorLike,
	checkTimingSettings,
	createSendPlanner,
	type TimingInput,
	type TimingSettings,
} from './helpers';
import { InputError } from '../../../core/errors';

// Friday 2026-11-20, 13:00 in Berlin (CET, +01:00).
const NOW = Date.UTC(2026, 10, 20, 12, 0);
const plan = (input: TimingInput, settings: Partial<TimingSettings> = {}, now = NOW) =>
	createSendPlanner(checkTimingSettings({ ...DEFAULT_TIMING_SETTINGS, defaultZone: 'Europe/Berlin', ...settings }), now)(input);

const customer = (extra: TimingInput = {}): TimingInput => ({
	lastPurchase: '2026-11-03T14:22:00.000+01:00',
	orderCount: 5,
	gapCount: 4,
	medianGapDays: 28,
	...extra,
});

describe('cycle choice', () => {
	test('own rhythm once there are enough gaps: last order + median gap - lead, at the send time', () => {
		expect(plan(customer())).toEqual({
			nextSendAt: '2026-11-28T10:00:00.000+01:00',
			nextSendAtUtc: '2026-11-28T09:00:00.000Z',
			dueNow: false,
			sendKind: 'cycle',
			sendReason: 'own cycle 28 d from last order 2026-11-03, 3 d lead',
			cycleDays: 28,
			cycleSource: 'own',
			timeZone: 'Europe/Berlin',
		});
	});

	test('a median of 27.5 days is rounded to 28; numeric strings are read as numbers', () => {
		expect(plan(customer({ medianGapDays: '27.5', gapCount: '2' })).nextSendAt).toBe('2026-11-28T10:00:00.000+01:00');
	});

	test('too few gaps, or the fixed source: the fixed cycle', () => {
		const few = plan(customer({ gapCount: 1 }));
		expect([few.nextSendAt, few.cycleSource, few.cycleDays, few.sendReason]).toEqual([
			'2026-11-30T10:00:00.000+01:00',
			'fixed',
			30,
			'fixed cycle 30 d from last order 2026-11-03, 3 d lead',
		]);
		expect(plan(customer(), { cycleSource: 'fixed' }).nextSendAt).toBe('2026-11-30T10:00:00.000+01:00');
		expect(plan(customer({ gapCount: 2 }), { minGaps: 3 }).cycleSource).toBe('fixed');
	});

	test('per-list cycles: the first List Cycles row naming one of their lists (by name or key, any case)', () => {
		const listCycles = [
			{ list: 'VIP', days: 14 },
			{ list: 'repeat buyers', days: 21 },
		];
		const repeat = [{ list: 'Repeat Buyers', key: 'repeatBuyers', reason: '3 purchase days' }];
		const p = plan(customer({ gapCount: 1, lists: repeat }), { listCycles });
		expect([p.nextSendAt, p.cycleSource, p.cycleDays, p.sendReason]).toEqual([
			'2026-11-21T10:00:00.000+01:00',
			'list',
			21,
			'"repeat buyers" cycle 21 d from last order 2026-11-03, 3 d lead',
		]);
		const both = [...repeat, { list: 'Big Spenders', key: 'vip', reason: 'spent 900' }];
		// VIP is the first row: 14 d - 3 d lead = 2026-11-14, already past, so now
		const vip = plan(customer({ gapCount: 1, lists: both }), { listCycles });
		expect([vip.cycleDays, vip.nextSendAt, vip.sendReason]).toEqual([
			14,
			'2026-11-20T13:00:00.000+01:00',
			'"VIP" cycle 14 d from last order 2026-11-03, 3 d lead; was due 2026-11-14 10:00, sending now',
		]);
		// own rhythm still wins when there are enough gaps, unless the source is fixed
		expect(plan(customer({ lists: repeat }), { listCycles }).cycleSource).toBe('own');
		expect(plan(customer({ lists: repeat }), { listCycles, cycleSource: 'fixed' }).cycleDays).toBe(21);
		// plain names (tags) work too
		expect(plan(customer({ gapCount: 0, lists: 'newsletter, Repeat Buyers' }), { listCycles }).cycleDays).toBe(21);
	});

	test('predicted next order date, lead time before it; without one, their own rhythm', () => {
		const p = plan(customer({ predictedNextOrder: '2026-12-10T08:00:00.000+01:00' }), { cycleSource: 'predicted' });
		expect([p.nextSendAt, p.cycleSource, p.cycleDays, p.sendReason]).toEqual([
			'2026-12-07T10:00:00.000+01:00',
			'predicted',
			37,
			'predicted next order 2026-12-10, 3 d lead',
		]);
		expect(plan(customer(), { cycleSource: 'predicted' }).cycleSource).toBe('own');
	});

	test('a lead time of 0 is left out of the reason', () => {
		expect(plan(customer(), { leadDays: 0 }).sendReason).toBe('own cycle 28 d from last order 2026-11-03');
	});
});

describe('never silent too long', () => {
	test('a cycle waiting longer than the max silence after the last order becomes a keep-in-touch send', () => {
		const p = plan(customer({ gapCount: 0 }), { fixedCycleDays: 90 });
		expect([p.nextSendAt, p.sendKind, p.cycleDays, p.sendReason]).toEqual([
			'2026-12-18T10:00:00.000+01:00',
			'keepInTouch',
			90,
			'keep in touch: 45 d since last order 2026-11-03 (fixed cycle 90 d from last order 2026-11-03, 3 d lead would wait until 2027-01-29 10:00)',
		]);
	});

	test('counted from the last contact when it is later than the last order', () => {
		const p = plan(customer({ gapCount: 0, lastContact: '2026-11-10T09:00:00+01:00' }), { fixedCycleDays: 90 });
		expect(p.nextSendAt).toBe('2026-12-25T10:00:00.000+01:00');
		expect(p.sendReason).toMatch(/^keep in touch: 45 d since last contact 2026-11-10 \(/);
		const older = plan(customer({ gapCount: 0, lastContact: '2026-10-01T09:00:00+02:00' }), { fixedCycleDays: 90 });
		expect(older.nextSendAt).toBe('2026-12-18T10:00:00.000+01:00');
	});

	test('0 means no limit', () => {
		expect(plan(customer({ gapCount: 0 }), { fixedCycleDays: 90, maxSilenceDays: 0 }).nextSendAt).toBe('2027-01-29T10:00:00.000+01:00');
	});
});

describe('past due, reminders, frequency cap', () => {
	test('a time already passed becomes now', () => {
		const p = plan(customer({ lastPurchase: '2026-10-01', gapCount: 0 }));
		expect([p.nextSendAt, p.nextSendAtUtc, p.dueNow, p.sendReason]).toEqual([
			'2026-11-20T13:00:00.000+01:00',
			'2026-11-20T12:00:00.000Z',
			true,
			'fixed cycle 30 d from last order 2026-10-01, 3 d lead; was due 2026-10-28 10:00, sending now',
		]);
	});

	test('past due at 23:00 moves out of the quiet hours to 08:00 the next morning (the 21:00 edge has passed)', () => {
		const p = plan(customer({ lastPurchase: '2026-10-01', gapCount: 0 }), {}, Date.UTC(2026, 10, 20, 22, 0));
		expect([p.nextSendAt, p.dueNow]).toEqual(['2026-11-21T08:00:00.000+01:00', false]);
		expect(p.sendReason).toBe(
			'fixed cycle 30 d from last order 2026-10-01, 3 d lead; was due 2026-10-28 10:00, sending now; quiet hours 21:00-08:00, moved to 2026-11-21 08:00',
		);
	});

	test('once contacted at or after the due time with no order since: a reminder one cycle after the contact', () => {
		const p = plan(customer({ lastPurchase: '2026-10-01', gapCount: 0, lastContact: '2026-10-28T10:00:05+01:00' }));
		expect([p.nextSendAt, p.sendKind, p.cycleDays, p.cycleSource, p.sendReason]).toEqual([
			'2026-11-27T10:00:00.000+01:00',
			'reminder',
			30,
			'fixed',
			'reminder: fixed cycle 30 d after last contact 2026-10-28 (mail was due 2026-10-28 10:00; no order since)',
		]);
	});

	test('no send within the cap after the last contact: moved to the first allowed moment', () => {
		const p = plan(customer({ lastPurchase: '2026-10-24', gapCount: 0, lastContact: '2026-11-22T20:00:00+01:00' }), { leadDays: 0 });
		expect(p.nextSendAt).toBe('2026-11-23T12:00:00.000+01:00');
		expect(p.sendReason).toBe(
			'fixed cycle 30 d from last order 2026-10-24; frequency cap 16 h after last contact 2026-11-22 20:00, moved to 2026-11-23 12:00',
		);
		expect(plan(customer({ lastPurchase: '2026-10-24', gapCount: 0, lastContact: '2026-11-22T20:00:00+01:00' }), { leadDays: 0, frequencyCapHours: 0 }).nextSendAt).toBe(
			'2026-11-23T10:00:00.000+01:00',
		);
	});

	test('cap then quiet hours: the nearer quiet edge is before the cap, so the morning edge is taken', () => {
		// prospect sent now, contacted 4 h ago: cap ends 01:00, inside 21:00-08:00; 21:00 is nearer but before the cap.
		const p = plan({ orderCount: 0, lastContact: '2026-11-20T09:00:00+01:00' }, { prospectRule: 'now' });
		expect([p.nextSendAt, p.sendKind, p.cycleSource, p.dueNow]).toEqual(['2026-11-21T08:00:00.000+01:00', 'welcome', null, false]);
		expect(p.sendReason).toBe(
			'prospect (no order yet): send now; frequency cap 16 h after last contact 2026-11-20 09:00, moved to 2026-11-21 01:00; quiet hours 21:00-08:00, moved to 2026-11-21 08:00',
		);
	});
});

describe('where and when', () => {
	test('the customer zone from the field, else the workflow zone', () => {
		const ny = plan(customer({ timeZone: 'America/New_York' }));
		// 14:22 Berlin on 3 Nov is 08:22 in New York: same day.
		expect([ny.nextSendAt, ny.timeZone]).toEqual(['2026-11-28T10:00:00.000-05:00', 'America/New_York']);
		expect(plan(customer({ timeZone: '' })).timeZone).toBe('Europe/Berlin');
		// 01:30 Berlin on 4 Nov is still 3 Nov in New York
		expect(plan(customer({ lastPurchase: '2026-11-04T01:30:00+01:00', timeZone: 'America/New_York' })).sendReason).toBe(
			'own cycle 28 d from last order 2026-11-03, 3 d lead',
		);
	});

	test('quiet hours: a time inside moves to the nearer edge; a tie goes to the end', () => {
		expect(plan(customer(), { sendTime: '22:00' }).nextSendAt).toBe('2026-11-28T21:00:00.000+01:00');
		expect(plan(customer(), { sendTime: '06:00' }).nextSendAt).toBe('2026-11-28T08:00:00.000+01:00');
		expect(plan(customer(), { sendTime: '02:00', quietHours: '22:00-06:00' }).nextSendAt).toBe('2026-11-28T06:00:00.000+01:00');
		expect(plan(customer(), { sendTime: '12:30', quietHours: '12:00-14:00' }).nextSendAt).toBe('2026-11-28T12:00:00.000+01:00');
		// the edges themselves are allowed
		expect(plan(customer(), { sendTime: '21:00' }).nextSendAt).toBe('2026-11-28T21:00:00.000+01:00');
		expect(plan(customer(), { sendTime: '03:00', quietHours: '' }).nextSendAt).toBe('2026-11-28T03:00:00.000+01:00');
	});

	test('sending days: a day not allowed moves to the next allowed day at the send time', () => {
		const p = plan(customer(), { weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] });
		expect(p.nextSendAt).toBe('2026-11-30T10:00:00.000+01:00');
		expect(p.sendReason).toBe('own cycle 28 d from last order 2026-11-03, 3 d lead; Saturday is not a sending day, moved to Monday 2026-11-30 10:00');
	});

	test('the backward quiet edge is not used when it falls on a day that is not a sending day', () => {
		// 01:00 Monday 30 Nov: 21:00 Sunday is nearer, but Sunday is not allowed, so 08:00 Monday.
		const p = plan(customer({ medianGapDays: 30 }), { sendTime: '01:00', weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] });
		expect(p.nextSendAt).toBe('2026-11-30T08:00:00.000+01:00');
	});

	test('most engaged hour from opens and clicks, read in the customer zone; ties go to the earlier hour', () => {
		const opens = ['2026-10-01T18:10:00Z', '2026-10-05T18:40:00Z', '2026-10-09T07:00:00Z'];
		// 18:10Z and 18:40Z are 20:10 and 20:40 in Berlin (summer time).
		const p = plan(customer({ engagementTimes: opens }), { sendTimeMode: 'engaged', minEngagements: 3 });
		expect([p.nextSendAt, p.sendReason]).toEqual([
			'2026-11-28T20:00:00.000+01:00',
			'own cycle 28 d from last order 2026-11-03, 3 d lead, at 20:00, their most engaged hour (2 of 3 opens/clicks)',
		]);
		const few = plan(customer({ engagementTimes: opens }), { sendTimeMode: 'engaged', minEngagements: 4 });
		expect([few.nextSendAt, few.sendReason]).toEqual([
			'2026-11-28T10:00:00.000+01:00',
			'own cycle 28 d from last order 2026-11-03, 3 d lead, at 10:00 (3 opens/clicks, 4 needed for a personal hour)',
		]);
		const tie = plan(customer({ engagementTimes: ['2026-10-01T18:10:00Z', '2026-10-09T07:00:00Z'] }), { sendTimeMode: 'engaged', minEngagements: 2 });
		expect(tie.nextSendAt).toBe('2026-11-28T09:00:00.000+01:00');
	});
});

describe('prospects', () => {
	test('welcome interval after sign-up, or after the last contact since', () => {
		const p = plan({ orderCount: 0, signupDate: '2026-11-19T18:00:00Z' });
		expect([p.nextSendAt, p.sendKind, p.cycleDays, p.cycleSource, p.sendReason]).toEqual([
			'2026-11-22T10:00:00.000+01:00',
			'welcome',
			3,
			'welcome',
			'welcome series: 3 d after sign-up 2026-11-19',
		]);
		const q = plan({ orderCount: 0, signupDate: '2026-11-19T18:00:00Z', lastContact: '2026-11-21T10:00:00+01:00' });
		expect([q.nextSendAt, q.sendReason]).toEqual(['2026-11-24T10:00:00.000+01:00', 'welcome series: 3 d after last contact 2026-11-21']);
	});

	test('no sign-up date and no contact: now; the "now" rule: now', () => {
		const p = plan({ orderCount: 0 });
		expect([p.nextSendAt, p.dueNow, p.sendReason]).toEqual(['2026-11-20T13:00:00.000+01:00', true, 'prospect without sign-up date or contact: send now']);
		const q = plan({ lastPurchase: null, orderCount: null }, { prospectRule: 'now' });
		expect([q.nextSendAt, q.dueNow, q.cycleDays, q.sendReason]).toEqual(['2026-11-20T13:00:00.000+01:00', true, null, 'prospect (no order yet): send now']);
	});

	test('order count 0 is a prospect even with a last purchase (only refunded orders)', () => {
		expect(plan(customer({ orderCount: 0 })).sendKind).toBe('welcome');
	});
});

describe('DST', () => {
	test('30-day cycle from 2021-10-15 in Europe/Andorra lands on 2021-11-14 at the same local hour', () => {
		const p = plan({ lastPurchase: '2021-10-15', orderCount: 1, timeZone: 'Europe/Andorra' }, { leadDays: 0 }, Date.UTC(2021, 9, 16));
		expect([p.nextSendAt, p.nextSendAtUtc]).toEqual(['2021-11-14T10:00:00.000+01:00', '2021-11-14T09:00:00.000Z']);
	});

	test('due at 02:30 on the spring-forward night in Europe/Berlin: shifted forward by the gap to 03:30 CEST', () => {
		const p = plan({ lastPurchase: '2021-02-26', orderCount: 1 }, { leadDays: 0, sendTime: '02:30', quietHours: '' }, Date.UTC(2021, 2, 1));
		expect([p.nextSendAt, p.nextSendAtUtc]).toEqual(['2021-03-28T03:30:00.000+02:00', '2021-03-28T01:30:00.000Z']);
	});

	test('due at 01:30 on the fall-back night in America/New_York: the earlier 01:30 (EDT)', () => {
		const p = plan({ lastPurchase: '2021-10-08', orderCount: 1, timeZone: 'America/New_York' }, { leadDays: 0, sendTime: '01:30', quietHours: '' }, Date.UTC(2021, 9, 9));
		expect([p.nextSendAt, p.nextSendAtUtc]).toEqual(['2021-11-07T01:30:00.000-04:00', '2021-11-07T05:30:00.000Z']);
	});
});

describe('bad input is an error naming the field and the value', () => {
	const error = (fn: () => unknown): InputErrorLike => {
		try {
			fn();
		} catch (e) {
			if (e instanceof InputError) return { message: e.message, field: e.field, value: e.value };
			throw e;
		}
		throw new Error('no error');
	};

	test('unknown zone, unparsable timestamps, negative numbers', () => {
		expect(error(() => plan(customer({ timeZone: 'Mars/Base' })))).toEqual({
			message: 'Time zone "Mars/Base" (field timeZone) is not an IANA time zone such as "Europe/Berlin"',
			field: 'timeZone',
			value: 'Mars/Base',
		});
		const bad = error(() => plan(customer({ lastPurchase: 'last tuesday' })));
		expect([bad.field, bad.value]).toEqual(['lastPurchaseAt', 'last tuesday']);
		expect(bad.message).toMatch(/^Last purchase "last tuesday" \(field lastPurchaseAt\) is not a date/);
		expect(error(() => plan(customer({ medianGapDays: -5 })))).toEqual({
			message: 'Typical gap -5 (field medianGapDays) cannot be negative',
			field: 'medianGapDays',
			value: -5,
		});
		expect(error(() => plan(customer({ orderCount: 'many' }))).field).toBe('orderCount');
		expect(error(() => plan(customer({ lastContact: '31/12/2026' }))).message).toMatch(/ambiguous/);
		expect(error(() => plan(customer({ engagementTimes: ['2026-10-01T18:10:00Z', 'never'] }), { sendTimeMode: 'engaged' })).value).toBe('never');
		expect(error(() => plan({ orderCount: 3, lastPurchase: '' })).message).toBe(
			'Last purchase "" (field lastPurchaseAt) is empty but the customer has 3 orders',
		);
	});

	test('bad settings name the parameter', () => {
		expect(error(() => plan(customer(), { fixedCycleDays: -30 }))).toEqual({
			message: 'Fixed Cycle (Days) -30: A cycle cannot be negative',
			field: 'Fixed Cycle (Days)',
			value: -30,
		});
		expect(error(() => plan(customer(), { listCycles: [{ list: 'VIP', days: -7 }] })).message).toBe('List Cycles -7: A list cycle cannot be negative');
		expect(error(() => plan(customer(), { quietHours: '21-08' })).field).toBe('Quiet Hours');
		expect(error(() => plan(customer(), { sendTime: '25:00' })).message).toBe('Send Time "25:00": use a 24-hour time such as 10:00');
		expect(error(() => plan(customer(), { defaultZone: 'Berlin' })).field).toBe('Workflow Time Zone');
		expect(error(() => plan(customer(), { weekdays: [] })).message).toBe('Sending Days []: pick at least one day');
	});
});
