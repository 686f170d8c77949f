/**
 * Customer Lifetime through n8n's own WorkflowExecute, parameters as the editor stores them:
 * CDNOW log -> Customer Profiles -> Customer Lifetime -> Behavioral Segment (real data from ../shared, skipped
 * with a message when absent), and pinned profile items for data sufficiency and bad input.
 */
import fs from 'fs';
import path from 'path';
import type { IDataObject, INode, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { readWorkflow, ROOT, runWorkflow, type WorkflowJson } from '../../harness/engine';

const shared = path.resolve(ROOT, '../shared');
const cdnow = path.join(shared, 'data/cdnow/CDNOW_sample.txt');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
const has = (node: string) => pkg.n8n.nodes.some((p) => p.includes(`/${node}/`));
const chainReady = fs.existsSync(cdnow) && has('CustomerProfiles') && has('CustomerLifetime') && has('BehavioralSegment');
if (!fs.existsSync(cdnow)) console.log(`Customer Lifetime: skipping the CDNOW workflow test, ${cdnow} (shared reference data) is absent`);
else if (!chainReady) console.log('Customer Lifetime: skipping the CDNOW workflow test, Customer Profiles / Behavioral Segment are not in package.json n8n.nodes yet');
const withChain = chainReady ? describe : describe.skip;

const pinned = (rows: object[]) => rows.map((json) => ({ json: json as IDataObject }));
const itemsOf = (item: INodeExecutionData) => ([] as IPairedItemData[]).concat(item.pairedItem as IPairedItemData).map((p) => p.item);

withChain('CDNOW: Customer Profiles -> Customer Lifetime -> Behavioral Segment', () => {
	let run: Awaited<ReturnType<typeof runWorkflow>>;
	let rows: object[];
	beforeAll(async () => {
		const lines = fs.readFileSync(cdnow, 'utf8').split(/\r?\n/).filter((l) => l.trim());
		rows = lines.map((line) => {
			const [, sampleId, date, cds, dollars] = line.trim().split(/\s+/);
			return { customer_id: sampleId, date, number_of_cds: Number(cds), dollar_value: Number(dollars) };
		});
		run = await runWorkflow(readWorkflow(path.join(__dirname, 'fixtures/customerLifetime-cdnow.json')), { pinData: { 'CDNOW Rows': pinned(rows) } });
	});

	test('every profile gets complete lifetime fields; the fit is the published BG/NBD one', () => {
		expect(run.error).toBeUndefined();
		const profiles = run.output('Customer Profiles');
		const out = run.output('Customer Lifetime', 0);
		expect(out).toHaveLength(2357);
		expect(out.map((i) => itemsOf(i)[0])).toEqual(profiles.map((_p, i) => i));
		for (const item of out) {
			const l = item.json.lifetime as IDataObject;
			expect(l.pAlive).toBeGreaterThanOrEqual(0);
			expect(l.pAlive).toBeLessThanOrEqual(1);
			for (const k of ['expectedOrders', 'expectedOrderValue', 'predictedLifetimeValue']) expect(Number.isFinite(l[k])).toBe(true);
			// median wait of a customer who stays active; one-time buyers (r + x = 0.24) wait years
			expect(l.expectedNextOrderAt).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/);
			expect((l.expectedNextOrderAt as string) > '1997-09-30').toBe(true);
			expect((l.dataSufficiency as IDataObject).purchaseModel).toBe('BG/NBD');
			if (item.json.frequency === 0) expect(l.pAlive).toBe(1);
			// the profile fields pass through
			expect(item.json.customerKey).toBeDefined();
		}
		const fit = run.output('Customer Lifetime', 1);
		expect(fit).toHaveLength(1);
		const s = fit[0].json as IDataObject & { parameters: Record<string, number>; spendModel: { parameters: Record<string, number>; customers: number } };
		expect(s.dataSufficiency).toEqual({ sufficient: true, reasons: [] });
		expect(s.timeUnit).toBe('weeks');
		// profiles give days (weeks = days / 7, unrounded), the reference used weeks rounded to 2 decimals
		expect(Math.abs(s.parameters.r / 0.2426 - 1)).toBeLessThan(1e-3);
		expect(Math.abs(s.parameters.alpha / 4.4136 - 1)).toBeLessThan(1e-3);
		expect(Math.abs(s.parameters.a / 0.7929 - 1)).toBeLessThan(1e-3);
		expect(Math.abs(s.parameters.b / 2.4259 - 1)).toBeLessThan(1e-3);
		expect(Math.abs((s.logLikelihood as number) / -9582.43 - 1)).toBeLessThan(1e-3);
		expect(s.spendModel.customers).toBe(946);
		expect(s.monthlyDiscountRate).toBe(0.01);
	});

	test('Behavioral Segment files the customers by the lifetime fields', () => {
		const out = run.output('Customer Lifetime', 0);
		const atRisk = out.filter((i) => (i.json.lifetime as IDataObject).churnRisk === 'high').map((i) => i.json.customerKey);
		const cantLose = out.filter((i) => ((i.json.lifetime as IDataObject).rfm as IDataObject).group === 'Previously loyal').map((i) => i.json.customerKey);
		const worthMost = out.filter((i) => ((i.json.lifetime as IDataObject).predictedLifetimeValue as number) >= 200).map((i) => i.json.customerKey);
		expect(atRisk.length).toBeGreaterThan(50);
		expect(cantLose.length).toBeGreaterThan(10);
		expect(worthMost.length).toBeGreaterThan(10);
		const lists = run.outputs('Behavioral Segment');
		expect(lists[0].map((i) => i.json.customerKey)).toEqual(atRisk);
		expect(lists[1].map((i) => i.json.customerKey)).toEqual(cantLose);
		expect(lists[2].map((i) => i.json.customerKey)).toEqual(worthMost);
		// eslint-disable-next-line no-console
		console.log(`CDNOW lists: At Risk ${atRisk.length}, Can't Lose ${cantLose.length}, Worth Most ${worthMost.length}, No List ${lists[3].length}`);
	});
});

