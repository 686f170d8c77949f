/**
 * The main job (npm run demo): the shipped template templates/segment-order-history.json run through n8n's engine
 * on the built-in history, and on real files beside the project (skipped when ../shared is absent).
 */
import { existsSync } from 'fs';
import { resolve } from 'path';
import { ROOT } from '../../harness/engine';
import { formatMainJob, runMainJob } from '../../scripts/main-job';

const shared = resolve(ROOT, '../shared/data');
const withShared = existsSync(shared) ? describe : describe.skip;
if (!existsSync(shared)) console.log(`Skipping the main job on real files: ${shared} is absent`);

const counts = (r: Awaited<ReturnType<typeof runMainJob>>) => Object.fromEntries(r.lists.map((l) => [l.name, l.members]));

describe('main job on the built-in history (end date 2025-06-30, UTC)', () => {
	let result: Awaited<ReturnType<typeof runMainJob>>;
	beforeAll(async () => {
		result = await runMainJob();
	});

	test('reads every generated order into 300 customers, none as an error', () => {
		expect(result.input.items).toBe(1788);
		expect(result.customers).toBe(300);
		expect(result.errors).toEqual({ count: 0, itemsAffected: 0, examples: [] });
		expect(result.asOf).toBe('2025-06-30');
		expect(result.planAt).toBe('2025-07-01T09:00:00Z');
	});

	test('files customers into the lists with exact counts and reasons', () => {
		// Fans: the 55 customers the generator tagged "fan" and 4 more with 2 reviews averaging 4.5 or more (kept by
		// Customer Profiles' Fields to Keep); VIPs: 10 of the 36 referrers are VIPs by referrals only.
		expect(counts(result)).toEqual({
			VIPs: 167,
			Fans: 59,
			'Repeat Buyers': 154,
			'Coupon Users': 52,
			Customers: 298,
			Prospects: 2,
			'No List': 0,
		});
		const coupon = result.lists.find((l) => l.name === 'Coupon Users');
		expect(coupon?.sampleReason).toBe('7 of 8 orders used a coupon or discount');
		expect(coupon?.share).toBeCloseTo(52 / 300, 10);
		expect(result.lists.find((l) => l.name === 'Fans')?.sampleReason).toBe('reviewer: 9 reviews, average rating 4.8; tagged "fan"');
	});

	test('plans the next sends: due now and scheduled, soonest first', () => {
		expect(result.timing.dueNow).toBe(215);
		expect(result.timing.scheduled).toBe(85);
		expect(result.timing.nextSends[0]).toEqual({
			customer: 'will.rossi@example.com',
			nextSendAt: '2025-07-01T10:00:00.000Z',
			sendReason: 'fixed cycle 30 d from last order 2025-06-04, 3 d lead',
		});
		const text = formatMainJob(result);
		expect(text).toContain('Next sends: 215 due now, 85 scheduled');
		expect(text).toMatch(/Coupon Users\s+52\s+17\.3%\s+7 of 8 orders used a coupon or discount/);
	});
});

withShared('main job on real files', () => {
	test('Shopify "Export orders" CSV: line items grouped, e-mail twins merged, orders without a customer reported', async () => {
		const r = await runMainJob({ file: resolve(shared, 'orders/shopify_orders_export_devstore_forezia.csv') });
		expect(r.input.source).toBe('shopifyCsv');
		expect(r.input.items).toBe(40);
		expect(r.asOf).toBe('2025-05-17');
		expect(r.customers).toBe(3);
		expect(counts(r)).toEqual({ VIPs: 2, Fans: 0, 'Repeat Buyers': 1, 'Coupon Users': 0, Customers: 3, Prospects: 0, 'No List': 0 });
		expect(r.errors.count).toBe(10);
		expect(r.errors.itemsAffected).toBe(22);
		expect(r.errors.examples[0]).toBe('Order #1001 has no customer: Email is empty and there is no customer id');
		expect(r.timing.dueNow + r.timing.scheduled).toBe(3);
	});

	test('CDNOW master (4 columns with header): 69,659 rows, 23,570 customers, end to end', async () => {
		const r = await runMainJob({ file: resolve(shared, 'cdnow/CDNOW_master.txt') });
		expect(r.input).toMatchObject({ source: 'cdnow', items: 69659, skippedLines: 1 });
		expect(r.asOf).toBe('1998-06-30');
		expect(r.customers).toBe(23570);
		expect(r.errors.count).toBe(0);
		expect(counts(r)).toEqual({ VIPs: 5562, Fans: 0, 'Repeat Buyers': 5085, 'Coupon Users': 0, Customers: 23502, Prospects: 68, 'No List': 0 });
		expect([r.timing.dueNow, r.timing.scheduled]).toEqual([21951, 1619]);
	});

	test('CDNOW sample (5 columns): the customer is the sample id', async () => {
		const r = await runMainJob({ file: resolve(shared, 'cdnow/CDNOW_sample.txt'), asOf: '1997-09-30' });
		expect(r.input).toMatchObject({ source: 'cdnow', items: 6919, kind: 'CDNOW transaction log (5 columns)' });
		expect(r.customers).toBe(2357);
	});
});
