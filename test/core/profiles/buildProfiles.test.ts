import { DateTime } from 'luxon';
import { InputError } from '../../../core/errors';
import type { Order } from '../../../core/model/order';
import { buildProfiles, customerZonesFromItems, round2 } from '../../../core/profiles';
import { testOrder } from './orders';

let nextItem = 0;
function order(customerKey: string, placedAt: string, patch: Partial<Order> = {}): Order {
	return testOrder(customerKey, DateTime.fromISO(placedAt, { zone: 'UTC' }).toMillis(), nextItem++, {
		email: customerKey.includes('@') ? customerKey : null,
		...patch,
	});
}
beforeEach(() => {
	nextItem = 0;
});

const base = { asOf: '2024-01-31', zone: 'UTC' };

describe('purchase days and gaps', () => {
	test('orders on one calendar day merge; gaps, frequency, recency, age and zbar follow the purchase days', () => {
		const orders = [
			order('ann', '2024-01-01T10:00:00Z', { total: 20 }),
			order('ann', '2024-01-01T18:00:00Z', { total: 5 }),
			order('ann', '2024-01-05T09:00:00Z', { total: 30 }),
			order('ann', '2024-01-15T09:00:00Z', { total: 12.5 }),
		];
		const { profiles, errors, ordersAfterAsOf } = buildProfiles(orders, base);
		expect(errors).toEqual([]);
		expect(ordersAfterAsOf).toBe(0);
		expect(profiles).toHaveLength(1);
		expect(profiles[0].sourceItems).toEqual([0, 1, 2, 3]);
		expect(profiles[0].profile).toEqual({
			customerKey: 'ann',
			customerId: null,
			email: null,
			currency: 'EUR',
			timeZone: 'UTC',
			firstPurchaseAt: '2024-01-01T10:00:00.000Z',
			lastPurchaseAt: '2024-01-15T09:00:00.000Z',
			firstPurchaseDate: '2024-01-01',
			lastPurchaseDate: '2024-01-15',
			orderCount: 4,
			purchaseDays: 3,
			ordersRead: 4,
			ordersAfterAsOf: 0,
			totalSpent: 67.5,
			averageOrderValue: 16.88,
			totalQuantity: 4,
			largestOrderQuantity: 1,
			discountedOrders: 0,
			discountedShare: 0,
			couponCodes: [],
			totalDiscount: 0,
			refundedOrders: 0,
			refundedAmount: 0,
			cancelledOrders: 0,
			products: [],
			gapCount: 2,
			medianGapDays: 7,
			meanGapDays: 7,
			asOf: '2024-01-31',
			frequency: 2,
			recencyDays: 14,
			recencyWeeks: 2,
			ageDays: 30,
			ageWeeks: 4.29,
			daysSinceLastPurchase: 16,
			meanRepeatSpend: 21.25,
		});
	});

	test('median of an even number of gaps is the mean of the middle two; orders out of time order are sorted', () => {
		const orders = [
			order('bo', '2024-01-20T00:00:00Z'),
			order('bo', '2024-01-01T00:00:00Z'),
			order('bo', '2024-01-02T00:00:00Z'),
			order('bo', '2024-01-04T00:00:00Z'),
			order('bo', '2024-01-10T00:00:00Z'),
		];
		const p = buildProfiles(orders, base).profiles[0];
		// days 1, 2, 4, 10, 20: gaps 1, 2, 6, 10
		expect(p.profile.medianGapDays).toBe(4);
		expect(p.profile.meanGapDays).toBe(4.75);
		expect(p.profile.firstPurchaseDate).toBe('2024-01-01');
		expect(p.profile.lastPurchaseAt).toBe('2024-01-20T00:00:00.000Z');
		expect(p.sourceItems).toEqual([0, 1, 2, 3, 4]);
	});

	test('orders out of time order: id, e-mail, zone and coupon codes come from the earliest orders, as if sorted', () => {
		const orders = [
			order('dee', '2024-01-20T12:00:00Z', { customerId: 'late-id', email: 'late@shop.com', zone: 'Asia/Tokyo', couponCodes: ['LATE'] }),
			order('dee', '2024-01-03T12:00:00Z', { email: 'early@shop.com', zone: 'America/New_York', couponCodes: ['EARLY'] }),
			order('dee', '2024-01-10T12:00:00Z', { customerId: 'mid-id', couponCodes: ['MID'] }),
		];
		const p = buildProfiles(orders, base).profiles[0];
		expect([p.profile.customerId, p.profile.email, p.profile.timeZone]).toEqual(['mid-id', 'early@shop.com', 'America/New_York']);
		expect(p.profile.couponCodes).toEqual(['EARLY', 'MID', 'LATE']);
		expect(p.profile.firstPurchaseAt).toBe('2024-01-03T07:00:00.000-05:00');
		expect(p.sourceItems).toEqual([0, 1, 2]);
	});

	test('a one-day customer has no gaps and frequency 0', () => {
		const p = buildProfiles([order('cy', '2024-01-10T12:00:00Z')], base).profiles[0].profile;
		expect([p.frequency, p.gapCount, p.medianGapDays, p.meanGapDays, p.recencyDays, p.ageDays, p.meanRepeatSpend]).toEqual([
			0, 0, null, null, 0, 21, 0,
		]);
	});

	test('a customer with many purchase days, then one with few: gaps of each as worked out by hand', () => {
		// 100 purchase days for "many" (more than the builder keeps room for at first, and past the small-list sort),
		// gaps 1..99 days in a scrambled order; then "few" with gaps 9, 3 and 5, who must not see any of them.
		const gaps = Array.from({ length: 99 }, (_g, k) => ((k * 37) % 99) + 1);
		let at = DateTime.fromISO('2000-01-01T12:00:00Z', { zone: 'UTC' });
		const orders = [order('many', at.toISO()!)];
		for (const g of gaps) {
			at = at.plus({ days: g });
			orders.push(order('many', at.toISO()!, { total: g }));
		}
		for (const day of ['01', '10', '13', '18']) orders.push(order('few', `2024-01-${day}T12:00:00Z`));
		const [many, few] = buildProfiles(orders, { ...base, asOf: '2024-01-31' }).profiles.map((p) => p.profile);
		const sorted = [...gaps].sort((a, b) => a - b);
		expect(sorted[49]).toBe(50);
		expect([many.purchaseDays, many.gapCount, many.medianGapDays, many.meanGapDays]).toEqual([100, 99, 50, 50]);
		expect(many.recencyDays).toBe(gaps.reduce((a, b) => a + b, 0));
		expect(many.meanRepeatSpend).toBe(50);
		expect([few.purchaseDays, few.medianGapDays, few.meanGapDays, few.recencyDays]).toEqual([4, 5, 5.67, 17]);
	});

	test('a clock that steps back over midnight: the day seen twice is one purchase day, days in calendar order', () => {
		// America/Goose_Bay left summer time at 00:01 local on 7 November 2010, back to 23:01 on the 6th.
		const zone = 'America/Goose_Bay';
		const at = ['2010-11-07T03:00:30Z', '2010-11-07T03:30:00Z', '2010-11-07T05:00:00Z'];
		expect(at.map((t) => DateTime.fromISO(t, { zone }).toISODate())).toEqual(['2010-11-07', '2010-11-06', '2010-11-07']);
		const orders = at.map((t, k) => order('gus', t, { zone, total: [10, 4, 6][k] }));
		const p = buildProfiles(orders, { ...base, asOf: '2010-11-30' }).profiles[0].profile;
		expect([p.firstPurchaseDate, p.lastPurchaseDate, p.purchaseDays, p.orderCount, p.frequency]).toEqual(['2010-11-06', '2010-11-07', 2, 3, 1]);
		// The first purchase day is the 6th (4.00), so the repeat spend is the 7th's 10 + 6.
		expect([p.medianGapDays, p.meanGapDays, p.meanRepeatSpend, p.totalSpent]).toEqual([1, 1, 16, 20]);
	});

	test('customers come out in order of first appearance, with their own items', () => {
		const orders = [order('a', '2024-01-01'), order('b', '2024-01-02'), order('a', '2024-01-03')];
		const { profiles } = buildProfiles(orders, base);
		expect(profiles.map((p) => [p.profile.customerKey, p.sourceItems])).toEqual([
			['a', [0, 2]],
			['b', [1]],
		]);
	});
});

