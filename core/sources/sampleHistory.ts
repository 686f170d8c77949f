/**
 * A built-in, generated order history, so every template runs with no shop account and no network.
 *
 * The history is deterministic: the same seed, customer count, end date, zone and currency give the same orders,
 * byte for byte (a small seeded PRNG, no Math.random, no clock). It covers two years up to the end date and mixes
 * the behaviours the lists and send timing are built for:
 * - one-time buyers and occasional (two-order) buyers; some one-time buyers check out as guests (no customer id);
 * - coupon hunters (most of their orders use a code);
 * - salon-like customers who come back about every 30 days, and fuel-offer customers about every 90 days;
 * - VIP bulk buyers (12-48 units an order) and loyal regulars;
 * - lapsed customers who bought in the first months and stopped;
 * - a few cancelled, refunded and partly refunded orders;
 * - one guest whose e-mail arrives both capitalised and lower-case (`Lena.Fischer@Example.com`), one person;
 * - customer-level fields a CRM or review tool would hold: tags, reviewCount, averageRating, referralCount,
 *   acceptsMarketing (repeated on each of the customer's orders, the way a flattened export carries them);
 * - prospects: people who signed up and never bought. They have no orders, so they appear only in the customer
 *   records (`sampleCustomers`), never in the order history.
 *
 * Order records use the field names the "Order Record" source reads (customerId, email, orderId, placedAt, total,
 * currency, discountAmount, couponCodes, status, refundedAmount, quantity, products).
 */
import { DateTime } from 'luxon';
import { InputError } from '../errors';
import { isValidZone } from '../time/dates';
import type { OrderStatus } from '../model/order';

export type SampleBehaviour =
	| 'oneTimeBuyer'
	| 'occasionalBuyer'
	| 'couponHunter'
	| 'monthlyCycle'
	| 'quarterlyCycle'
	| 'bulkBuyer'
	| 'loyalRegular'
	| 'lapsed'
	| 'prospect';

export interface SampleHistoryOptions {
	/** Customers who buy (prospects come on top: about 8 % more, in customer records only). 1 .. 100,000. */
	customers: number;
	/** Any whole number; the same seed gives the same history. */
	seed: number;
	/** yyyy-MM-dd: the last day of the history (orders run to the end of that day in `zone`). */
	endDate: string;
	/** IANA zone the order times are written in. */
	zone: string;
	/** ISO 4217 code put on every order. */
	currency: string;
}

/** Customer-level fields, the same on each of the customer's orders. */
export interface SampleCustomerFields {
	customerId: string | null;
	email: string;
	firstName: string;
	lastName: string;
	acceptsMarketing: boolean;
	tags: string[];
	reviewCount: number;
	/** 1..5 with one decimal; null without reviews. */
	averageRating: number | null;
	referralCount: number;
	/** What the generator made this customer do (for reading the sample; not a list). */
	sampleBehaviour: SampleBehaviour;
}

export interface SampleOrderRecord extends SampleCustomerFields {
	orderId: string;
	/** ISO 8601 with the zone's offset, e.g. 2025-03-04T14:23:00+01:00. */
	placedAt: string;
	total: number;
	currency: string;
	discountAmount: number;
	couponCodes: string[];
	status: OrderStatus;
	refundedAmount: number;
	quantity: number;
	products: string[];
}

export interface SampleCustomerRecord extends SampleCustomerFields {
	/** ISO 8601 with offset: when the person signed up. */
	signedUpAt: string;
	currency: string;
	/** Orders in the history (all statuses), their total, first and last order time; 0 / null for prospects. */
	orderCount: number;
	totalSpent: number;
	firstOrderAt: string | null;
	lastOrderAt: string | null;
}

export interface SampleHistory {
	orders: SampleOrderRecord[];
	customers: SampleCustomerRecord[];
}

export const SAMPLE_LIMITS = { minCustomers: 1, maxCustomers: 100000, days: 730 } as const;

