/**
 * Customer Profiles through n8n's own WorkflowExecute, with parameters as the editor stores them (fixtures beside
 * this file). Real data from ../shared/data when it is there (skipped with a message when not).
 */
import fs from 'fs';
import path from 'path';
import { DateTime } from 'luxon';
import { type IDataObject, type INode, type INodeExecutionData, type IPairedItemData } from 'n8n-workflow';
import { readWorkflow, ROOT, runWorkflow, type WorkflowJson } from '../../harness/engine';
import { readCsvFile } from '../../scripts/lib/csv';

const fixture = (name: string) => readWorkflow(path.join(__dirname, 'fixtures', name));
const NODE = 'Customer Profiles';
const shared = path.resolve(ROOT, '../shared');
const data = path.join(shared, 'data');
const withShared = fs.existsSync(shared) ? describe : describe.skip;
if (!fs.existsSync(shared)) console.log(`Customer Profiles: skipping the real-data tests, ${shared} is absent`);

const pinned = (rows: object[]) => rows.map((json) => ({ json: json as IDataObject }));
const paired = (item: INodeExecutionData) => (item.pairedItem as IPairedItemData[]).map((p) => p.item);

/** Every input item index appears exactly once over these output items' pairedItem lists. */
function expectEveryItemOnce(outputs: INodeExecutionData[], inputCount: number) {
	const seen = new Array<number>(inputCount).fill(0);
	for (const item of outputs) for (const i of paired(item)) seen[i]++;
	expect(seen.filter((n) => n !== 1)).toEqual([]);
}

function withNode(wf: WorkflowJson, patch: Record<string, unknown>, parameters?: Record<string, unknown>): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(wf)) as WorkflowJson;
	const node = copy.nodes.find((n) => n.name === NODE)!;
	Object.assign(node, patch);
	if (parameters) node.parameters = { ...node.parameters, ...parameters } as INode['parameters'];
	return copy;
}

/** Start -> Sample Orders -> Customer Profiles, each of the two with the parameters given. */
function sampleToProfiles(sampleParameters: INode['parameters'], profileParameters: INode['parameters']): WorkflowJson {
	return {
		nodes: [
			{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: '2', name: 'Sample Orders', type: 'n8n-nodes-behavioral-segments.sampleOrders', typeVersion: 1, position: [200, 0], parameters: sampleParameters },
			{ id: '3', name: NODE, type: 'n8n-nodes-behavioral-segments.customerProfiles', typeVersion: 1, position: [400, 0], parameters: profileParameters },
		],
		connections: {
			Start: { main: [[{ node: 'Sample Orders', type: 'main' as never, index: 0 }]] },
			'Sample Orders': { main: [[{ node: NODE, type: 'main' as never, index: 0 }]] },
		},
	};
}