describe('counted orders', () => {
	const mixed = () => [
		order('dee', '2024-01-02', { total: 40, discountAmount: 4, couponCodes: ['WELCOME10'], quantity: 3, products: ['Mug'] }),
		order('dee', '2024-01-03', { total: 25, status: 'cancelled' }),
		order('dee', '2024-01-04', { total: 30, status: 'refunded', refundedAmount: 30 }),
		order('dee', '2024-01-05', { total: 50, status: 'partially_refunded', refundedAmount: 20, couponCodes: ['WELCOME10', 'VIP'], quantity: 5, products: ['Mug', 'Tea'] }),
		order('dee', '2024-01-06', { total: 0 }),
		order('dee', '2024-01-07', { total: 15, status: 'failed' }),
		order('dee', '2024-01-08', { total: 18, refundedAmount: 18 }),
	];

	test('cancelled, failed, fully refunded and zero-value orders are left out; a partial refund counts net', () => {
		const p = buildProfiles(mixed(), base).profiles[0].profile;
		expect(p.ordersRead).toBe(7);
		expect(p.orderCount).toBe(2);
		expect(p.purchaseDays).toBe(2);
		expect(p.totalSpent).toBe(70);
		expect(p.averageOrderValue).toBe(35);
		expect(p.totalQuantity).toBe(8);
		expect(p.largestOrderQuantity).toBe(5);
		expect(p.discountedOrders).toBe(2);
		expect(p.discountedShare).toBe(1);
		expect(p.couponCodes).toEqual(['WELCOME10', 'VIP']);
		expect(p.totalDiscount).toBe(4);
		expect(p.products).toEqual(['Mug', 'Tea']);
		expect(p.refundedOrders).toBe(3);
		expect(p.refundedAmount).toBe(68);
		expect(p.cancelledOrders).toBe(1);
		expect(p.firstPurchaseDate).toBe('2024-01-02');
		expect(p.lastPurchaseDate).toBe('2024-01-05');
		expect(p.meanRepeatSpend).toBe(30);
	});

	test('each kind of left-out order can be kept', () => {
		const keepAll = buildProfiles(mixed(), { ...base, keepCancelled: true, keepRefunded: true, keepZeroValue: true }).profiles[0].profile;
		expect(keepAll.orderCount).toBe(7);
		expect(keepAll.purchaseDays).toBe(7);
		// net spend: 40 + 25 + 0 + 30 + 0 + 15 + 0
		expect(keepAll.totalSpent).toBe(110);
		expect(keepAll.lastPurchaseDate).toBe('2024-01-08');
		expect(buildProfiles(mixed(), { ...base, keepCancelled: true }).profiles[0].profile.orderCount).toBe(4);
		expect(buildProfiles(mixed(), { ...base, keepRefunded: true }).profiles[0].profile.orderCount).toBe(4);
		expect(buildProfiles(mixed(), { ...base, keepZeroValue: true }).profiles[0].profile.orderCount).toBe(3);
	});

	test('a customer with only left-out orders still gets a profile, with no purchases', () => {
		const { profiles } = buildProfiles([order('eve', '2024-01-02', { status: 'cancelled' })], base);
		expect(profiles).toHaveLength(1);
		const p = profiles[0].profile;
		expect([p.orderCount, p.purchaseDays, p.firstPurchaseAt, p.firstPurchaseDate, p.frequency, p.ageDays, p.daysSinceLastPurchase, p.cancelledOrders]).toEqual([
			0, 0, null, null, 0, 0, null, 1,
		]);
		expect(profiles[0].sourceItems).toEqual([0]);
	});

	test('discounted share counts a discount without a code and a code without a discount', () => {
		const p = buildProfiles(
			[
				order('fay', '2024-01-01', { discountAmount: 2 }),
				order('fay', '2024-01-02', { couponCodes: ['FREESHIP'] }),
				order('fay', '2024-01-03'),
			],
			base,
		).profiles[0].profile;
		expect(p.discountedOrders).toBe(2);
		expect(p.discountedShare).toBe(0.6667);
	});
});