/** Share of buying customers per behaviour (sums to 1). */
const MIX: Array<[Exclude<SampleBehaviour, 'prospect'>, number]> = [
	['oneTimeBuyer', 0.3],
	['occasionalBuyer', 0.1],
	['couponHunter', 0.12],
	['monthlyCycle', 0.12],
	['quarterlyCycle', 0.08],
	['bulkBuyer', 0.05],
	['loyalRegular', 0.13],
	['lapsed', 0.1],
];
const PROSPECT_SHARE = 0.08;

const FIRST = [
	'Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Katie', 'Liam', 'Maria',
	'Noah', 'Olivia', 'Paul', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Umar', 'Vera', 'Will', 'Xenia', 'Yusuf', 'Zoe',
	'Amir', 'Bea', 'Carlos', 'Dana', 'Eli', 'Fatima', 'Georg', 'Hana', 'Ivan', 'Julia', 'Kofi', 'Lucia', 'Mats', 'Nina',
];
const LAST = [
	'Adams', 'Berger', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ivanova', 'Jensen', 'Klein',
	'Lopez', 'Martin', 'Novak', 'Okafor', 'Patel', 'Quist', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Vogel', 'Walsh',
	'Xu', 'Yilmaz', 'Zimmer', 'Andersen', 'Brown', 'Cohen', 'Diaz', 'Eriksen', 'Ferrari', 'Gomez', 'Horvat', 'Ito',
	'Kowalski', 'Lindqvist', 'Moreau', 'Nielsen', 'Olsen',
];

interface Product {
	name: string;
	price: number;
}
const SHOP: Product[] = [
	{ name: 'Organic Coffee Beans 1 kg', price: 24 },
	{ name: 'Espresso Cups (set of 4)', price: 32 },
	{ name: 'Milk Frother', price: 49 },
	{ name: 'Descaler', price: 12 },
	{ name: 'Cold Brew Kit', price: 39 },
	{ name: 'Ceramic Pour-over', price: 28 },
	{ name: 'Gift Card', price: 25 },
];
const SALON: Product[] = [
	{ name: 'Cut & Blow-dry', price: 45 },
	{ name: 'Colour Refresh', price: 65 },
	{ name: 'Treatment Mask', price: 25 },
];
const FUEL: Product[] = [
	{ name: 'Fuel Saver Bundle', price: 89 },
	{ name: 'Heating Oil Top-up 100 L', price: 119 },
];
const BULK: Product = { name: 'Office Coffee Case', price: 21 };
const COUPONS = ['SAVE15', 'FLASH20', 'SPRING10', 'BLACKFRIDAY25', 'FREESHIP'];
const COUPON_RATE: Record<string, number> = { SAVE15: 0.15, FLASH20: 0.2, SPRING10: 0.1, BLACKFRIDAY25: 0.25, FREESHIP: 0.05, WELCOME10: 0.1 };

/** mulberry32: a tiny, well-mixed 32-bit PRNG; returns [0, 1). */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Spreads any whole-number seed over 32 bits (so seeds 1 and 2 give unrelated histories). */
function hashSeed(seed: number): number {
	let h = 0x811c9dc5;
	const s = String(seed);
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

const cents = (x: number) => Math.round(x * 100) / 100;

/** Checks the options, in words a marketer understands. */
export function checkSampleOptions(options: SampleHistoryOptions): { end: DateTime } {
	const { customers, seed, endDate, zone, currency } = options;
	if (!Number.isInteger(customers) || customers < SAMPLE_LIMITS.minCustomers || customers > SAMPLE_LIMITS.maxCustomers) {
		throw new InputError(
			`Customers must be a whole number from ${SAMPLE_LIMITS.minCustomers} to ${SAMPLE_LIMITS.maxCustomers}, not ${customers}`,
			'Customers',
			customers,
			'Pick how many buying customers the sample should have, e.g. 300',
		);
	}
	if (!Number.isInteger(seed)) {
		throw new InputError(`Seed must be a whole number, not ${seed}`, 'Seed', seed, 'Any whole number works, e.g. 1');
	}
	if (!isValidZone(zone)) {
		throw new InputError(`Time zone ${JSON.stringify(zone)} is not an IANA time zone`, 'Time Zone', zone, 'Use a zone such as "Europe/Berlin"');
	}
	if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency.trim())) {
		throw new InputError(`Currency ${JSON.stringify(currency)} is not a three-letter code`, 'Currency', currency, 'Use an ISO code such as "EUR" or "USD"');
	}
	const end = DateTime.fromISO(String(endDate), { zone });
	if (typeof endDate !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(endDate) || !end.isValid) {
		throw new InputError(`End Date ${JSON.stringify(endDate)} is not a date`, 'End Date', endDate, 'Use a date such as 2025-06-30, or leave it empty for today');
	}
	return { end: end.startOf('day') };
}

