/**
 * Send Timing through n8n's own WorkflowExecute, parameters as the editor stores them (expressions included).
 * The planning moment is fixed with Options > Plan As Of: Friday 2026-11-20 13:00 in Europe/Berlin (12:00 UTC).
 */
import { join } from 'path';
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { readWorkflow, runWorkflow, type WorkflowJson } from '../../harness/engine';

const base = readWorkflow(join(__dirname, 'sendTiming.workflow.json'));

async function run(
	customers: IDataObject[],
	params: IDataObject = {},
	extra: { onError?: INode['onError']; timezone?: string } = {},
) {
	const wf = JSON.parse(JSON.stringify(base)) as WorkflowJson;
	const node = wf.nodes.find((n) => n.name === 'Send Timing') as INode;
	const options = { ...(node.parameters.options as IDataObject), ...((params.options as IDataObject) ?? {}) };
	node.parameters = { ...node.parameters, ...params, options } as INode['parameters'];
	if (extra.onError) node.onError = extra.onError;
	return runWorkflow(wf, { pinData: { Customers: customers.map((json) => ({ json })) }, timezone: extra.timezone });
}

const pick = (items: INodeExecutionData[], ...keys: string[]) =>
	items.map((i) => Object.fromEntries(keys.map((k) => [k, i.json[k]])));

const profile = (extra: IDataObject = {}): IDataObject => ({
	customerKey: 'ann@shop.com',
	lastPurchaseAt: '2026-11-03T14:22:00.000+01:00',
	lastPurchaseDate: '2026-11-03',
	orderCount: 5,
	gapCount: 4,
	medianGapDays: 28,
	timeZone: 'Europe/Berlin',
	...extra,
});