describe('as-of date', () => {
	test('orders after the as-of day are not read but counted; the as-of day itself is read to its end', () => {
		const orders = [
			order('gus', '2024-01-01T08:00:00Z'),
			order('gus', '2024-01-31T23:59:59Z', { total: 7 }),
			order('gus', '2024-02-01T00:00:00Z', { total: 1000 }),
			order('hal', '2024-03-01T00:00:00Z'),
		];
		const { profiles, ordersAfterAsOf, errors } = buildProfiles(orders, base);
		expect(errors).toEqual([]);
		expect(ordersAfterAsOf).toBe(2);
		const gus = profiles[0];
		expect(gus.profile.ordersRead).toBe(2);
		expect(gus.profile.ordersAfterAsOf).toBe(1);
		expect(gus.profile.totalSpent).toBe(17);
		expect(gus.profile.recencyDays).toBe(30);
		expect(gus.profile.daysSinceLastPurchase).toBe(0);
		expect(gus.sourceItems).toEqual([0, 1, 2]);
		const hal = profiles[1];
		expect([hal.profile.ordersRead, hal.profile.ordersAfterAsOf, hal.profile.orderCount, hal.profile.firstPurchaseDate]).toEqual([0, 1, 0, null]);
		expect(hal.sourceItems).toEqual([3]);
	});

	test('a bad as-of date or zone is an InputError naming the option', () => {
		expect(() => buildProfiles([], { asOf: '2024-02-30', zone: 'UTC' })).toThrow(new InputError('The as-of date "2024-02-30" is not a date like 1997-09-30', 'As Of', ''));
		try {
			buildProfiles([], { asOf: '2024-02-01', zone: 'Mars/Olympus' });
			throw new Error('no error');
		} catch (e) {
			expect(e).toBeInstanceOf(InputError);
			expect((e as InputError).field).toBe('Orders Time Zone');
			expect((e as InputError).message).toBe('The time zone "Mars/Olympus" is not an IANA time zone such as "Europe/Berlin"');
		}
	});
});