/** A workflow with pinned profile items straight into Customer Lifetime. */
function lifetimeOnly(parameters: INode['parameters'] = {}, patch: Partial<INode> = {}): WorkflowJson {
	return {
		nodes: [
			{ id: '1', name: 'Profiles', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: '2', name: 'Customer Lifetime', type: 'n8n-nodes-behavioral-segments.customerLifetime', typeVersion: 1, position: [220, 0], parameters, ...patch },
		],
		connections: { Profiles: { main: [[{ node: 'Customer Lifetime', type: 'main' as never, index: 0 }]] } },
		settings: { timezone: 'Europe/Berlin' },
	};
}

const profile = (key: string, frequency: number, recencyDays: number, ageDays: number, extra: IDataObject = {}): IDataObject => ({
	customerKey: key,
	frequency,
	recencyDays,
	ageDays,
	meanRepeatSpend: frequency ? 40 : 0,
	orderCount: frequency + 1,
	totalSpent: 40 * (frequency + 1),
	asOf: '2025-06-30',
	timeZone: 'America/New_York',
	...extra,
});

describe('Customer Lifetime on small batches and bad input (pinned profiles)', () => {
	const small = [profile('a', 0, 0, 50), profile('b', 3, 90, 120), profile('c', 1, 20, 200, { timeZone: null }), profile('p', 0, 0, 0, { orderCount: 0, totalSpent: 0 })];

	test('too little data: rule-based figures on every item, each saying why', async () => {
		const r = await runWorkflow(lifetimeOnly({ model: 'paretoNbd', horizonDays: 180, outputField: 'predicted' }), { pinData: { Profiles: pinned(small) } });
		expect(r.error).toBeUndefined();
		const out = r.output('Customer Lifetime');
		expect(out).toHaveLength(4);
		expect(out.map((i) => itemsOf(i)[0])).toEqual([0, 1, 2, 3]);
		const b = out[1].json.predicted as IDataObject;
		expect(b).toMatchObject({ horizonDays: 180, dataSufficiency: { sufficient: false, purchaseModel: 'rules', spendModel: 'average order value' } });
		expect((b.dataSufficiency as IDataObject).reasons).toContain('Only 3 customers have bought; the model needs at least 500 (Minimum Buyers)');
		// b: gap 30 days, last purchase 30 days ago -> active; next order = as-of + 0 gaps -> last + 2 gaps... = 30 days after last
		expect(b.pAlive).toBe(1);
		expect(b.expectedNextOrderAt).toBe('2025-07-30T00:00:00.000-04:00');
		// c has no zone of its own: the workflow's
		expect((out[2].json.predicted as IDataObject).expectedNextOrderAt).toMatch(/\+02:00$/);
		expect(out[3].json.predicted).toMatchObject({ churnRisk: 'prospect', pAlive: 0, expectedNextOrderAt: null, rfm: { group: 'Prospects', score: '000' } });
		const fit = r.output('Customer Lifetime', 1)[0].json;
		expect(fit).toMatchObject({ purchaseModel: 'rules', requestedModel: 'Pareto/NBD', parameters: null, buyers: 3, prospects: 1 });
	});

	test('bad input stops the node with the item, field and value named', async () => {
		const bad = [...small, profile('x', -2, 0, 10, { orderCount: 1 })];
		const r = await runWorkflow(lifetimeOnly(), { pinData: { Profiles: pinned(bad) } });
		expect(r.error?.message).toBe('Repeat Purchases -2 cannot be negative');
		expect(r.error?.description).toBe('Item 4, field "Repeat Purchases", value -2. Map it to the number of repeat purchase days (Customer Profiles: frequency)');
	});

	test('with Continue on error the bad item becomes an error item in its place; the rest are scored', async () => {
		const bad = [profile('a', 0, 0, 50), profile('x', 1, 60, 30), profile('b', 3, 90, 120)];
		const r = await runWorkflow(lifetimeOnly({}, { onError: 'continueRegularOutput' }), { pinData: { Profiles: pinned(bad) } });
		expect(r.error).toBeUndefined();
		const out = r.output('Customer Lifetime');
		expect(out).toHaveLength(3);
		expect(out[1].json).toEqual({ error: 'Days From First to Last Purchase 60 is more than Days Since First Purchase (30)', field: 'Days From First to Last Purchase', value: 60 });
		expect(itemsOf(out[1])).toEqual([1]);
		expect(out[0].json.lifetime).toBeDefined();
		expect(out[2].json.lifetime).toBeDefined();
		expect(r.output('Customer Lifetime', 1)[0].json.buyers).toBe(2);
	});

	test('with "Continue (using error output)" the bad item goes to the error output, the others stay in order', async () => {
		const bad = [profile('a', 0, 0, 50), profile('x', 1, 60, 30), profile('b', 3, 90, 120)];
		const r = await runWorkflow(lifetimeOnly({}, { onError: 'continueErrorOutput' }), { pinData: { Profiles: pinned(bad) } });
		expect(r.error).toBeUndefined();
		const outs = r.outputs('Customer Lifetime');
		expect(outs).toHaveLength(3);
		expect(outs[0].map((i) => i.json.customerKey)).toEqual(['a', 'b']);
		expect(outs[1]).toHaveLength(1);
		expect(outs[2]).toHaveLength(1);
		expect(outs[2][0].json).toMatchObject({
			error: 'Days From First to Last Purchase 60 is more than Days Since First Purchase (30)',
			details: { field: 'Days From First to Last Purchase', value: 60 },
		});
		expect(itemsOf(outs[2][0])).toEqual([1]);
	});

	test('mapped fields: an expression and another field name', async () => {
		const rows = [{ repeat: 2, firstToLast: 40, sinceFirst: 100, orders: 3, spent: 90, avgRepeat: 30, snapshot: '2025-06-30' }];
		const r = await runWorkflow(
			lifetimeOnly({
				customerFields: {
					frequency: '={{ $json.repeat }}',
					recencyDays: '={{ $json.firstToLast }}',
					ageDays: '={{ $json.sinceFirst }}',
					orderCount: '={{ $json.orders }}',
					totalSpent: '={{ $json.spent }}',
					meanRepeatSpend: '={{ $json.avgRepeat }}',
					asOf: '={{ $json.snapshot }}',
					timeZone: '={{ "Asia/Tokyo" }}',
				},
			}),
			{ pinData: { Profiles: pinned(rows) } },
		);
		expect(r.error).toBeUndefined();
		const l = r.output('Customer Lifetime')[0].json.lifetime as IDataObject;
		// gap 20 days, last purchase 60 days ago: P = exp(-(60 - 20) / 20)
		expect(l.pAlive).toBeCloseTo(Math.exp(-2), 4);
		// last order + 3 gaps is the as-of day itself, so the next is + 4 gaps: 20 days after 2025-06-30
		expect(l.expectedNextOrderAt).toBe('2025-07-20T00:00:00.000+09:00');
		expect(l.expectedOrderValue).toBe(30);
	});

	test('a bad setting names the parameter', async () => {
		const r = await runWorkflow(lifetimeOnly({ options: { highRiskBelow: 0.9, lowRiskFrom: 0.5 } }), { pinData: { Profiles: pinned(small) } });
		expect(r.error?.message).toBe('High Churn Risk Below 0.9 is not allowed: must not be above Low Churn Risk From');
	});
});
