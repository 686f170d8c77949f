import { quintileScores, RFM_GRID, RFM_GROUPS, rfmGroup, scoreRfm } from '../../../core/lifetime/rfm';

describe('RFM quintile scores', () => {
	test('ten distinct values: two per quintile', () => {
		const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
		const s = quintileScores(values, values.map((_v, i) => i), false);
		expect(values.map((_v, i) => s.get(i))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
	});

	test('equal values always get equal scores (mid-rank rule)', () => {
		// 6 of 10 customers have one order: their mid-rank share is 3/10 -> score 2
		const orders = [1, 1, 1, 1, 1, 1, 2, 2, 3, 9];
		const s = quintileScores(orders, orders.map((_v, i) => i), false);
		expect(orders.map((_v, i) => s.get(i))).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
	});

	test('recency: fewer days since the last purchase is better, more days never a higher R', () => {
		const days = [400, 3, 3, 90, 30, 200, 30, 1, 365, 60, 60, 60];
		const idx = days.map((_v, i) => i);
		const s = quintileScores(days, idx, true);
		for (const i of idx) for (const j of idx) if (days[i] > days[j]) expect(s.get(i)!).toBeLessThanOrEqual(s.get(j)!);
		expect(s.get(7)).toBe(5); // 1 day
		expect(s.get(0)).toBe(1); // 400 days
		expect(s.get(4)).toBe(s.get(6)); // both 30 days
	});

	test('property: monotone and tie-consistent on random batches', () => {
		let seed = 7;
		const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		for (let trial = 0; trial < 50; trial++) {
			const n = 1 + Math.floor(rand() * 40);
			const v = Array.from({ length: n }, () => Math.floor(rand() * 8));
			const idx = v.map((_x, i) => i);
			const s = quintileScores(v, idx, false);
			for (const i of idx) {
				expect(s.get(i)).toBeGreaterThanOrEqual(1);
				expect(s.get(i)).toBeLessThanOrEqual(5);
				for (const j of idx) {
					if (v[i] === v[j]) expect(s.get(i)).toBe(s.get(j));
					if (v[i] < v[j]) expect(s.get(i)!).toBeLessThanOrEqual(s.get(j)!);
				}
			}
		}
	});
});

describe('RFM groups (R x FM grid, FM = ceil((F + M) / 2))', () => {
	test('the grid uses every Shopify group but Prospects, and corners are what the names say', () => {
		const used = new Set(RFM_GRID.flat());
		expect([...used].sort()).toEqual(RFM_GROUPS.filter((g) => g !== 'Prospects').sort());
		expect(rfmGroup(5, 5, 5)).toBe('Champions');
		expect(rfmGroup(5, 1, 1)).toBe('New');
		expect(rfmGroup(4, 1, 2)).toBe('Promising');
		expect(rfmGroup(4, 3, 3)).toBe('Active');
		expect(rfmGroup(3, 5, 4)).toBe('Loyal'); // FM = ceil(4.5) = 5
		expect(rfmGroup(3, 2, 3)).toBe('Needs attention');
		expect(rfmGroup(2, 1, 2)).toBe('Almost lost');
		expect(rfmGroup(2, 4, 4)).toBe('At risk');
		expect(rfmGroup(1, 5, 5)).toBe('Previously loyal');
		expect(rfmGroup(1, 1, 1)).toBe('Dormant');
		expect(rfmGroup(0, 0, 0)).toBe('Prospects');
	});

	test('a batch: prospects are not scored and do not shift the buyers\' quintiles', () => {
		const rows = [
			{ buyer: true, daysSinceLastPurchase: 2, orderCount: 9, totalSpent: 900 },
			{ buyer: true, daysSinceLastPurchase: 300, orderCount: 1, totalSpent: 20 },
			{ buyer: false, daysSinceLastPurchase: 0, orderCount: 0, totalSpent: 0 },
		];
		const out = scoreRfm(rows);
		expect(out[0]).toEqual({ recency: 4, frequency: 4, monetary: 4, score: '444', group: 'Loyal' });
		expect(out[1]).toEqual({ recency: 2, frequency: 2, monetary: 2, score: '222', group: 'Almost lost' });
		expect(out[2]).toEqual({ recency: 0, frequency: 0, monetary: 0, score: '000', group: 'Prospects' });
	});
});
