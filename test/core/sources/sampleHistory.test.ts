import { DateTime } from 'luxon';
import { InputError } from '../../../core/errors';
import { generateSampleHistory, type SampleHistoryOptions } from '../../../core/sources/sampleHistory';

const base: SampleHistoryOptions = { customers: 300, seed: 1, endDate: '2025-06-30', zone: 'Europe/Berlin', currency: 'EUR' };
const history = generateSampleHistory(base);

describe('sample history', () => {
	test('is deterministic: same options give the same history, another seed another one', () => {
		expect(generateSampleHistory({ ...base })).toEqual(history);
		const other = generateSampleHistory({ ...base, seed: 2 });
		expect(other.orders.length).not.toBe(history.orders.length);
		expect(other.orders[0]).not.toEqual(history.orders[0]);
	});

	test('has the expected size and mix at the default settings', () => {
		expect(history.orders.length).toBe(1788);
		expect(history.customers.length).toBe(324);
		const mix: Record<string, number> = {};
		for (const c of history.customers) mix[c.sampleBehaviour] = (mix[c.sampleBehaviour] ?? 0) + 1;
		expect(mix).toEqual({
			oneTimeBuyer: 90,
			occasionalBuyer: 30,
			couponHunter: 36,
			monthlyCycle: 36,
			quarterlyCycle: 24,
			bulkBuyer: 15,
			loyalRegular: 39,
			lapsed: 30,
			prospect: 24,
		});
	});

	test('covers two years up to the end of the end date, oldest first, in the zone with its offset', () => {
		const times = history.orders.map((o) => DateTime.fromISO(o.placedAt, { setZone: true }));
		expect(history.orders[0].placedAt).toBe('2023-07-02T09:02:00+02:00');
		expect(history.orders[history.orders.length - 1].placedAt).toBe('2025-06-29T14:58:00+02:00');
		for (let i = 1; i < times.length; i++) expect(times[i].toMillis()).toBeGreaterThanOrEqual(times[i - 1].toMillis());
		expect(times.every((t) => t >= DateTime.fromISO('2023-07-01T00:00', { zone: 'Europe/Berlin' }))).toBe(true);
		expect(times.every((t) => t < DateTime.fromISO('2025-07-01T00:00', { zone: 'Europe/Berlin' }))).toBe(true);
		// Winter orders carry +01:00, summer ones +02:00.
		expect(history.orders.some((o) => o.placedAt.endsWith('+01:00'))).toBe(true);
		expect(new Set(history.orders.map((o) => o.orderId)).size).toBe(history.orders.length);
		expect(history.orders[0].orderId).toBe('#1001');
	});

	test('order records have the Order Record field names and consistent money', () => {
		for (const o of history.orders) {
			expect(Object.keys(o)).toEqual(
				expect.arrayContaining(['customerId', 'email', 'orderId', 'placedAt', 'total', 'currency', 'discountAmount', 'couponCodes', 'status', 'refundedAmount', 'quantity', 'products']),
			);
			expect(o.currency).toBe('EUR');
			expect(o.total).toBeGreaterThan(0);
			expect(o.refundedAmount).toBeLessThanOrEqual(o.total);
			expect(o.discountAmount >= 0 && o.quantity >= 1).toBe(true);
			if (o.couponCodes.length) expect(o.discountAmount).toBeGreaterThan(0);
		}
	});

	test('shows each behaviour', () => {
		const ordersOf = (b: string) => history.orders.filter((o) => o.sampleBehaviour === b);
		const byCustomer = (b: string) => {
			const m = new Map<string, typeof history.orders>();
			for (const o of ordersOf(b)) {
				const k = o.customerId ?? o.email.toLowerCase();
				m.set(k, [...(m.get(k) ?? []), o]);
			}
			return [...m.values()];
		};
		// Coupon hunters: most orders use a code.
		const hunters = byCustomer('couponHunter');
		expect(hunters.length).toBe(36);
		expect(hunters.filter((os) => os.filter((o) => o.couponCodes.length).length / os.length >= 0.5).length).toBeGreaterThanOrEqual(30);
		// Salon-like: median gap about 30 days; fuel offers about 90.
		const medianGap = (os: typeof history.orders) => {
			const d = os.map((o) => DateTime.fromISO(o.placedAt, { setZone: true }).startOf('day'));
			const gaps = d.slice(1).map((x, i) => Math.round(x.diff(d[i], 'days').days)).sort((a, b) => a - b);
			return gaps[Math.floor(gaps.length / 2)];
		};
		for (const os of byCustomer('monthlyCycle')) expect(Math.abs(medianGap(os) - 30)).toBeLessThanOrEqual(4);
		for (const os of byCustomer('quarterlyCycle')) expect(Math.abs(medianGap(os) - 90)).toBeLessThanOrEqual(8);
		// VIP bulk buyers: 12+ units an order.
		expect(ordersOf('bulkBuyer').every((o) => o.quantity >= 12 && o.tags.includes('wholesale'))).toBe(true);
		// One-time buyers: one order each; some are guests keyed by e-mail.
		expect(byCustomer('oneTimeBuyer').every((os) => os.length === 1)).toBe(true);
		expect(ordersOf('oneTimeBuyer').filter((o) => o.customerId === null).length).toBe(23);
		// Lapsed: nothing in the last year.
		expect(ordersOf('lapsed').every((o) => o.placedAt < '2024-07')).toBe(true);
		// Refunds and cancellations.
		const statuses: Record<string, number> = {};
		for (const o of history.orders) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
		expect(statuses).toEqual({ paid: 1715, cancelled: 22, refunded: 25, partially_refunded: 26 });
		// Fans and referrers.
		expect(history.customers.filter((c) => c.reviewCount >= 3 && (c.averageRating ?? 0) >= 4.5).length).toBe(55);
		expect(history.customers.filter((c) => c.referralCount > 0).length).toBe(36);
	});

	test('one guest spells the e-mail two ways', () => {
		const lena = history.orders.filter((o) => o.email.toLowerCase() === 'lena.fischer@example.com');
		expect(lena.length).toBe(13);
		expect(lena.every((o) => o.customerId === null)).toBe(true);
		expect(new Set(lena.map((o) => o.email))).toEqual(new Set(['Lena.Fischer@Example.com', 'lena.fischer@example.com']));
	});

	test('prospects are customer records without orders', () => {
		const prospects = history.customers.filter((c) => c.sampleBehaviour === 'prospect');
		expect(prospects.length).toBe(24);
		expect(prospects.every((p) => p.orderCount === 0 && p.totalSpent === 0 && p.lastOrderAt === null)).toBe(true);
		const inOrders = new Set(history.orders.map((o) => o.email.toLowerCase()));
		expect(prospects.some((p) => inOrders.has(p.email.toLowerCase()))).toBe(false);
		// Every buyer's customer record counts their orders.
		const buyers = history.customers.filter((c) => c.sampleBehaviour !== 'prospect');
		expect(buyers.reduce((s, c) => s + c.orderCount, 0)).toBe(history.orders.length);
	});

	test('small and large counts work', () => {
		const one = generateSampleHistory({ ...base, customers: 1 });
		expect(one.customers.length).toBe(2);
		expect(one.orders.length).toBeGreaterThan(0);
		const eight = generateSampleHistory({ ...base, customers: 8 });
		expect(new Set(eight.customers.map((c) => c.sampleBehaviour)).size).toBe(9);
	});

	test.each([
		[{ customers: 0 }, 'Customers'],
		[{ customers: 2.5 }, 'Customers'],
		[{ seed: 1.5 }, 'Seed'],
		[{ endDate: '30/06/2025' }, 'End Date'],
		[{ endDate: '2025-02-30' }, 'End Date'],
		[{ zone: 'Mars/Base' }, 'Time Zone'],
		[{ currency: 'euro' }, 'Currency'],
	])('bad option %j is an InputError naming %s', (bad, field) => {
		let error: unknown;
		try {
			generateSampleHistory({ ...base, ...(bad as Partial<SampleHistoryOptions>) });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).field).toBe(field);
	});
});
