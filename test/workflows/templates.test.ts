/**
 * The shipped templates (templates/*.json, the files users import into n8n), run in-process through n8n's engine
 * from their Manual Trigger. n8n-nodes-base nodes are the harness's stand-ins here (harness/baseNodes.ts); the e2e
 * suite runs the same files in a real n8n.
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { loadPackageNodeTypes, PACKAGE_NAME, readWorkflow, ROOT, runWorkflow, type WorkflowJson } from '../../harness/engine';

const DIR = join(ROOT, 'templates');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const load = (f: string) => readWorkflow(join(DIR, f));
const ours = loadPackageNodeTypes();
const json = (items: INodeExecutionData[]) => items.map((i) => i.json);

describe('every template', () => {
	test('there are five', () => {
		expect(files).toEqual([
			'daily-segment-and-tag.json',
			'daily-who-is-due.json',
			'new-order-first-purchase.json',
			'predict-churn-and-value.json',
			'segment-order-history.json',
		]);
	});

	test.each(files)('%s is an n8n export: id, name, v1 order, a Manual Trigger, sticky notes, known node types', (f) => {
		const wf = load(f) as WorkflowJson & { id: string; active: boolean };
		expect(wf.id).toMatch(/^[A-Za-z0-9]{1,21}$/);
		expect(wf.active).toBe(false);
		expect(wf.settings?.executionOrder).toBe('v1');
		expect(wf.nodes.filter((n) => n.type === 'n8n-nodes-base.manualTrigger').length).toBe(1);
		expect(wf.nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote')).toBe(true);
		expect(new Set(wf.nodes.map((n) => n.name)).size).toBe(wf.nodes.length);
		for (const n of wf.nodes) {
			expect(n.type.startsWith(`${PACKAGE_NAME}.`) || n.type.startsWith('n8n-nodes-base.')).toBe(true);
			if (n.type.startsWith(`${PACKAGE_NAME}.`)) expect(ours[n.type]).toBeDefined();
		}
		for (const [from, c] of Object.entries(wf.connections)) {
			expect(wf.nodes.some((n) => n.name === from)).toBe(true);
			for (const out of c.main) for (const to of out ?? []) expect(wf.nodes.some((n) => n.name === to.node)).toBe(true);
		}
	});

	test.each(files)('%s sets only parameters our nodes have', (f) => {
		for (const n of load(f).nodes.filter((x) => x.type.startsWith(`${PACKAGE_NAME}.`))) {
			const props = (ours[n.type].description as { properties: INodeProperties[] }).properties;
			const check = (params: Record<string, unknown>, known: INodeProperties[], where: string) => {
				for (const [k, v] of Object.entries(params)) {
					const p = known.find((x) => x.name === k);
					expect(p ? `${where}${k}` : `unknown ${where}${k}`).toBe(`${where}${k}`);
					if (p?.type === 'collection' && v && typeof v === 'object') check(v as Record<string, unknown>, p.options as INodeProperties[], `${where}${k}.`);
				}
			};
			check(n.parameters as Record<string, unknown>, props, `${n.name}: `);
		}
	});
});

describe('running the templates from their Manual Trigger', () => {
	test('segment-order-history: lists and send times for the whole sample', async () => {
		const r = await runWorkflow(load('segment-order-history.json'), { timezone: 'Europe/Berlin' });
		expect(r.error).toBeUndefined();
		const profiles = r.output('Customer Profiles');
		expect(profiles.length).toBe(300);
		expect(r.output('Customer Profiles', 1)).toEqual([]);
		expect(r.outputs('Behavioral Segment').length).toBe(7);
		// Fields to Keep carries the sample's tags, reviews and referrals onto the profiles (whatever the end date):
		// 55 customers tagged "fan" plus 4 reviewers are Fans; the 36 referrers are all VIPs.
		expect(profiles.filter((i) => (i.json.tags as string[] | null)?.includes('fan')).length).toBe(55);
		expect(r.output('Behavioral Segment', 1).length).toBe(59);
		const referrers = profiles.filter((i) => (i.json.referralCount as number) > 0).map((i) => i.json.customerKey);
		expect(referrers.length).toBe(36);
		const vips = new Set(r.output('Behavioral Segment', 0).map((i) => i.json.customerKey));
		expect(referrers.filter((k) => !vips.has(k))).toEqual([]);
		const timed = [...r.output('Send Timing', 0), ...r.output('Send Timing', 1)];
		expect(timed.length).toBe(300);
		expect(timed.every((i) => typeof i.json.nextSendAt === 'string' && typeof i.json.sendReason === 'string')).toBe(true);
	});

	test('daily-segment-and-tag: last 12 months of orders, every customer labelled, Mailchimp (disabled) gets them all', async () => {
		const wf = load('daily-segment-and-tag.json');
		const r = await runWorkflow(wf, { timezone: 'Europe/Berlin' });
		expect(r.error).toBeUndefined();
		const all = r.output('Sample Orders');
		const recent = r.output('Last 12 Months');
		const yearAgo = DateTime.now().minus({ years: 1 }).toMillis();
		expect(recent.length).toBe(all.filter((i) => DateTime.fromISO(String(i.json.placedAt)).toMillis() >= yearAgo).length);
		expect(recent.length).toBeGreaterThan(500);
		expect(recent.length).toBeLessThan(all.length);
		const customers = r.output('Customer Profiles');
		const tagged = r.output('Tag in Mailchimp');
		expect(tagged.length).toBe(customers.length);
		expect(tagged.every((i) => Array.isArray(i.json.segments))).toBe(true);
		// Fans come from the kept tags and reviews: exactly the customers tagged "fan" or with 2+ reviews at 4.5+.
		const isFan = (j: IDataObject) =>
			Boolean((j.tags as string[] | null)?.includes('fan')) || ((j.reviewCount as number) >= 2 && (j.averageRating as number) >= 4.5);
		const fans = tagged.filter((i) => (i.json.segments as Array<{ key: string }>).some((s) => s.key === 'fans'));
		expect(fans.length).toBeGreaterThan(10);
		expect(fans.map((i) => i.json.customerKey)).toEqual(tagged.filter((i) => isFan(i.json)).map((i) => i.json.customerKey));
		expect(wf.nodes.find((n) => n.name === 'Tag in Mailchimp')?.disabled).toBe(true);
	});

	test('new-order-first-purchase: the example first-time buyer leaves onboarding; a returning customer does not', async () => {
		const first = await runWorkflow(load('new-order-first-purchase.json'), { timezone: 'Europe/Berlin' });
		expect(first.error).toBeUndefined();
		expect(json(first.output('Customer Profiles'))).toEqual([expect.objectContaining({ email: 'mats.moreau@example.com', orderCount: 1 })]);
		expect(json(first.output('Add First-Purchase Tag'))).toEqual([expect.objectContaining({ email: 'mats.moreau@example.com' })]);
		expect(first.run.data.resultData.runData['Returning Customer']).toBeUndefined();

		const again = await runWorkflow(load('new-order-first-purchase.json'), {
			timezone: 'Europe/Berlin',
			startNode: 'New Order',
			pinData: { 'New Order': [{ json: { body: { email: ' Lena.Fischer@Example.com' } } }] },
		});
		expect(again.error).toBeUndefined();
		const lena = json(again.output('Returning Customer'));
		expect(lena).toEqual([expect.objectContaining({ customerKey: 'lena.fischer@example.com', ordersRead: 13 })]);
		expect(again.run.data.resultData.runData['Remove Onboarding Tag']).toBeUndefined();
	});

	test('daily-who-is-due: due now to the mail node, the rest due before tomorrow one by one through Wait, soonest first', async () => {
		const r = await runWorkflow(load('daily-who-is-due.json'), { timezone: 'Europe/Berlin' });
		expect(r.error).toBeUndefined();
		const due = r.output('Send Timing', 0);
		const scheduled = r.output('Send Timing', 1);
		expect(due.length + scheduled.length).toBe(300);
		expect(r.output('Send Mail Now').length).toBe(due.length);
		const tomorrow = DateTime.now().plus({ days: 1 }).toMillis();
		const soon = scheduled.filter((i) => DateTime.fromISO(String(i.json.nextSendAtUtc)).toMillis() < tomorrow);
		expect(soon.length).toBeGreaterThan(0);
		expect(r.output('Due Before Tomorrow\'s Run').length).toBe(soon.length);
		const waits = r.run.data.resultData.runData['Wait Until Its Time'] ?? [];
		expect(waits.length).toBe(soon.length);
		const order = waits.map((w) => String(w.data?.main[0]?.[0].json.nextSendAtUtc));
		expect(order).toEqual([...order].sort());
		expect(r.run.data.resultData.runData['Send Mail At Its Time']?.length ?? 0).toBe(soon.length);
	});

	test('predict-churn-and-value: the models fit on 600 sample customers; the three lifetime lists are exactly their conditions', async () => {
		const wf = load('predict-churn-and-value.json');
		const r = await runWorkflow(wf, { timezone: 'Europe/Berlin' });
		expect(r.error).toBeUndefined();
		expect(r.output('Customer Profiles').length).toBe(600);
		expect(r.output('Customer Profiles', 1)).toEqual([]);
		const scored = r.output('Customer Lifetime');
		expect(scored.length).toBe(600);
		// 592 buyers clear Minimum Buyers (500): every customer has model figures, not the rules.
		const life = (j: IDataObject) => j.lifetime as IDataObject & { dataSufficiency: IDataObject };
		expect(scored.filter((i) => life(i.json).dataSufficiency.purchaseModel !== 'BG/NBD' || life(i.json).dataSufficiency.spendModel !== 'Gamma-Gamma').length).toBe(0);
		const fit = json(r.output('Model Fit'));
		expect(fit).toEqual([expect.objectContaining({ purchaseModel: 'BG/NBD', buyers: 592, prospects: 8, converged: true, dataSufficiency: { sufficient: true, reasons: [] } })]);
		// At Risk, Can't Lose, Likely to Buy Soon, No List: the lists do not overlap on this sample.
		const lists = r.outputs('Behavioral Segment');
		expect(lists.map((o) => o.length)).toEqual([32, 10, 55, 503]);
		const keys = (items: INodeExecutionData[]) => items.map((i) => i.json.customerKey);
		const in31Days = DateTime.now().setZone('Europe/Berlin').startOf('day').plus({ days: 31 }).toMillis();
		const atRisk = scored.filter((i) => life(i.json).churnRisk === 'high' && (i.json.totalSpent as number) >= 150);
		const cantLose = scored.filter((i) => (life(i.json).predictedLifetimeValue as number) >= 100 && life(i.json).churnRisk !== 'low');
		const soon = scored.filter(
			(i) => (life(i.json).pAlive as number) >= 0.7 && DateTime.fromISO(String(life(i.json).expectedNextOrderAt)).toMillis() < in31Days,
		);
		expect(keys(lists[0])).toEqual(keys(atRisk));
		expect(keys(lists[1])).toEqual(keys(cantLose));
		expect(keys(lists[2])).toEqual(keys(soon));
		// The most valuable drifting customer: churn risk medium, still predicted to spend 759.38 next year.
		expect(lists[1][0].json).toMatchObject({ customerKey: 'C10415', totalSpent: 3255, lifetime: { churnRisk: 'medium', predictedLifetimeValue: 759.38 } });
		expect(wf.nodes.find((n) => n.name === 'Tag in Mailchimp')?.disabled).toBe(true);
	});
});
