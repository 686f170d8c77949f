/**
 * What each shipped template must produce in n8n, beyond "the same as in-process": per-list counts and a few exact
 * items. The templates run unchanged, so Sample Orders ends its history today and Customer Profiles describes today;
 * the history is generated relative to that day, so these values are the same on every day (checked for end dates
 * from 2025-06-30 to 2027-02-28). Values that depend on the clock (a "last 12 months" filter against $now, due-now
 * sends) are checked as relations instead. A template without an entry here fails the suite: add one.
 */
import { expect } from '@jest/globals';

export type Outputs = (nodeName: string) => Array<Array<{ json: Record<string, unknown> }>>;

const keysOf = (item: { json: Record<string, unknown> }) =>
	(item.json.segments as Array<{ key: string }>).map((s) => s.key);

export const expectations: Record<string, (outputs: Outputs) => void> = {
	'segment-order-history.json': (outputs) => {
		expect(outputs('Sample Orders').map((o) => o.length)).toEqual([1788]);
		expect(outputs('Customer Profiles').map((o) => o.length)).toEqual([300, 0]); // Customers, and the error output: empty
		// VIPs, Fans, Repeat Buyers, Coupon Users, Customers, Prospects, No List. Fans and the VIP referrers come from
		// the tags, reviews and referrals Customer Profiles keeps (Options → Fields to Keep).
		expect(outputs('Behavioral Segment').map((o) => o.length)).toEqual([167, 59, 154, 52, 298, 2, 0]);
		const [vips, fans, repeat, coupon, customers, prospects, noList] = outputs('Behavioral Segment');
		expect(vips[0].json).toMatchObject({ customerKey: 'C10191', email: 'carlos.lindqvist2@example.com', orderCount: 23, totalSpent: 995 });
		expect(keysOf(vips[0])).toEqual(['vips', 'fans', 'repeatBuyers', 'customers']);
		expect((vips[0].json.segments as Array<{ reason: string }>)[1].reason).toBe('reviewer: 9 reviews, average rating 4.8; tagged "fan"');
		expect((vips[0].json.segments as Array<{ reason: string }>)[2].reason).toBe('23 purchases, about every 33 days');
		// Every item on a list carries that list's label; nobody is on Customers and Prospects at once.
		for (const [list, key] of [[vips, 'vips'], [fans, 'fans'], [repeat, 'repeatBuyers'], [coupon, 'couponUsers'], [customers, 'customers'], [prospects, 'prospects']] as const) {
			expect(list.filter((item) => !keysOf(item).includes(key)).length).toBe(0);
		}
		expect(noList).toEqual([]);
		const customerKeys = new Set(customers.map((i) => i.json.customerKey));
		expect(prospects.filter((i) => customerKeys.has(i.json.customerKey))).toEqual([]);
		// Send Timing: every profile is either due now or scheduled, with a time and a reason.
		const [dueNow, scheduled] = outputs('Send Timing');
		expect(dueNow.length + scheduled.length).toBe(300);
		for (const item of [...dueNow, ...scheduled]) {
			expect(typeof item.json.nextSendAt).toBe('string');
			expect(typeof item.json.sendReason).toBe('string');
		}
	},
	'daily-segment-and-tag.json': (outputs) => {
		expect(outputs('Sample Orders').map((o) => o.length)).toEqual([1788]);
		const profiles = outputs('Customer Profiles')[0];
		// The filter keeps the orders of the last 12 months (against $now): most, not all, customers.
		expect(profiles.length).toBeGreaterThan(150);
		expect(profiles.length).toBeLessThan(300);
		// Labelled mode: one output, every customer once, each with its labels (what Mailchimp gets as tags).
		const [all] = outputs('Behavioral Segment');
		expect(all.map((i) => i.json.customerKey)).toEqual(profiles.map((i) => i.json.customerKey));
		for (const item of all) expect(Array.isArray(item.json.segments)).toBe(true);
	},
	'daily-who-is-due.json': (outputs) => {
		expect(outputs('Sample Orders').map((o) => o.length)).toEqual([1788]);
		expect(outputs('Customer Profiles').map((o) => o.length)).toEqual([300, 0]); // Customers, and the error output: empty
		const [dueNow, scheduled] = outputs('Send Timing');
		expect(dueNow.length + scheduled.length).toBe(300);
		expect(dueNow.length).toBeGreaterThan(0);
		expect(scheduled.length).toBeGreaterThan(0);
	},
	'new-order-first-purchase.json': (outputs) => {
		// The example order is mats.moreau@example.com's: the sample node fetches that one customer's history.
		expect(outputs("Customer's Orders (Sample)").map((o) => o.length)).toEqual([1]);
		const [profiles, errors] = outputs('Customer Profiles');
		expect(errors ?? []).toEqual([]);
		expect(profiles.map((i) => i.json)).toEqual([
			expect.objectContaining({ customerKey: 'C10004', email: 'mats.moreau@example.com', orderCount: 1, totalSpent: 24 }),
		]);
		// A first purchase: the If sends it to the true branch (away from onboarding mail).
		expect(outputs('First Purchase?').map((o) => o.length)).toEqual([1, 0]);
	},
	'predict-churn-and-value.json': (outputs) => {
		// 600 sample customers (592 buyers, above Minimum Buyers 500): BG/NBD and Gamma-Gamma fit, no rules fallback.
		expect(outputs('Customer Profiles').map((o) => o.length)).toEqual([600, 0]);
		const [scored, fit] = outputs('Customer Lifetime');
		expect(scored.length).toBe(600);
		expect(fit.length).toBe(1);
		expect(fit[0].json).toMatchObject({ purchaseModel: 'BG/NBD', buyers: 592, prospects: 8, converged: true, dataSufficiency: { sufficient: true } });
		expect(outputs('Model Fit').map((o) => o.length)).toEqual([1]);
		for (const item of scored) {
			expect((item.json.lifetime as { dataSufficiency: Record<string, unknown> }).dataSufficiency).toMatchObject({ purchaseModel: 'BG/NBD', spendModel: 'Gamma-Gamma' });
		}
		// At Risk, Can't Lose, Likely to Buy Soon, No List ("within 30 days" counts from $today, so it is the same every day).
		expect(outputs('Behavioral Segment').map((o) => o.length)).toEqual([32, 10, 55, 503]);
		const [atRisk, cantLose, soon] = outputs('Behavioral Segment');
		expect(cantLose[0].json).toMatchObject({
			customerKey: 'C10415',
			email: 'tara.patel2@example.com',
			orderCount: 6,
			totalSpent: 3255,
			lifetime: { pAlive: 0.5666, churnRisk: 'medium', expectedOrderValue: 476.08, predictedLifetimeValue: 759.38 },
		});
		expect(keysOf(cantLose[0])).toEqual(["Can't Lose"]);
		for (const [list, key] of [[atRisk, 'At Risk'], [cantLose, "Can't Lose"], [soon, 'Likely to Buy Soon']] as const) {
			expect(list.filter((item) => !keysOf(item).includes(key)).length).toBe(0);
		}
	},
};