interface Person extends SampleCustomerFields {
	index: number;
	signUpDay: number;
}

interface Draft {
	person: Person;
	day: number;
	minute: number;
	products: Product[];
	quantity: number;
	coupon: string | null;
	/** Bulk orders: units of one product. */
	bulk?: boolean;
}

/** How many customers get each behaviour: largest remainders, and at least one of each when there is room. */
function quotas(n: number): Array<Exclude<SampleBehaviour, 'prospect'>> {
	const raw = MIX.map(([b, share]) => ({ b, exact: share * n, count: Math.floor(share * n) }));
	if (n >= MIX.length) for (const r of raw) if (r.count === 0) r.count = 1;
	let left = n - raw.reduce((s, r) => s + r.count, 0);
	const byRemainder = [...raw].sort((x, y) => y.exact - Math.floor(y.exact) - (x.exact - Math.floor(x.exact)));
	for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) byRemainder[i].count++;
	for (let i = raw.length - 1; left < 0; i = (i - 1 + raw.length) % raw.length) {
		if (raw[i].count > 1) {
			raw[i].count--;
			left++;
		}
	}
	const out: Array<Exclude<SampleBehaviour, 'prospect'>> = [];
	for (const r of raw) for (let i = 0; i < r.count; i++) out.push(r.b);
	return out.slice(0, n);
}