withShared('CDNOW sample through the engine (golden)', () => {
	test('as of 1997-09-30 the profiles reproduce the published summary for all 2,357 customers', async () => {
		const lines = fs.readFileSync(path.join(data, 'cdnow/CDNOW_sample.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim());
		expect(lines).toHaveLength(6919);
		const rows = lines.map((line) => {
			const [, sampleId, date, cds, dollars] = line.trim().split(/\s+/);
			return { customer_id: sampleId, date, number_of_cds: Number(cds), dollar_value: Number(dollars) };
		});
		const r = await runWorkflow(fixture('customerProfiles-cdnow.json'), { pinData: { 'CDNOW Rows': pinned(rows) } });
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		expect(out).toHaveLength(2357);
		expectEveryItemOnce(out, rows.length);
		const byId = new Map(out.map((i) => [Number(i.json.customerKey), i.json]));

		const summary = fs.readFileSync(path.join(data, 'cdnow/cdnow_customers_summary.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
		const zbars = fs.readFileSync(path.join(data, 'cdnow/cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
		expect(summary).toHaveLength(2357);
		expect(zbars).toHaveLength(2357);
		const wrong: string[] = [];
		for (const line of summary) {
			const [id, frequency, recency, T] = line.split(',').map(Number);
			const p = byId.get(id);
			if (!p || p.frequency !== frequency || p.recencyWeeks !== recency || p.ageWeeks !== T) {
				wrong.push(`${line} got ${p?.frequency},${p?.recencyWeeks},${p?.ageWeeks}`);
			}
		}
		for (const line of zbars) {
			const [id, , , , zbar] = line.split(',').map(Number);
			if (byId.get(id)?.meanRepeatSpend !== zbar) wrong.push(`zbar ${line} got ${byId.get(id)?.meanRepeatSpend}`);
		}
		expect(wrong).toEqual([]);
		// Sample id 1 (master 00004): 1997-01-01, 01-18, 08-02, and 12-12 after the cut-off.
		expect(byId.get(1)).toMatchObject({
			customerKey: '0001',
			firstPurchaseDate: '1997-01-01',
			lastPurchaseDate: '1997-08-02',
			frequency: 2,
			recencyDays: 213,
			recencyWeeks: 30.43,
			ageDays: 272,
			ageWeeks: 38.86,
			daysSinceLastPurchase: 59,
			meanRepeatSpend: 22.35,
			ordersRead: 3,
			ordersAfterAsOf: 1,
			totalSpent: 74.02,
			totalQuantity: 5,
		});
		expect(paired(out.find((i) => i.json.customerKey === '0001')!)).toEqual([0, 1, 2, 3]);
	});
});

withShared('Shopify order export through the engine', () => {
	const rows = () => readCsvFile(path.join(data, 'orders/shopify_orders_export_devstore_forezia.csv'));

	test('line items group into orders, customers by e-mail, orders without a customer go to the error output', async () => {
		const input = rows();
		expect(input).toHaveLength(40);
		const r = await runWorkflow(fixture('customerProfiles-shopify.json'), { pinData: { 'Order Export Rows': pinned(input) } });
		expect(r.error).toBeUndefined();
		const customers = r.output(NODE, 0);
		const toFix = r.output(NODE, 1);
		expect([r.output('Customers').length, r.output('Orders To Fix').length]).toEqual([3, 10]);
		expect(customers.map((i) => [i.json.customerKey, i.json.orderCount, i.json.purchaseDays, i.json.totalSpent, paired(i)])).toEqual([
			['ayumu.hirano@example.com', 4, 3, 1184.9, [7, 8, 28, 31, 32]],
			['karine.ruby@example.com', 2, 2, 1763.14, [9, 10, 29, 30]],
			['russel.winfield@example.com', 3, 2, 389.55, [15, 16, 17, 18, 19, 20, 21, 22, 33]],
		]);
		expect(customers[2].json).toMatchObject({
			email: 'russel.winfield@example.com',
			currency: 'EUR',
			timeZone: 'America/New_York',
			firstPurchaseAt: '2025-05-13T15:44:12.000-04:00',
			lastPurchaseAt: '2025-05-17T11:36:23.000-04:00',
			totalQuantity: 9,
			medianGapDays: 4,
			recencyDays: 4,
			ageDays: 48,
			ageWeeks: 6.86,
		});
		// The 10 orders without an e-mail, one error item each, carrying all of the order's rows.
		expect(toFix.map(paired)).toEqual([[0, 1, 2, 3], [4, 5], [6], [11, 12, 13], [14], [23], [24, 25, 26, 27], [34], [35], [36, 37, 38, 39]]);
		expect(toFix[0].json).toMatchObject({
			Name: '#1001',
			error: 'Order #1001 has no customer: Email is empty and there is no customer id',
			details: { field: 'Email', value: '' },
		});
		expectEveryItemOnce([...customers, ...toFix], input.length);
	});

	test('a capitalised e-mail and its lower-case twin are one customer', async () => {
		const input = rows();
		const twin = { ...input[33], Name: '#1020', Email: 'russel.winfield@example.com', 'Created at': '2025-05-20 10:00:00 -0400', Total: '20.00', Subtotal: '20.00' };
		expect(input[33].Email).toBe('Russel.winfield@example.com');
		const r = await runWorkflow(fixture('customerProfiles-shopify.json'), { pinData: { 'Order Export Rows': pinned([...input, twin]) } });
		const russel = r.output(NODE, 0).filter((i) => String(i.json.customerKey).toLowerCase().startsWith('russel'));
		expect(russel).toHaveLength(1);
		expect(russel[0].json).toMatchObject({ customerKey: 'russel.winfield@example.com', orderCount: 4, purchaseDays: 3, totalSpent: 409.55, lastPurchaseDate: '2025-05-20' });
		expect(paired(russel[0])).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 33, 40]);
	});

	test('without an error setting, the first order without a customer stops the run naming item and field', async () => {
		const r = await runWorkflow(withNode(fixture('customerProfiles-shopify.json'), { onError: 'stopWorkflow' }), {
			pinData: { 'Order Export Rows': pinned(rows()) },
		});
		expect(r.error?.name).toBe('NodeOperationError');
		expect(r.error?.message).toBe('Order #1001 has no customer: Email is empty and there is no customer id');
		expect(r.error?.description).toMatch(/^Item 0, field "Email", value ""\./);
		expect(r.error?.context?.itemIndex).toBe(0);
	});
});

describe('mapped fields (Map Fields Yourself), through the engine', () => {
	const orders = [
		{ number: 'A-1', customer: { id: 'C1', email: 'Ann@Shop.com', tz: 'Europe/Berlin' }, created: '2024-03-09T23:30:00Z', amount: '20.00', currency: 'eur', codes: 'SPRING10', state: 'completed' },
		{ number: 'A-2', customer: { id: 'C1', email: 'ann@shop.com', tz: 'Europe/Berlin' }, created: '2024-03-20T10:00:00Z', amount: 30, currency: 'eur', codes: [], state: 'completed' },
		{ number: 'B-1', customer: { id: null, email: ' bob@shop.com ', tz: '' }, created: '2024-03-09T23:30:00Z', amount: 15, currency: 'eur', state: 'refunded' },
		{ number: 'B-2', customer: { id: null, email: 'BOB@shop.com' }, created: '2024-03-10 12:00', amount: 25, currency: 'EUR', state: 'completed' },
		{ number: 'B-3', customer: { id: null, email: 'bob@shop.com' }, created: '2024-04-02T08:00:00Z', amount: 99, currency: 'EUR', state: 'completed' },
	];

	test('expressions map the fields; customer zones, refunds and the as-of date apply', async () => {
		const r = await runWorkflow(fixture('customerProfiles-mapped.json'), { pinData: { Orders: pinned(orders) } });
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		expect(out.map(paired)).toEqual([[0, 1], [2, 3, 4]]);
		expect(out[0].json).toMatchObject({
			customerKey: 'C1',
			customerId: 'C1',
			email: 'ann@shop.com',
			currency: 'EUR',
			timeZone: 'Europe/Berlin',
			// 23:30 UTC on 9 March is 00:30 on the 10th in Berlin
			firstPurchaseAt: '2024-03-10T00:30:00.000+01:00',
			firstPurchaseDate: '2024-03-10',
			orderCount: 2,
			totalSpent: 50,
			couponCodes: ['SPRING10'],
			discountedOrders: 1,
			discountedShare: 0.5,
			recencyDays: 10,
			ageDays: 21,
			asOf: '2024-03-31',
		});
		expect(out[1].json).toMatchObject({
			customerKey: 'bob@shop.com',
			customerId: null,
			timeZone: 'UTC',
			ordersRead: 2,
			ordersAfterAsOf: 1,
			orderCount: 1,
			refundedOrders: 1,
			totalSpent: 25,
			firstPurchaseAt: '2024-03-10T12:00:00.000Z',
		});
		const hints = r.run.data.resultData.runData[NODE][0].hints;
		expect(hints).toEqual([{ message: '1 order was placed after the As Of date 2024-03-31 and not read', location: 'outputPane' }]);
	});

	test('with the workflow zone in Berlin and no customer zones, the 23:30 UTC orders fall on the 10th', async () => {
		const wf = withNode(fixture('customerProfiles-mapped.json'), {}, { options: {} });
		const r = await runWorkflow(wf, { pinData: { Orders: pinned(orders) }, timezone: 'Europe/Berlin' });
		const ann = r.output(NODE)[0].json;
		expect([ann.timeZone, ann.firstPurchaseDate]).toEqual(['Europe/Berlin', '2024-03-10']);
		const utc = await runWorkflow(wf, { pinData: { Orders: pinned(orders) }, timezone: 'UTC' });
		expect(utc.output(NODE)[0].json.firstPurchaseDate).toBe('2024-03-09');
		const bob = r.output(NODE)[1].json;
		// B-1 (refunded, not counted) and B-2 ("2024-03-10 12:00", read as Berlin wall time)
		expect([bob.timeZone, bob.firstPurchaseAt]).toEqual(['Europe/Berlin', '2024-03-10T12:00:00.000+01:00']);
	});

	test('items already shaped as orders (the default mapping) need no mapping, e.g. from Sample Orders', async () => {
		const wf = sampleToProfiles({ endDate: '2025-06-30T00:00:00' }, { asOf: '2025-06-30T00:00:00' });
		const r = await runWorkflow(wf, { timezone: 'Europe/Berlin' });
		expect(r.error).toBeUndefined();
		const orderItems = r.output('Sample Orders');
		const out = r.output(NODE);
		const keys = new Set(orderItems.map((i) => String(i.json.customerId ?? String(i.json.email).trim().toLowerCase())));
		expect(out.length).toBe(keys.size);
		expect(out.every((i) => !('error' in i.json))).toBe(true);
		expectEveryItemOnce(out, orderItems.length);
		expect(out.reduce((n, i) => n + (i.json.ordersRead as number), 0)).toBe(orderItems.length);
	});
});

describe('bad input', () => {
	const bad = [
		{ number: 'X-1', customer: { id: null, email: '  ' }, created: '2024-03-01', amount: 5, currency: 'eur' },
		{ number: 'X-2', customer: { id: 'C9' }, created: '31/02/2024', amount: 5, currency: 'eur' },
		{ number: 'X-3', customer: { id: 'C9' }, created: '2024-03-01', amount: -5, currency: 'eur' },
		{ number: 'X-4', customer: { id: 'C9' }, created: '2024-03-01', amount: NaN, currency: 'eur' },
		{ number: 'X-5', customer: { id: 'C9' }, created: '2024-03-01', amount: 'twelve', currency: 'eur' },
		{ number: 'X-6', customer: { id: 'C9' }, created: '2024-03-02', amount: 12, currency: 'eur' },
		{ number: 'X-7', customer: { id: 'C8', tz: 'Berlin' }, created: '2024-03-02', amount: 12, currency: 'eur' },
	];
	const expected = [
		{ error: 'Order X-1 has no customer: email is empty and customerId is empty', field: 'email', value: '  ' },
		{ error: 'Order X-2: placedAt "31/02/2024" is ambiguous: day-first or month-first? Set the date format (e.g. dd/MM/yyyy)', field: 'placedAt', value: '31/02/2024' },
		{ error: 'Order X-3: total -5 must not be negative', field: 'total', value: -5 },
		{ error: 'Order X-4: total NaN is not a number', field: 'total', value: 'NaN' },
		{ error: 'Order X-5: total "twelve" is not a number', field: 'total', value: 'twelve' },
		{ error: 'The customer time zone "Berlin" is not an IANA time zone such as "Europe/Berlin"', field: 'Customer Time Zone Field', value: 'Berlin' },
	];

	test('stops on the first bad item with a NodeOperationError naming item, field and value', async () => {
		const r = await runWorkflow(fixture('customerProfiles-mapped.json'), { pinData: { Orders: pinned(bad.slice(2)) } });
		expect(r.error?.name).toBe('NodeOperationError');
		expect(r.error?.message).toBe('Order X-3: total -5 must not be negative');
		expect(r.error?.description).toMatch(/^Item 0, field "total", value -5\. /);
		expect(r.error?.context?.itemIndex).toBe(0);
		const date = await runWorkflow(fixture('customerProfiles-mapped.json'), { pinData: { Orders: pinned([bad[5], bad[1]]) } });
		expect(date.error?.message).toBe(expected[1].error);
		expect(date.error?.description).toMatch(/^Item 1, field "placedAt", value "31\/02\/2024"\./);
		expect(date.error?.context?.itemIndex).toBe(1);
	});

	test('under Continue (regular output) each bad item becomes an error item; every item ends somewhere', async () => {
		const r = await runWorkflow(withNode(fixture('customerProfiles-mapped.json'), { onError: 'continueRegularOutput' }), { pinData: { Orders: pinned(bad) } });
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		expect(out).toHaveLength(7);
		const profiles = out.filter((i) => !('error' in i.json));
		const errors = out.filter((i) => 'error' in i.json);
		expect(profiles.map((i) => [i.json.customerKey, paired(i)])).toEqual([['C9', [5]]]);
		expect(errors.map((i) => i.json)).toEqual(expected);
		expect(errors.map(paired)).toEqual([[0], [1], [2], [3], [4], [6]]);
		expectEveryItemOnce(out, bad.length);
	});

	test('under Continue (using error output) the error items land on the error output', async () => {
		const wf = withNode(fixture('customerProfiles-mapped.json'), { onError: 'continueErrorOutput' });
		wf.nodes.push(
			{ id: 'n1', name: 'Customers', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 0], parameters: {} },
			{ id: 'n2', name: 'Fix These', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 200], parameters: {} },
		);
		wf.connections[NODE] = { main: [[{ node: 'Customers', type: 'main' as never, index: 0 }], [{ node: 'Fix These', type: 'main' as never, index: 0 }]] };
		const r = await runWorkflow(wf, { pinData: { Orders: pinned(bad) } });
		expect(r.error).toBeUndefined();
		const customers = r.output(NODE, 0);
		const fix = r.output(NODE, 1);
		expect([r.output('Customers').length, r.output('Fix These').length]).toEqual([1, 6]);
		expect(customers.map((i) => i.json.customerKey)).toEqual(['C9']);
		expect(fix.map((i) => [i.json.number, i.json.error, (i.json.details as IDataObject).field, (i.json.details as IDataObject).value])).toEqual(
			expected.map((e, k) => [bad[[0, 1, 2, 3, 4, 6][k]].number, e.error, e.field, e.value]),
		);
		expectEveryItemOnce([...customers, ...fix], bad.length);
	});

	test('a mapping expression that fails on one item (n8n gives nothing) is an error on that item only', async () => {
		const wf = withNode(fixture('customerProfiles-mapped.json'), { onError: 'continueRegularOutput' }, {
			fields: {
				customerId: '={{ JSON.parse($json.customer.json).id }}',
				placedAt: '={{ $json.created }}',
				total: '={{ $json.amount }}',
				currency: '={{ $json.currency }}',
			},
		});
		const input = [{ ...bad[5], customer: { json: '{"id":"C9"}' } }, { ...bad[5], number: 'X-8', customer: { json: '{id: C9' } }];
		const r = await runWorkflow(wf, { pinData: { Orders: pinned(input) } });
		const out = r.output(NODE);
		expect(out.map((i) => [i.json.customerKey ?? i.json.field, paired(i)])).toEqual([
			['C9', [0]],
			['email', [1]],
		]);
		expect(out[1].json.error).toBe('The order in item 1 has no customer: email is empty and customerId is empty');
		const stop = await runWorkflow(withNode(wf, { onError: 'stopWorkflow' }), { pinData: { Orders: pinned(input) } });
		expect(stop.error?.description).toMatch(/^Item 1, field "email", value ""\./);
	});

	test('a mapping that throws on a middle item: that item is an error, the items after it keep their own indexes', async () => {
		const wf = withNode(fixture('customerProfiles-mapped.json'), { onError: 'continueRegularOutput' }, {
			fields: {
				customerId: '={{ $json.customer.id }}',
				placedAt: '={{ $json.created }}',
				total: "={{ $json.ok ? $json.amount : $('No Such Node').item.json.amount }}",
				currency: '={{ $json.currency }}',
			},
		});
		const input = [
			{ customer: { id: 'C1' }, created: '2024-03-01', amount: 10, currency: 'EUR', ok: true },
			{ customer: { id: 'C1' }, created: '2024-03-02', amount: 20, currency: 'EUR', ok: false },
			{ customer: { id: 'C2' }, created: '2024-03-03', amount: 30, currency: 'EUR', ok: true },
		];
		const r = await runWorkflow(wf, { pinData: { Orders: pinned(input) } });
		const out = r.output(NODE);
		expect(out.map((i) => [i.json.customerKey ?? i.json.field, i.json.totalSpent ?? null, paired(i)])).toEqual([
			['C1', 10, [0]],
			['C2', 30, [2]],
			['Total', null, [1]],
		]);
		expectEveryItemOnce(out, input.length);
	});

	test('several currencies for one customer: an error naming them, or one profile per currency when kept apart', async () => {
		const mixed = [
			{ number: 'M-1', customer: { id: 'C5' }, created: '2024-03-01', amount: 10, currency: 'eur' },
			{ number: 'M-2', customer: { id: 'C5' }, created: '2024-03-05', amount: 20, currency: 'usd' },
			{ number: 'M-3', customer: { id: 'C6' }, created: '2024-03-05', amount: 20, currency: 'usd' },
		];
		const stop = await runWorkflow(fixture('customerProfiles-mapped.json'), { pinData: { Orders: pinned(mixed) } });
		expect(stop.error?.message).toBe('Customer "C5" has orders in several currencies (EUR, USD)');
		expect(stop.error?.description).toBe(
			'Item 0, field "currency", value ["EUR","USD"]. Turn on Options > Keep Currencies Apart to get one profile per currency, or convert the totals to one currency first',
		);
		const cont = await runWorkflow(withNode(fixture('customerProfiles-mapped.json'), { onError: 'continueRegularOutput' }), { pinData: { Orders: pinned(mixed) } });
		expect(cont.output(NODE).map((i) => [i.json.customerKey ?? i.json.error, paired(i)])).toEqual([
			['C6', [2]],
			['Customer "C5" has orders in several currencies (EUR, USD)', [0, 1]],
		]);
		const apart = await runWorkflow(withNode(fixture('customerProfiles-mapped.json'), {}, { options: { keepCurrenciesApart: true } }), { pinData: { Orders: pinned(mixed) } });
		expect(apart.output(NODE).map((i) => [i.json.customerKey, i.json.currency, i.json.totalSpent, paired(i)])).toEqual([
			['C5', 'EUR', 10, [0]],
			['C5', 'USD', 20, [1]],
			['C6', 'USD', 20, [2]],
		]);
	});

	test('bad settings: an unknown Orders Time Zone or As Of date names the setting', async () => {
		const tz = await runWorkflow(withNode(fixture('customerProfiles-mapped.json'), {}, { options: { ordersTimeZone: 'Europe/Berlinn' } }), { pinData: { Orders: pinned(bad.slice(5, 6)) } });
		expect(tz.error?.message).toBe('Orders Time Zone "Europe/Berlinn" is not an IANA time zone such as "Europe/Berlin"');
		const asOf = await runWorkflow(withNode(fixture('customerProfiles-mapped.json'), { onError: 'continueRegularOutput' }, { asOf: '=last tuesday' }), { pinData: { Orders: pinned(bad.slice(5, 7)) } });
		expect(asOf.output(NODE).map((i) => [i.json, paired(i)])).toEqual([
			[{ error: 'As Of "last tuesday" is not a date', field: 'As Of', value: 'last tuesday' }, [0]],
			[{ error: 'As Of "last tuesday" is not a date', field: 'As Of', value: 'last tuesday' }, [1]],
		]);
	});

	test('an empty As Of means today in the workflow zone; an expression date works too', async () => {
		const today = DateTime.now().setZone('Pacific/Auckland').toISODate();
		const r = await runWorkflow(withNode(fixture('customerProfiles-mapped.json'), {}, { asOf: '' }), { pinData: { Orders: pinned(bad.slice(5, 6)) }, timezone: 'Pacific/Auckland' });
		expect(r.output(NODE)[0].json.asOf).toBe(today);
		const e = await runWorkflow(withNode(fixture('customerProfiles-mapped.json'), {}, { asOf: "={{ DateTime.fromISO('2024-03-04') }}" }), { pinData: { Orders: pinned(bad.slice(5, 6)) } });
		expect(e.output(NODE)[0].json).toMatchObject({ asOf: '2024-03-04', daysSinceLastPurchase: 2 });
	});
});

describe('Fields to Keep (Options), through the engine', () => {
	// The mapped fixture reads customer.id, created, amount, state; as of 2024-03-31.
	const orders = [
		{ number: 'K-1', customer: { id: 'C1' }, created: '2024-03-01T10:00:00Z', amount: 10, currency: 'eur', state: 'completed', tags: ['vip'], reviewCount: 2, crm: { note: 'old note' } },
		{ number: 'K-2', customer: { id: 'C1' }, created: '2024-03-20T10:00:00Z', amount: 10, currency: 'eur', state: 'completed', tags: [], reviewCount: 0, crm: { note: ' ' } },
		{ number: 'K-3', customer: { id: 'C1' }, created: '2024-03-10T10:00:00Z', amount: 10, currency: 'eur', state: 'completed', tags: ['vip', 'fan'], reviewCount: 5, crm: {} },
		{ number: 'K-4', customer: { id: 'C1' }, created: '2024-04-05T10:00:00Z', amount: 10, currency: 'eur', state: 'completed', tags: ['later'], reviewCount: 9, crm: { note: 'later' } },
		{ number: 'K-5', customer: { id: 'C2' }, created: '2024-03-05T10:00:00Z', amount: 10, currency: 'eur', state: 'cancelled', tags: 'newsletter' },
		{ number: 'K-6', customer: { id: 'C2' }, created: '2024-03-06T10:00:00Z', amount: 10, currency: 'eur', state: 'completed', tags: '  ', reviewCount: null },
	];
	const keeping = (keepFields: string, patch: Record<string, unknown> = {}) =>
		withNode(fixture('customerProfiles-mapped.json'), patch, { options: { keepFields } });

	test('each field comes from the most recent order up to As Of where it is filled in; none gives null', async () => {
		const r = await runWorkflow(keeping(' tags, reviewCount ,crm.note, tags,'), { pinData: { Orders: pinned(orders) } });
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		expect(out.map(paired)).toEqual([[0, 1, 2, 3], [4, 5]]);
		const kept = (json: IDataObject) => ({ tags: json.tags, reviewCount: json.reviewCount, note: json.note });
		// C1: K-4 is after As Of; K-2 is the newest read: its empty list and blank note are skipped, its 0 reviews
		// are a value; K-3 (newer than K-1 although it comes later in the input) gives the tags; K-1 the note.
		expect(kept(out[0].json)).toEqual({ tags: ['vip', 'fan'], reviewCount: 0, note: 'old note' });
		// C2: the blank tags of the newest order are skipped, the cancelled order's tags kept; no reviews, no note.
		expect(kept(out[1].json)).toEqual({ tags: 'newsletter', reviewCount: null, note: null });
		// The kept fields come after the profile's own, in the order listed (the repeated tags once).
		expect(Object.keys(out[0].json).slice(-4)).toEqual(['meanRepeatSpend', 'tags', 'reviewCount', 'note']);
		expect(out[0].json).toMatchObject({ customerKey: 'C1', orderCount: 3, ordersAfterAsOf: 1 });
	});

	test('without the option, profiles carry no item fields', async () => {
		const r = await runWorkflow(fixture('customerProfiles-mapped.json'), { pinData: { Orders: pinned(orders) } });
		const out = r.output(NODE);
		expect(out.map((i) => ['tags' in i.json, 'reviewCount' in i.json])).toEqual([[false, false], [false, false]]);
	});

	test('a name that is already a profile field is an error of the setting, naming the field', async () => {
		const stop = await runWorkflow(keeping('tags, email'), { pinData: { Orders: pinned(orders) } });
		expect(stop.error?.name).toBe('NodeOperationError');
		expect(stop.error?.message).toBe('Fields to Keep: "email" is a field Customer Profiles works out itself and cannot be kept from the items');
		expect(stop.error?.description).toBe(
			'Settings, field "Fields to Keep", value "email". Leave email out of Fields to Keep, or rename that field in your items first (e.g. with an Edit Fields node)',
		);
		const path = await runWorkflow(keeping('customer.totalSpent'), { pinData: { Orders: pinned(orders) } });
		expect(path.error?.message).toBe('Fields to Keep: "totalSpent" is a field Customer Profiles works out itself and cannot be kept from the items');
		const twice = await runWorkflow(keeping('tags, crm.tags'), { pinData: { Orders: pinned(orders) } });
		expect(twice.error?.message).toBe('Fields to Keep: "tags" and "crm.tags" would both be kept as "tags"');
		const cont = await runWorkflow(keeping('orderCount', { onError: 'continueRegularOutput' }), { pinData: { Orders: pinned(orders.slice(0, 2)) } });
		const message = 'Fields to Keep: "orderCount" is a field Customer Profiles works out itself and cannot be kept from the items';
		expect(cont.output(NODE).map((i) => [i.json, paired(i)])).toEqual([
			[{ error: message, field: 'Fields to Keep', value: 'orderCount' }, [0]],
			[{ error: message, field: 'Fields to Keep', value: 'orderCount' }, [1]],
		]);
	});

	test('from Sample Orders: every profile carries its customer\'s tags, reviews and referrals', async () => {
		const wf = sampleToProfiles(
			{ customers: 60, endDate: '2025-06-30T00:00:00' },
			{ asOf: '2025-06-30T00:00:00', options: { keepFields: 'tags, reviewCount, averageRating, referralCount' } },
		);
		const r = await runWorkflow(wf, { timezone: 'Europe/Berlin' });
		expect(r.error).toBeUndefined();
		const orderItems = r.output('Sample Orders');
		const out = r.output(NODE);
		expect(out.length).toBe(60);
		const orNull = <T>(v: T) => (v === null || (Array.isArray(v) && v.length === 0) ? null : v);
		for (const p of out) {
			// The sample repeats the customer-level fields on each order: the profile has the same ones.
			const first = orderItems[paired(p)[0]].json;
			expect([p.json.customerKey, p.json.tags, p.json.reviewCount, p.json.averageRating, p.json.referralCount]).toEqual([
				p.json.customerKey,
				orNull(first.tags),
				first.reviewCount,
				first.averageRating,
				first.referralCount,
			]);
		}
		// The fans the generator made (Lena Fischer's two e-mail spellings are one customer).
		const fans = new Set(orderItems.filter((i) => (i.json.tags as string[]).includes('fan')).map((i) => String(i.json.email).toLowerCase()));
		expect(fans.size).toBe(7);
		expect(out.filter((p) => (p.json.tags as string[] | null)?.includes('fan')).map((p) => p.json.email).sort()).toEqual([...fans].sort());
	});
});