describe('Send Timing in a workflow', () => {
	test('defaults: own rhythm or fixed cycle, past due and prospects on Due Now, the rest on Scheduled', async () => {
		const result = await run([
			profile({ customerKey: 'ann' }),
			profile({ customerKey: 'bob', gapCount: 1, medianGapDays: 12 }),
			profile({ customerKey: 'cara', lastPurchaseAt: '2026-10-01T09:00:00.000+02:00', gapCount: 0, medianGapDays: null }),
			{ customerKey: 'dan', orderCount: 0, lastPurchaseAt: null, timeZone: 'Europe/Berlin' },
			profile({ customerKey: 'eve', lastPurchaseAt: '2026-11-04T01:30:00.000+01:00', timeZone: 'America/New_York' }),
		]);
		expect(result.error).toBeUndefined();
		const [due, scheduled] = result.outputs('Send Timing');
		expect(pick(scheduled, 'customerKey', 'nextSendAt', 'nextSendAtUtc', 'sendKind', 'cycleDays', 'cycleSource', 'timeZone', 'sendReason')).toEqual([
			{
				customerKey: 'ann',
				nextSendAt: '2026-11-28T10:00:00.000+01:00',
				nextSendAtUtc: '2026-11-28T09:00:00.000Z',
				sendKind: 'cycle',
				cycleDays: 28,
				cycleSource: 'own',
				timeZone: 'Europe/Berlin',
				sendReason: 'own cycle 28 d from last order 2026-11-03, 3 d lead',
			},
			{
				customerKey: 'bob',
				nextSendAt: '2026-11-30T10:00:00.000+01:00',
				nextSendAtUtc: '2026-11-30T09:00:00.000Z',
				sendKind: 'cycle',
				cycleDays: 30,
				cycleSource: 'fixed',
				timeZone: 'Europe/Berlin',
				sendReason: 'fixed cycle 30 d from last order 2026-11-03, 3 d lead',
			},
			{
				// 01:30 Berlin on 4 Nov is 19:30 on 3 Nov in New York
				customerKey: 'eve',
				nextSendAt: '2026-11-28T10:00:00.000-05:00',
				nextSendAtUtc: '2026-11-28T15:00:00.000Z',
				sendKind: 'cycle',
				cycleDays: 28,
				cycleSource: 'own',
				timeZone: 'America/New_York',
				sendReason: 'own cycle 28 d from last order 2026-11-03, 3 d lead',
			},
		]);
		expect(pick(due, 'customerKey', 'nextSendAt', 'dueNow', 'sendKind', 'cycleDays', 'cycleSource', 'sendReason')).toEqual([
			{
				customerKey: 'cara',
				nextSendAt: '2026-11-20T13:00:00.000+01:00',
				dueNow: true,
				sendKind: 'cycle',
				cycleDays: 30,
				cycleSource: 'fixed',
				sendReason: 'fixed cycle 30 d from last order 2026-10-01, 3 d lead; was due 2026-10-28 10:00, sending now',
			},
			{
				customerKey: 'dan',
				nextSendAt: '2026-11-20T13:00:00.000+01:00',
				dueNow: true,
				sendKind: 'welcome',
				cycleDays: 3,
				cycleSource: 'welcome',
				sendReason: 'prospect without sign-up date or contact: send now',
			},
		]);
		expect(due.map((i) => i.pairedItem)).toEqual([{ item: 2 }, { item: 3 }]);
		expect(scheduled.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 4 }]);
		// the profile fields pass through untouched
		expect(scheduled[0].json).toMatchObject({ lastPurchaseDate: '2026-11-03', orderCount: 5, medianGapDays: 28 });
	});

	test('per-list cycles from the labels Behavioral Segment wrote (by name or key), under a custom lists field', async () => {
		const labels = (...l: Array<[string, string]>) => l.map(([list, key]) => ({ list, key, reason: 'test' }));
		const result = await run(
			[
				profile({ customerKey: 'a', gapCount: 1, private: { lists: labels(['Repeat Buyers', 'repeatBuyers']) } }),
				profile({ customerKey: 'b', gapCount: 1, private: { lists: labels(['Stammkunden', 'repeatBuyers'], ['VIPs', 'vip']) } }),
				profile({ customerKey: 'c', gapCount: 1, private: { lists: labels(['Coupon Users', 'couponUsers']) } }),
				profile({ customerKey: 'd', private: { lists: labels(['Repeat Buyers', 'repeatBuyers']) } }),
			],
			{
				leadDays: 0,
				options: {
					listsField: 'private.lists',
					listCycles: { cycles: [{ list: 'repeatBuyers', days: 21 }, { list: 'vips', days: 10 }] },
				},
			},
		);
		expect(pick(result.output('Send Timing', 1), 'customerKey', 'nextSendAt', 'cycleDays', 'cycleSource', 'sendReason')).toEqual([
			{ customerKey: 'a', nextSendAt: '2026-11-24T10:00:00.000+01:00', cycleDays: 21, cycleSource: 'list', sendReason: '"repeatBuyers" cycle 21 d from last order 2026-11-03' },
			{ customerKey: 'b', nextSendAt: '2026-11-24T10:00:00.000+01:00', cycleDays: 21, cycleSource: 'list', sendReason: '"repeatBuyers" cycle 21 d from last order 2026-11-03' },
			{ customerKey: 'c', nextSendAt: '2026-12-03T10:00:00.000+01:00', cycleDays: 30, cycleSource: 'fixed', sendReason: 'fixed cycle 30 d from last order 2026-11-03' },
			{ customerKey: 'd', nextSendAt: '2026-12-01T10:00:00.000+01:00', cycleDays: 28, cycleSource: 'own', sendReason: 'own cycle 28 d from last order 2026-11-03' },
		]);
	});

	test('predicted next order date from Customer Lifetime; customers without one follow their own rhythm', async () => {
		const result = await run(
			[profile({ customerKey: 'p', lifetime: { expectedNextOrderAt: '2026-12-10T08:00:00.000+01:00' } }), profile({ customerKey: 'q' })],
			{ cycleSource: 'predicted' },
		);
		expect(pick(result.output('Send Timing', 1), 'customerKey', 'nextSendAt', 'cycleDays', 'cycleSource', 'sendReason')).toEqual([
			{ customerKey: 'p', nextSendAt: '2026-12-07T10:00:00.000+01:00', cycleDays: 37, cycleSource: 'predicted', sendReason: 'predicted next order 2026-12-10, 3 d lead' },
			{ customerKey: 'q', nextSendAt: '2026-11-28T10:00:00.000+01:00', cycleDays: 28, cycleSource: 'own', sendReason: 'own cycle 28 d from last order 2026-11-03, 3 d lead' },
		]);
	});

	test('max silence: a 90-day cycle gets a keep-in-touch send 45 days after the last contact, said so', async () => {
		const result = await run([profile({ gapCount: 0, lastEmailSentAt: '2026-11-10T09:00:00+01:00' }), profile({ gapCount: 0 })], {
			cycleSource: 'fixed',
			fixedCycleDays: 90,
		});
		expect(pick(result.output('Send Timing', 1), 'nextSendAt', 'sendKind', 'cycleDays', 'sendReason')).toEqual([
			{
				nextSendAt: '2026-12-25T10:00:00.000+01:00',
				sendKind: 'keepInTouch',
				cycleDays: 90,
				sendReason:
					'keep in touch: 45 d since last contact 2026-11-10 (fixed cycle 90 d from last order 2026-11-03, 3 d lead would wait until 2027-01-29 10:00)',
			},
			{
				nextSendAt: '2026-12-18T10:00:00.000+01:00',
				sendKind: 'keepInTouch',
				cycleDays: 90,
				sendReason:
					'keep in touch: 45 d since last order 2026-11-03 (fixed cycle 90 d from last order 2026-11-03, 3 d lead would wait until 2027-01-29 10:00)',
			},
		]);
	});

	test('frequency cap: not within 16 h of the last mail; a mail already sent for this cycle makes the next one a reminder', async () => {
		const result = await run(
			[
				profile({ lastPurchaseAt: '2026-10-24', gapCount: 0, lastEmailSentAt: '2026-11-22T20:00:00+01:00' }),
				profile({ lastPurchaseAt: '2026-10-01', gapCount: 0, lastEmailSentAt: '2026-10-31T10:00:05+01:00' }),
			],
			{ leadDays: 0 },
		);
		expect(pick(result.output('Send Timing', 1), 'nextSendAt', 'sendKind', 'sendReason')).toEqual([
			{
				nextSendAt: '2026-11-23T12:00:00.000+01:00',
				sendKind: 'cycle',
				sendReason: 'fixed cycle 30 d from last order 2026-10-24; frequency cap 16 h after last contact 2026-11-22 20:00, moved to 2026-11-23 12:00',
			},
			{
				nextSendAt: '2026-11-30T10:00:00.000+01:00',
				sendKind: 'reminder',
				sendReason: 'reminder: fixed cycle 30 d after last contact 2026-10-31 (mail was due 2026-10-31 10:00; no order since)',
			},
		]);
	});

	test('send time, quiet hours (nearest edge) and sending days', async () => {
		const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
		const at = async (params: IDataObject) => (await run([profile()], params)).output('Send Timing', 1)[0].json;
		expect((await at({ sendTime: '22:00' })).nextSendAt).toBe('2026-11-28T21:00:00.000+01:00');
		expect((await at({ sendTime: '06:00' })).nextSendAt).toBe('2026-11-28T08:00:00.000+01:00');
		expect((await at({ sendTime: '02:00', quietHours: '22:00-06:00' })).nextSendAt).toBe('2026-11-28T06:00:00.000+01:00');
		expect((await at({ sendTime: '03:00', quietHours: '' })).nextSendAt).toBe('2026-11-28T03:00:00.000+01:00');
		const weekday = await at({ weekdays });
		expect([weekday.nextSendAt, weekday.sendReason]).toEqual([
			'2026-11-30T10:00:00.000+01:00',
			'own cycle 28 d from last order 2026-11-03, 3 d lead; Saturday is not a sending day, moved to Monday 2026-11-30 10:00',
		]);
		const both = await at({ weekdays, sendTime: '22:00' });
		expect([both.nextSendAt, both.sendReason]).toEqual([
			'2026-11-30T21:00:00.000+01:00',
			'own cycle 28 d from last order 2026-11-03, 3 d lead; quiet hours 21:00-08:00, moved to 2026-11-29 08:00; Sunday is not a sending day, moved to Monday 2026-11-30 22:00; quiet hours 21:00-08:00, moved to 2026-11-30 21:00',
		]);
	});

	test('past due at night: now is inside the quiet hours, so it goes to Scheduled for 08:00', async () => {
		const result = await run([profile({ lastPurchaseAt: '2026-10-01', gapCount: 0 })], { options: { planAsOf: '2026-11-20T23:00:00' } });
		expect(result.output('Send Timing', 0)).toEqual([]);
		expect(pick(result.output('Send Timing', 1), 'nextSendAt', 'dueNow', 'sendReason')).toEqual([
			{
				nextSendAt: '2026-11-21T08:00:00.000+01:00',
				dueNow: false,
				sendReason: 'fixed cycle 30 d from last order 2026-10-01, 3 d lead; was due 2026-10-28 10:00, sending now; quiet hours 21:00-08:00, moved to 2026-11-21 08:00',
			},
		]);
	});

	test('most engaged hour from opens and clicks, with the fixed time as fallback', async () => {
		const opens = ['2026-10-01T18:10:00Z', '2026-10-05T18:40:00Z', '2026-10-09T07:00:00Z'];
		const result = await run([profile({ opens }), profile({ opens: opens.slice(0, 2) })], {
			sendTimeMode: 'engaged',
			engagementTimes: '={{ $json.opens }}',
			minEngagements: 3,
		});
		expect(pick(result.output('Send Timing', 1), 'nextSendAt', 'sendReason')).toEqual([
			{
				nextSendAt: '2026-11-28T20:00:00.000+01:00',
				sendReason: 'own cycle 28 d from last order 2026-11-03, 3 d lead, at 20:00, their most engaged hour (2 of 3 opens/clicks)',
			},
			{
				nextSendAt: '2026-11-28T10:00:00.000+01:00',
				sendReason: 'own cycle 28 d from last order 2026-11-03, 3 d lead, at 10:00 (2 opens/clicks, 3 needed for a personal hour)',
			},
		]);
	});

	test('prospects: welcome interval after sign-up or after the last mail; or now', async () => {
		const prospects = [
			{ customerKey: 'p1', orderCount: 0, created_at: '2026-11-19T18:00:00Z' },
			{ customerKey: 'p2', orderCount: 0, created_at: '2026-11-19T18:00:00Z', lastEmailSentAt: '2026-11-21T10:00:00+01:00' },
		];
		const welcome = await run(prospects, { signupDate: '={{ $json.created_at }}' });
		expect(pick(welcome.output('Send Timing', 1), 'customerKey', 'nextSendAt', 'sendKind', 'sendReason')).toEqual([
			{ customerKey: 'p1', nextSendAt: '2026-11-22T10:00:00.000+01:00', sendKind: 'welcome', sendReason: 'welcome series: 3 d after sign-up 2026-11-19' },
			{ customerKey: 'p2', nextSendAt: '2026-11-24T10:00:00.000+01:00', sendKind: 'welcome', sendReason: 'welcome series: 3 d after last contact 2026-11-21' },
		]);
		const now = await run(prospects.slice(0, 1), { prospectRule: 'now' });
		expect(pick(now.output('Send Timing', 0), 'customerKey', 'nextSendAt', 'dueNow', 'cycleDays', 'sendReason')).toEqual([
			{ customerKey: 'p1', nextSendAt: '2026-11-20T13:00:00.000+01:00', dueNow: true, cycleDays: null, sendReason: 'prospect (no order yet): send now' },
		]);
	});

	test('the workflow time zone for customers without one', async () => {
		const result = await run([profile({ timeZone: '' })], { options: { planAsOf: '2026-11-20T13:00:00' } }, { timezone: 'Asia/Tokyo' });
		// 14:22 Berlin on 3 Nov is 22:22 in Tokyo: same day
		expect(pick(result.output('Send Timing', 1), 'nextSendAt', 'timeZone')).toEqual([{ nextSendAt: '2026-11-28T10:00:00.000+09:00', timeZone: 'Asia/Tokyo' }]);
	});

	test('an order time with an offset is converted to the customer zone before its date is taken; a date alone is read in the customer zone', async () => {
		const result = await run([
			profile({ lastPurchaseAt: '2026-11-03T23:30:00-05:00' }),
			profile({ lastPurchaseAt: '2026-11-03', timeZone: 'Pacific/Auckland' }),
			profile({ lastPurchaseAt: 1794366000, timeZone: 'America/New_York' }),
		], { leadDays: 0 });
		expect(pick(result.output('Send Timing', 1), 'nextSendAt', 'sendReason')).toEqual([
			{ nextSendAt: '2026-12-02T10:00:00.000+01:00', sendReason: 'own cycle 28 d from last order 2026-11-04' },
			{ nextSendAt: '2026-12-01T10:00:00.000+13:00', sendReason: 'own cycle 28 d from last order 2026-11-03' },
			// Unix seconds 1794366000 is 2026-11-11 03:00 UTC, still 10 Nov (22:00) in New York
			{ nextSendAt: '2026-12-08T10:00:00.000-05:00', sendReason: 'own cycle 28 d from last order 2026-11-10' },
		]);
		expect(result.output('Send Timing', 0)).toEqual([]);
	});

	test('a real expression in a mapping is evaluated by n8n per item', async () => {
		const result = await run(
			[{ orders: [{ at: '2026-10-30' }, { at: '2026-11-03T14:22:00+01:00' }], n: 2 }],
			{ lastPurchase: '={{ $json.orders[$json.orders.length - 1].at }}', orderCount: '={{ $json.orders.length }}', cycleSource: 'fixed' },
		);
		expect(pick(result.output('Send Timing', 1), 'nextSendAt', 'sendReason')).toEqual([
			{ nextSendAt: '2026-11-30T10:00:00.000+01:00', sendReason: 'fixed cycle 30 d from last order 2026-11-03, 3 d lead' },
		]);
	});

	test('single output, and the fields under one output field', async () => {
		const result = await run([profile(), profile({ lastPurchaseAt: '2026-10-01', gapCount: 0 })], {
			outputMode: 'single',
			options: { outputField: 'sendTiming' },
		});
		const outputs = result.outputs('Send Timing');
		expect(outputs).toHaveLength(1);
		expect(outputs[0].map((i) => i.json.sendTiming)).toEqual([
			{
				nextSendAt: '2026-11-28T10:00:00.000+01:00',
				nextSendAtUtc: '2026-11-28T09:00:00.000Z',
				dueNow: false,
				sendKind: 'cycle',
				sendReason: 'own cycle 28 d from last order 2026-11-03, 3 d lead',
				cycleDays: 28,
				cycleSource: 'own',
				timeZone: 'Europe/Berlin',
			},
			{
				nextSendAt: '2026-11-20T13:00:00.000+01:00',
				nextSendAtUtc: '2026-11-20T12:00:00.000Z',
				dueNow: true,
				sendKind: 'cycle',
				sendReason: 'fixed cycle 30 d from last order 2026-10-01, 3 d lead; was due 2026-10-28 10:00, sending now',
				cycleDays: 30,
				cycleSource: 'fixed',
				timeZone: 'Europe/Berlin',
			},
		]);
		expect(outputs[0][0].json.nextSendAt).toBeUndefined();
		expect(outputs[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('DST through the engine', () => {
	test('30-day cycle from 2021-10-15 in Europe/Andorra lands on 2021-11-14 at the same local hour', async () => {
		const result = await run([{ lastPurchaseAt: '2021-10-15', orderCount: 1, timeZone: 'Europe/Andorra' }], {
			leadDays: 0,
			options: { planAsOf: '2021-10-16T00:00:00' },
		});
		expect(pick(result.output('Send Timing', 1), 'nextSendAt', 'nextSendAtUtc')).toEqual([
			{ nextSendAt: '2021-11-14T10:00:00.000+01:00', nextSendAtUtc: '2021-11-14T09:00:00.000Z' },
		]);
	});

	test('a send due at 02:30 on the spring-forward night in Europe/Berlin goes out at 03:30 CEST', async () => {
		const result = await run([{ lastPurchaseAt: '2021-02-26', orderCount: 1, timeZone: 'Europe/Berlin' }], {
			leadDays: 0,
			sendTime: '02:30',
			quietHours: '',
			options: { planAsOf: '2021-03-01T00:00:00' },
		});
		expect(pick(result.output('Send Timing', 1), 'nextSendAt', 'nextSendAtUtc')).toEqual([
			{ nextSendAt: '2021-03-28T03:30:00.000+02:00', nextSendAtUtc: '2021-03-28T01:30:00.000Z' },
		]);
	});

	test('a send due at 01:30 on the fall-back night in America/New_York goes out at the first 01:30 (EDT)', async () => {
		const result = await run([{ lastPurchaseAt: '2021-10-08', orderCount: 1, timeZone: 'America/New_York' }], {
			leadDays: 0,
			sendTime: '01:30',
			quietHours: '',
			options: { planAsOf: '2021-10-09T00:00:00' },
		});
		expect(pick(result.output('Send Timing', 1), 'nextSendAt', 'nextSendAtUtc')).toEqual([
			{ nextSendAt: '2021-11-07T01:30:00.000-04:00', nextSendAtUtc: '2021-11-07T05:30:00.000Z' },
		]);
	});

	test('Unix 1337000000 in New York, 65 days back on the calendar: 2012-03-10, same wall clock (EST instead of EDT)', async () => {
		// cycle 30 - lead 95 = 65 days before the last order, at 08:53
		const result = await run([{ lastPurchaseAt: 1337000000, orderCount: 1, timeZone: 'America/New_York' }], {
			cycleSource: 'fixed',
			leadDays: 95,
			sendTime: '08:53',
			options: { planAsOf: '2012-01-01T00:00:00' },
		});
		expect(pick(result.output('Send Timing', 1), 'nextSendAt', 'nextSendAtUtc')).toEqual([
			{ nextSendAt: '2012-03-10T08:53:00.000-05:00', nextSendAtUtc: '2012-03-10T13:53:00.000Z' },
		]);
	});
});

describe('bad input', () => {
	const customers = [
		profile({ customerKey: 'ok' }),
		profile({ customerKey: 'zone', timeZone: 'Mars/Base' }),
		profile({ customerKey: 'date', lastPurchaseAt: 'last tuesday' }),
		profile({ customerKey: 'gap', medianGapDays: -5 }),
	];

	test('stops the run with an error naming the item, the field and the value', async () => {
		const result = await run(customers);
		expect(result.error?.message).toBe('Time zone "Mars/Base" (field timeZone) is not an IANA time zone such as "Europe/Berlin"');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(result.error?.description).toBe(
			'Use a zone name from the IANA list (America/New_York, Europe/Paris), or leave the field empty to use the workflow time zone. Item 1, field timeZone.',
		);
	});

	test('a negative cycle setting stops the run naming the parameter', async () => {
		const result = await run([profile()], { fixedCycleDays: -30 });
		expect(result.error?.message).toBe('Fixed Cycle (Days) -30: A cycle cannot be negative');
	});

	test('a bad setting under continue: every customer becomes an error item naming the parameter', async () => {
		const result = await run([profile(), profile()], { quietHours: '9pm-8am' }, { onError: 'continueRegularOutput' });
		const [due, scheduled] = result.outputs('Send Timing');
		expect(scheduled).toEqual([]);
		expect(due.map((i) => [i.json.error, i.json.field, i.json.value, i.pairedItem])).toEqual([
			['Quiet Hours "9pm-8am" is not a time: use a 24-hour time such as 21:00', 'Quiet Hours', '9pm-8am', { item: 0 }],
			['Quiet Hours "9pm-8am" is not a time: use a 24-hour time such as 21:00', 'Quiet Hours', '9pm-8am', { item: 1 }],
		]);
	});

	test('continue (regular output): one error item per bad customer, nothing dropped', async () => {
		const result = await run(customers, {}, { onError: 'continueRegularOutput' });
		const [due, scheduled] = result.outputs('Send Timing');
		expect(due.length + scheduled.length).toBe(customers.length);
		expect(scheduled.map((i) => i.json.customerKey)).toEqual(['ok']);
		expect(due.map((i) => [i.json.customerKey, i.json.field, i.json.value, i.pairedItem])).toEqual([
			['zone', 'timeZone', 'Mars/Base', { item: 1 }],
			['date', 'lastPurchaseAt', 'last tuesday', { item: 2 }],
			['gap', 'medianGapDays', -5, { item: 3 }],
		]);
		expect(due[2].json.error).toBe('Typical gap -5 (field medianGapDays) cannot be negative');
		expect(due[1].json.error).toMatch(/^Last purchase "last tuesday" \(field lastPurchaseAt\) is not a date/);
	});

	test('continue (error output): the bad customers go to the error output', async () => {
		const result = await run(customers, {}, { onError: 'continueErrorOutput' });
		const outputs = result.outputs('Send Timing');
		expect(outputs).toHaveLength(3);
		expect(outputs[0]).toEqual([]);
		expect(outputs[1].map((i) => i.json.customerKey)).toEqual(['ok']);
		expect(outputs[2].map((i) => [i.json.customerKey, i.json.error, i.json.details, i.pairedItem])).toEqual([
			['zone', 'Time zone "Mars/Base" (field timeZone) is not an IANA time zone such as "Europe/Berlin"', { field: 'timeZone', value: 'Mars/Base', itemIndex: 1 }, { item: 1 }],
			['date', expect.stringMatching(/^Last purchase "last tuesday"/), { field: 'lastPurchaseAt', value: 'last tuesday', itemIndex: 2 }, { item: 2 }],
			['gap', 'Typical gap -5 (field medianGapDays) cannot be negative', { field: 'medianGapDays', value: -5, itemIndex: 3 }, { item: 3 }],
		]);
	});
});