/** Generates the sample history. Throws InputError for options out of range. */
export function generateSampleHistory(options: SampleHistoryOptions): SampleHistory {
	const { end } = checkSampleOptions(options);
	const { customers: n } = options;
	const currency = options.currency.trim().toUpperCase();
	const rnd = prng(hashSeed(options.seed));
	const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
	const chance = (p: number) => rnd() < p;
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const lastDay = SAMPLE_LIMITS.days - 1;
	const start = end.minus({ days: lastDay });

	// Who is who: behaviours shuffled over the customers.
	const behaviours = quotas(n);
	for (let i = behaviours.length - 1; i > 0; i--) {
		const j = Math.floor(rnd() * (i + 1));
		[behaviours[i], behaviours[j]] = [behaviours[j], behaviours[i]];
	}
	const prospects = Math.max(1, Math.round(n * PROSPECT_SHARE));
	const usedEmails = new Set<string>(['lena.fischer@example.com']);
	let twinMade = false;
	const people: Person[] = [];
	const all: Array<SampleBehaviour> = [...behaviours, ...Array<SampleBehaviour>(prospects).fill('prospect')];
	all.forEach((behaviour, index) => {
		let firstName = pick(FIRST);
		let lastName = pick(LAST);
		let email = `${firstName}.${lastName}@example.com`.toLowerCase();
		for (let k = 2; usedEmails.has(email); k++) email = `${firstName}.${lastName}${k}@example.com`.toLowerCase();
		let customerId: string | null = `C${10001 + index}`;
		if (behaviour === 'loyalRegular' && !twinMade) {
			// The mixed-case twin: a guest whose shop export spells the e-mail two ways.
			twinMade = true;
			firstName = 'Lena';
			lastName = 'Fischer';
			email = 'Lena.Fischer@Example.com';
			customerId = null;
		} else if (behaviour === 'oneTimeBuyer' && chance(0.25)) {
			customerId = null; // guest checkout: the e-mail is the key
		}
		usedEmails.add(email.toLowerCase());
		const acceptsMarketing = chance(0.7);
		people.push({
			index,
			customerId,
			email,
			firstName,
			lastName,
			acceptsMarketing,
			tags: [],
			reviewCount: 0,
			averageRating: null,
			referralCount: 0,
			sampleBehaviour: behaviour,
			signUpDay: 0,
		});
	});

	// Orders, as days from the start of the history.
	const drafts: Draft[] = [];
	const add = (person: Person, day: number, products: Product[], quantity: number, coupon: string | null, bulk = false) => {
		if (day < 0 || day > lastDay) return;
		drafts.push({ person, day, minute: int(7 * 60, 22 * 60 - 1), products, quantity, coupon, bulk });
	};
	const basket = (catalogue: Product[]) => {
		const lines = chance(0.7) ? 1 : int(2, 3);
		const out: Product[] = [];
		for (let i = 0; i < lines; i++) out.push(pick(catalogue));
		return out;
	};
	const welcome = () => (chance(0.2) ? 'WELCOME10' : null);
	for (const p of people) {
		switch (p.sampleBehaviour) {
			case 'oneTimeBuyer': {
				const b = basket(SHOP);
				add(p, int(0, lastDay), b, b.length, welcome());
				break;
			}
			case 'occasionalBuyer': {
				const d1 = int(0, lastDay - 60);
				const d2 = d1 + int(30, Math.min(300, lastDay - d1));
				const b1 = basket(SHOP);
				const b2 = basket(SHOP);
				add(p, d1, b1, b1.length, welcome());
				add(p, d2, b2, b2.length, null);
				break;
			}
			case 'couponHunter': {
				const count = int(4, 9);
				const from = int(0, 300);
				const days = new Set<number>();
				while (days.size < count) days.add(int(from, lastDay));
				for (const d of [...days].sort((x, y) => x - y)) {
					const b = basket(SHOP);
					add(p, d, b, b.length, chance(0.85) ? pick(COUPONS) : null);
				}
				break;
			}
			case 'monthlyCycle': {
				const cycle = int(28, 32);
				const lapses = chance(0.25) ? int(3, 8) : Infinity;
				for (let d = int(0, 400), k = 0; d <= lastDay && k < lapses; d += cycle + int(-2, 2), k++) {
					const b = [pick(SALON)];
					add(p, d, b, 1, null);
				}
				break;
			}
			case 'quarterlyCycle': {
				const cycle = int(86, 94);
				for (let d = int(0, 200); d <= lastDay; d += cycle + int(-4, 4)) add(p, d, [pick(FUEL)], 1, chance(0.1) ? 'FREESHIP' : null);
				break;
			}
			case 'bulkBuyer': {
				const count = int(4, 10);
				const from = int(0, 200);
				const days = new Set<number>();
				while (days.size < count) days.add(int(from, lastDay));
				for (const d of days) add(p, d, [BULK], int(12, 48), null, true);
				p.tags.push('wholesale');
				break;
			}
			case 'loyalRegular': {
				for (let d = int(0, 250); d <= lastDay; d += int(20, 80)) {
					const b = basket(SHOP);
					add(p, d, b, b.length, null);
				}
				break;
			}
			case 'lapsed': {
				const count = int(2, 4);
				for (let d = int(0, 150), k = 0; k < count; d += int(15, 60), k++) {
					const b = basket(SHOP);
					add(p, d, b, b.length, k === 0 ? welcome() : null);
				}
				break;
			}
			case 'prospect':
				break;
		}
	}

	// Orders per person, for the customer-level fields.
	const ordersOf = new Map<number, Draft[]>();
	for (const d of drafts) {
		const list = ordersOf.get(d.person.index);
		if (list) list.push(d);
		else ordersOf.set(d.person.index, [d]);
	}
	for (const p of people) {
		const own = ordersOf.get(p.index) ?? [];
		const firstDay = own.length ? Math.min(...own.map((d) => d.day)) : int(lastDay - 120, lastDay);
		p.signUpDay = Math.max(0, firstDay - (own.length ? int(0, 30) : 0));
		if (p.acceptsMarketing) p.tags.push('newsletter');
		if (p.sampleBehaviour === 'prospect') {
			p.tags.push('lead-magnet');
			continue;
		}
		if (own.length >= 3 && chance(0.3)) {
			// A fan: reviews often and rates highly.
			p.reviewCount = int(3, 12);
			p.averageRating = int(45, 50) / 10;
			p.tags.push('fan');
		} else if (chance(0.2)) {
			p.reviewCount = int(1, 2);
			p.averageRating = int(20, 50) / 10;
		}
		if (own.length >= 2 && chance(0.15)) {
			p.referralCount = int(1, 5);
			p.tags.push('referrer');
		}
		p.tags.sort();
	}

	// Shape the orders, oldest first, with shop-like order numbers.
	const at = (day: number, minute: number) => start.plus({ days: day }).set({ hour: Math.floor(minute / 60), minute: minute % 60 });
	drafts.sort((x, y) => x.day - y.day || x.minute - y.minute || x.person.index - y.person.index);
	let twinOrders = 0;
	const orders: SampleOrderRecord[] = drafts.map((d, i) => {
		const subtotal = d.bulk ? d.products[0].price * d.quantity : d.products.reduce((s, pr) => s + pr.price, 0);
		const discountAmount = d.coupon ? cents(subtotal * COUPON_RATE[d.coupon]) : d.bulk && d.quantity >= 24 ? cents(subtotal * 0.1) : 0;
		const total = cents(subtotal - discountAmount);
		let status: OrderStatus = 'paid';
		let refundedAmount = 0;
		const r = rnd();
		if (r < 0.012) status = 'cancelled';
		else if (r < 0.03) {
			status = 'refunded';
			refundedAmount = total;
		} else if (r < 0.045) {
			status = 'partially_refunded';
			refundedAmount = cents(total * int(20, 50) / 100);
		}
		const p = d.person;
		// The twin's shop export spells the e-mail two ways.
		const twin = p.customerId === null && p.email === 'Lena.Fischer@Example.com';
		const email = twin && twinOrders++ % 2 === 1 ? p.email.toLowerCase() : p.email;
		return {
			customerId: p.customerId,
			email,
			firstName: p.firstName,
			lastName: p.lastName,
			orderId: `#${1001 + i}`,
			placedAt: at(d.day, d.minute).toISO({ suppressMilliseconds: true }) as string,
			total,
			currency,
			discountAmount,
			couponCodes: d.coupon ? [d.coupon] : [],
			status,
			refundedAmount,
			quantity: d.quantity,
			products: d.products.map((pr) => pr.name),
			acceptsMarketing: p.acceptsMarketing,
			tags: [...p.tags],
			reviewCount: p.reviewCount,
			averageRating: p.averageRating,
			referralCount: p.referralCount,
			sampleBehaviour: p.sampleBehaviour,
		};
	});

	const byPerson = new Map<number, SampleOrderRecord[]>();
	drafts.forEach((d, i) => {
		const list = byPerson.get(d.person.index);
		if (list) list.push(orders[i]);
		else byPerson.set(d.person.index, [orders[i]]);
	});
	const customers: SampleCustomerRecord[] = people.map((p) => {
		const own = byPerson.get(p.index) ?? [];
		return {
			customerId: p.customerId,
			email: p.email,
			firstName: p.firstName,
			lastName: p.lastName,
			signedUpAt: at(p.signUpDay, 9 * 60).toISO({ suppressMilliseconds: true }) as string,
			acceptsMarketing: p.acceptsMarketing,
			tags: [...p.tags],
			reviewCount: p.reviewCount,
			averageRating: p.averageRating,
			referralCount: p.referralCount,
			currency,
			orderCount: own.length,
			totalSpent: cents(own.reduce((s, o) => s + (o.status === 'paid' || o.status === 'partially_refunded' ? o.total - o.refundedAmount : 0), 0)),
			firstOrderAt: own.length ? own[0].placedAt : null,
			lastOrderAt: own.length ? own[own.length - 1].placedAt : null,
			sampleBehaviour: p.sampleBehaviour,
		};
	});
	return { orders, customers };
}