describe('currencies', () => {
	test('a customer paying in two currencies is an error naming the customer, the currencies and every item', () => {
		const orders = [
			order('ivy@shop.com', '2024-01-01', { currency: 'EUR' }),
			order('jon', '2024-01-01', { currency: 'USD' }),
			order('ivy@shop.com', '2024-01-02', { currency: 'USD' }),
			order('ivy@shop.com', '2024-01-03', { currency: '' }),
		];
		const { profiles, errors } = buildProfiles(orders, base);
		expect(profiles.map((p) => p.profile.customerKey)).toEqual(['jon']);
		expect(errors).toHaveLength(1);
		expect(errors[0].message).toBe('Customer "ivy@shop.com" has orders in several currencies (EUR, USD)');
		expect(errors[0].field).toBe('currency');
		expect(errors[0].value).toEqual(['EUR', 'USD']);
		expect(errors[0].itemIndexes).toEqual([0, 2, 3]);
	});

	test('keeping currencies apart gives one profile per customer and currency', () => {
		const orders = [
			order('ivy', '2024-01-01', { currency: 'EUR', total: 10 }),
			order('ivy', '2024-01-02', { currency: 'USD', total: 20 }),
			order('ivy', '2024-01-03', { currency: 'EUR', total: 30 }),
		];
		const { profiles, errors } = buildProfiles(orders, { ...base, keepCurrenciesApart: true });
		expect(errors).toEqual([]);
		expect(profiles.map((p) => [p.profile.customerKey, p.profile.currency, p.profile.totalSpent, p.sourceItems])).toEqual([
			['ivy', 'EUR', 40, [0, 2]],
			['ivy', 'USD', 20, [1]],
		]);
	});

	test('an order without a currency agrees with the customer\'s currency', () => {
		const { profiles, errors } = buildProfiles([order('kim', '2024-01-01', { currency: '' }), order('kim', '2024-01-02', { currency: 'GBP' })], base);
		expect(errors).toEqual([]);
		expect(profiles[0].profile.currency).toBe('GBP');
	});
});

