/**
 * The profile core alone (Orders built here, no reader, no n8n) against the published CDNOW summary. The same check
 * through the engine with the cdnow source lives in test/workflows/customerProfiles.test.ts.
 */
import fs from 'fs';
import path from 'path';
import type { Order } from '../../../core/model/order';
import { buildProfiles } from '../../../core/profiles';

const ROOT = path.resolve(__dirname, '../../..');
const cdnow = path.resolve(ROOT, '../shared/data/cdnow');
const maybe = fs.existsSync(cdnow) ? describe : describe.skip;
if (!fs.existsSync(cdnow)) console.log(`skipping the CDNOW golden test: ${cdnow} is absent (shared reference data)`);

maybe('CDNOW sample as of 1997-09-30 (core)', () => {
	test('frequency, recency, T in weeks and zbar match the published summary for all 2,357 customers', () => {
		const lines = fs.readFileSync(path.join(cdnow, 'CDNOW_sample.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim());
		const orders: Order[] = lines.map((line, i) => {
			const [, id, ymd, cds, dollars] = line.trim().split(/\s+/);
			return {
				customerKey: String(Number(id)),
				customerId: String(Number(id)),
				email: null,
				orderId: String(i),
				placedAt: Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8))),
				zone: null,
				total: Number(dollars),
				currency: '',
				discountAmount: 0,
				couponCodes: [],
				status: 'paid',
				refundedAmount: 0,
				quantity: Number(cds),
				products: [],
				sourceItem: i,
			};
		});
		const { profiles, errors } = buildProfiles(orders, { asOf: '1997-09-30', zone: 'UTC', keepZeroValue: true });
		expect(errors).toEqual([]);
		const got = new Map(profiles.map(({ profile: p }) => [p.customerKey, p]));
		const summary = fs.readFileSync(path.join(cdnow, 'cdnow_customers_summary.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
		const zbar = fs.readFileSync(path.join(cdnow, 'cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
		expect(summary).toHaveLength(2357);
		expect(zbar).toHaveLength(2357);
		expect(got.size).toBe(2357);
		const wrong: string[] = [];
		for (const row of summary) {
			const [id, f, r, T] = row.split(',').map(Number);
			const p = got.get(String(id));
			if (!p || p.frequency !== f || p.recencyWeeks !== r || p.ageWeeks !== T) wrong.push(`${row} -> ${p?.frequency},${p?.recencyWeeks},${p?.ageWeeks}`);
		}
		for (const row of zbar) {
			const [id, , , , z] = row.split(',').map(Number);
			const p = got.get(String(id));
			if (!p || p.meanRepeatSpend !== z) wrong.push(`zbar ${row} -> ${p?.meanRepeatSpend}`);
		}
		expect(wrong.slice(0, 10)).toEqual([]);
		expect(got.get('1')).toMatchObject({ frequency: 2, recencyWeeks: 30.43, ageWeeks: 38.86, meanRepeatSpend: 22.35, ordersAfterAsOf: 1 });
	});
});