describe('time zones', () => {
	test('an order at 23:30 UTC falls on the next day in Europe/Berlin', () => {
		const orders = [order('lea', '2024-03-09T23:30:00Z'), order('max', '2024-03-09T23:30:00Z')];
		const { profiles } = buildProfiles(orders, { asOf: '2024-03-31', zone: 'UTC', customerZones: new Map([['lea', 'Europe/Berlin']]) });
		const [lea, max] = profiles.map((p) => p.profile);
		expect(lea.timeZone).toBe('Europe/Berlin');
		expect(lea.firstPurchaseDate).toBe('2024-03-10');
		expect(lea.firstPurchaseAt).toBe('2024-03-10T00:30:00.000+01:00');
		expect(lea.ageDays).toBe(21);
		expect(max.timeZone).toBe('UTC');
		expect(max.firstPurchaseDate).toBe('2024-03-09');
		expect(max.ageDays).toBe(22);
	});

	test('same-day merge happens in the customer\'s zone, and the default zone applies to everyone else', () => {
		// 22:30 and 23:30 UTC on 9 March: one day in UTC, two days in Berlin (23:30 and 00:30).
		const orders = [order('ned', '2024-03-09T22:30:00Z'), order('ned', '2024-03-09T23:30:00Z')];
		expect(buildProfiles(orders, { asOf: '2024-03-31', zone: 'UTC' }).profiles[0].profile.purchaseDays).toBe(1);
		expect(buildProfiles(orders, { asOf: '2024-03-31', zone: 'Europe/Berlin' }).profiles[0].profile.purchaseDays).toBe(2);
	});

	test('the as-of day ends at midnight in the customer\'s zone', () => {
		const orders = [order('oli', '2024-03-01T00:00:00Z'), order('oli', '2024-03-31T23:30:00Z')];
		const utc = buildProfiles(orders, { asOf: '2024-03-31', zone: 'UTC' }).profiles[0].profile;
		const berlin = buildProfiles(orders, { asOf: '2024-03-31', zone: 'Europe/Berlin' }).profiles[0].profile;
		expect([utc.ordersRead, utc.ordersAfterAsOf]).toEqual([2, 0]);
		expect([berlin.ordersRead, berlin.ordersAfterAsOf]).toEqual([1, 1]);
	});

	test('the zone a source stated on an order is used when the customer has none of their own', () => {
		const o = order('pam', '2024-03-09T23:30:00Z', { zone: 'Asia/Tokyo' });
		const p = buildProfiles([o], { asOf: '2024-03-31', zone: 'UTC' }).profiles[0].profile;
		expect([p.timeZone, p.firstPurchaseDate, p.firstPurchaseAt]).toEqual(['Asia/Tokyo', '2024-03-10', '2024-03-10T08:30:00.000+09:00']);
	});

	test('customer zones read from items: first valid zone wins, an invalid one is an error on all the order\'s items', () => {
		const a = order('q', '2024-01-01');
		const b = { ...order('q', '2024-01-02'), sourceItems: [1, 2] };
		const c = { ...order('r', '2024-01-03'), sourceItem: 3 };
		const zones: Record<number, unknown> = { 0: 'America/New_York', 1: 'Europe/Paris', 2: 'Mars/Base', 3: undefined };
		const r = customerZonesFromItems([a, b, c], (i) => zones[i]);
		expect([...r.customerZones]).toEqual([['q', 'America/New_York']]);
		expect(r.orders).toEqual([a, c]);
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0].message).toBe('The customer time zone "Mars/Base" is not an IANA time zone such as "Europe/Berlin"');
		expect(r.errors[0].itemIndexes).toEqual([1, 2]);
	});
});

describe('defensive checks', () => {
	test('an order with a NaN or negative total, no key or no date is an error with its items, the rest go on', () => {
		const orders = [
			order('s', '2024-01-01', { total: NaN }),
			order('s', '2024-01-02', { total: -5 }),
			order('', '2024-01-03'),
			{ ...order('s', '2024-01-04'), placedAt: NaN },
			order('s', '2024-01-05'),
		];
		const { profiles, errors } = buildProfiles(orders, base);
		expect(errors.map((e) => [e.field, e.itemIndexes])).toEqual([
			['total', [0]],
			['total', [1]],
			['customer', [2]],
			['placedAt', [3]],
		]);
		expect(profiles.map((p) => p.sourceItems)).toEqual([[4]]);
		expect(errors[0].message).toBe('Order "#0" has total NaN, not an amount of 0 or more');
	});

	test('an order without an order number (a CDNOW row) is named by its item; a multi-item order lists all items', () => {
		const orders = [
			order('t', '2024-01-01', { orderId: '', total: -1 }),
			order('t', '2024-01-02', { orderId: '', sourceItem: 1, sourceItems: [1, 2], placedAt: NaN }),
		];
		const { errors } = buildProfiles(orders, base);
		expect(errors.map((e) => [e.message, e.itemIndexes])).toEqual([
			['The order in item 0 has total -1, not an amount of 0 or more', [0]],
			['The order in item 1 has no valid order date', [1, 2]],
		]);
	});

	test('round2 rounds half up on the decimal value', () => {
		expect(round2((29.73 + 14.96) / 2)).toBe(22.35);
		expect(round2(30.428571)).toBe(30.43);
		expect(round2(0)).toBe(0);
	});
});
