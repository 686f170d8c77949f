/**
 * Orders in, one CustomerProfile per customer out (or per customer and currency when the user keeps currencies
 * apart). Pure TypeScript, no n8n. This is the hot path of Customer Profiles: calendar days come from epoch ms
 * through a cached per-zone offset (ZoneClock), never a luxon DateTime per order.
 *
 * Choices (the README states them too):
 * - Counted orders: every order read except cancelled or failed orders, fully refunded orders (status refunded,
 *   or refunded amount >= total) and zero-value orders (total 0); each of the three can be kept by an option.
 *   Pending orders count.
 * - Spend is net of refunds: an order counts `total - refundedAmount` (never below 0), so a partly refunded
 *   order counts what the customer kept paying, and a kept fully refunded order counts 0.
 * - Refunds and cancellations (refundedOrders, refundedAmount, cancelledOrders) are counted over every order read,
 *   counted or not; everything else (spend, quantities, discounts, coupon codes, products, purchase days) over the
 *   counted orders only.
 * - Orders on the same calendar day in the customer's zone are one purchase day; a day's spend is the sum of its
 *   orders. The customer's zone: the user's per-customer zone, else the zone the source stated on the customer's
 *   first order, else the default (the workflow's) zone.
 * - The as-of date is a calendar day in the customer's zone: orders placed after the end of that day are not read
 *   (counted in ordersAfterAsOf). A customer whose orders all come later still gets a profile (0 orders), so every
 *   input item ends somewhere.
 * - Orders without a currency ("") agree with any currency; two different currencies for one customer are an
 *   error unless keepCurrenciesApart (then one profile per customer and currency, same customerKey).
 * - Fields to Keep (customer-level values on the order items: tags, review counts, ...) come from the customer's
 *   most recent order read (placed up to the as-of date, counted or not) on which the value is not empty; null when
 *   none has it. Values are taken as they are: lists are not merged across orders.
 */
import { InputError, showValue } from '../errors';
import type { CustomerProfile } from '../model/customer';
import { sourceItemsOf, type Order } from '../model/order';
import { isoDay, parseIsoDay, zoneClock, type ZoneClock } from '../time/calendarDays';
import { isValidZone } from '../time/dates';
import { isEmptyValue, type KeptField } from './keepFields';

export interface ProfileOptions {
	/** yyyy-MM-dd: the summary is taken at the end of this day; later orders are not read. */
	asOf: string;
	/** IANA zone for customers without one of their own (the workflow's zone). */
	zone: string;
	/** Customer key -> IANA zone, for customers whose own zone is known. */
	customerZones?: ReadonlyMap<string, string>;
	/** Count cancelled (and failed) orders as purchases. */
	keepCancelled?: boolean;
	/** Count fully refunded orders as purchases (with spend 0: spend is always net of refunds). */
	keepRefunded?: boolean;
	/** Count orders with total 0 as purchases. */
	keepZeroValue?: boolean;
	/** One profile per customer and currency instead of an error for customers who paid in several currencies. */
	keepCurrenciesApart?: boolean;
	/**
	 * Fields to Keep: item fields copied onto each profile, each from the customer's most recent order placed up to
	 * the as-of date (counted or not) on which it is not empty; null when no such order has it. On the same instant
	 * the later order in the input wins; within an order of several items, the first item that has it.
	 */
	keep?: {
		fields: readonly KeptField[];
		/** The json of input item `index` (the values are read from the items the orders came from). */
		itemJson(index: number): unknown;
	};
}

export interface BuiltProfile {
	profile: CustomerProfile;
	/** Every input item index of the customer's orders (read or after the as-of date), ascending. */
	sourceItems: number[];
	/** With options.keep: the kept fields by profile name, in the order listed (values as found, not copied). */
	kept?: Record<string, unknown>;
}

export interface ProfileBuildResult {
	profiles: BuiltProfile[];
	/** Customers or orders that could not be profiled; each names its item indexes. */
	errors: InputError[];
	/** Orders placed after the as-of date, over all customers (not read). */
	ordersAfterAsOf: number;
}

/** Rounds to 2 decimals, half up on the decimal value (22.345 -> 22.35 although the double is 22.34499...). */
export function round2(x: number): number {
	return Math.round(x * 100 + (x >= 0 ? 1e-7 : -1e-7)) / 100;
}
function round4(x: number): number {
	return Math.round(x * 10000 + 1e-7) / 10000;
}

/** Checks the options, throwing an InputError a marketer understands. Returns the as-of day number. */
export function checkProfileOptions(options: ProfileOptions): number {
	const asOfDay = typeof options.asOf === 'string' ? parseIsoDay(options.asOf) : null;
	if (asOfDay === null) {
		throw new InputError(
			`The as-of date ${showValue(options.asOf)} is not a date like 1997-09-30`,
			'As Of',
			options.asOf,
			'Pick a date, or leave it empty for today',
		);
	}
	if (!isValidZone(options.zone)) {
		throw new InputError(
			`The time zone ${showValue(options.zone)} is not an IANA time zone such as "Europe/Berlin"`,
			'Orders Time Zone',
			options.zone,
		);
	}
	return asOfDay;
}

function badOrder(o: Order): InputError | null {
	// Sources without order numbers (the CDNOW log) leave orderId empty: such an order is named by its item.
	const name = o.orderId ? `Order ${showValue(o.orderId)}` : `The order in item ${o.sourceItem}`;
	if (typeof o.customerKey !== 'string' || o.customerKey === '') {
		return new InputError(`${name} has no customer id or e-mail`, 'customer', o.customerKey, undefined, sourceItemsOf(o));
	}
	if (!(o.total >= 0) || o.total === Infinity) {
		return new InputError(`${name} has total ${showValue(o.total)}, not an amount of 0 or more`, 'total', o.total, undefined, sourceItemsOf(o));
	}
	if (!Number.isFinite(o.placedAt)) {
		return new InputError(`${name} has no valid order date`, 'placedAt', o.placedAt, undefined, sourceItemsOf(o));
	}
	return null;
}

export function buildProfiles(orders: readonly Order[], options: ProfileOptions): ProfileBuildResult {
	const asOfDay = checkProfileOptions(options);
	const errors: InputError[] = [];
	const apart = options.keepCurrenciesApart === true;

	// Group the orders by customer (and currency) without an array per customer: a group number per order, then
	// a counting sort into one index array where each group is a range, groups in order of first appearance.
	// Exports are often sorted by customer, so the last customer's group is checked before the map.
	const n = orders.length;
	const groupOf = new Int32Array(n);
	const groupIds = new Map<string, number>();
	let groupCount = 0;
	let lastKey = '';
	let lastGroup = -1;
	for (let i = 0; i < n; i++) {
		const o = orders[i];
		if (!(o.total >= 0) || o.total === Infinity || !o.customerKey || !Number.isFinite(o.placedAt)) {
			errors.push(badOrder(o) as InputError);
			groupOf[i] = -1;
			continue;
		}
		const key = apart ? o.customerKey + '\u0001' + o.currency : o.customerKey;
		let g = key === lastKey ? lastGroup : groupIds.get(key);
		if (g === undefined) {
			g = groupCount++;
			groupIds.set(key, g);
		}
		groupOf[i] = g;
		lastKey = key;
		lastGroup = g;
	}
	const starts = new Int32Array(groupCount + 1);
	for (let i = 0; i < n; i++) if (groupOf[i] >= 0) starts[groupOf[i] + 1]++;
	for (let g = 0; g < groupCount; g++) starts[g + 1] += starts[g];
	const perm = new Int32Array(starts[groupCount]);
	const fill = starts.slice(0, groupCount);
	for (let i = 0; i < n; i++) {
		const g = groupOf[i];
		if (g >= 0) perm[fill[g]++] = i;
	}

	const profiles: BuiltProfile[] = [];
	let ordersAfterAsOf = 0;
	const defaultClock = zoneClock(options.zone);
	const clocks = new Map<string, ZoneClock>();
	const clockFor = (zone: string): ZoneClock => {
		let c = clocks.get(zone);
		if (c === undefined) {
			c = zoneClock(zone);
			clocks.set(zone, c);
		}
		return c;
	};
	const keepCancelled = options.keepCancelled === true;
	const keepRefunded = options.keepRefunded === true;
	const keepZero = options.keepZeroValue === true;
	const keep = options.keep?.fields.length ? options.keep : undefined;
	// Scratch space for one customer at a time (reused, grown when a customer has more purchase days), so customers
	// with many purchase days cost no lists of their own.
	let days = new Float64Array(64);
	let daySpend = new Float64Array(64);
	let gaps = new Float64Array(64);

	for (let g = 0; g < groupCount; g++) {
		const from = starts[g];
		const to = starts[g + 1];
		const o0 = orders[perm[from]];
		const customerKey = o0.customerKey;

		// Time order (stable); most sources already give it.
		for (let k = from + 1; k < to; k++) {
			if (orders[perm[k]].placedAt < orders[perm[k - 1]].placedAt) {
				const sorted = Array.from(perm.subarray(from, to)).sort((a, b) => orders[a].placedAt - orders[b].placedAt);
				perm.set(sorted, from);
				break;
			}
		}

		let customerId: string | null = null;
		let email: string | null = null;
		let orderZone: string | null = null;
		for (let k = from; k < to; k++) {
			const o = orders[perm[k]];
			if (customerId === null && o.customerId) customerId = o.customerId;
			if (email === null && o.email) email = o.email;
			if (orderZone === null && o.zone) orderZone = o.zone;
		}
		const own = options.customerZones?.get(customerKey);
		const clock = own ? clockFor(own) : orderZone ? clockFor(orderZone) : defaultClock;

		let sourceItems: number[];
		if (to - from === 1) sourceItems = sourceItemsOf(o0);
		else {
			// Sized for one item per order, so the list has no spare room (multi-item orders grow it).
			sourceItems = new Array<number>(to - from);
			let w = 0;
			for (let k = from; k < to; k++) {
				const o = orders[perm[k]];
				const s = o.sourceItems;
				if (s === undefined) sourceItems[w++] = o.sourceItem;
				else for (let j = 0; j < s.length; j++) sourceItems[w++] = s[j];
			}
			for (let k = 1; k < sourceItems.length; k++) {
				if (sourceItems[k] < sourceItems[k - 1]) {
					sourceItems.sort((a, b) => a - b);
					break;
				}
			}
		}

		let currency = '';
		let currencies: string[] | null = null;
		let after = 0;
		let read = 0;
		let orderCount = 0;
		let spent = 0;
		let qty = 0;
		let maxQty = 0;
		let discounted = 0;
		let discountTotal = 0;
		let refundedOrders = 0;
		let refundedAmount = 0;
		let cancelledOrders = 0;
		let firstAt = 0;
		let lastAt = 0;
		let couponCodes: string[] | null = null;
		let products: string[] | null = null;
		// Purchase days and their spend go into the scratch buffers (days[0..nDays), daySpend[0..nDays)).
		let nDays = 0;
		let daysUnsorted = false;

		for (let k = from; k < to; k++) {
			const o = orders[perm[k]];
			const day = clock.dayOf(o.placedAt);
			if (day > asOfDay) {
				after++;
				continue;
			}
			read++;
			const c = o.currency;
			if (c !== '' && c !== currency) {
				if (currency === '') currency = c;
				else if (currencies === null) currencies = [currency, c];
				else if (!currencies.includes(c)) currencies.push(c);
			}
			const status = o.status;
			const refunded = o.refundedAmount;
			if (refunded > 0 || status === 'refunded' || status === 'partially_refunded') refundedOrders++;
			refundedAmount += refunded;
			if (status === 'cancelled') cancelledOrders++;
			const total = o.total;
			if (!keepCancelled && (status === 'cancelled' || status === 'failed')) continue;
			if (!keepRefunded && (status === 'refunded' || (total > 0 && refunded >= total))) continue;
			if (!keepZero && total === 0) continue;

			const spend = total > refunded ? total - refunded : 0;
			if (orderCount === 0) firstAt = o.placedAt;
			lastAt = o.placedAt;
			orderCount++;
			spent += spend;
			const q = o.quantity;
			qty += q;
			if (q > maxQty) maxQty = q;
			const codes = o.couponCodes;
			if (o.discountAmount > 0 || codes.length > 0) discounted++;
			discountTotal += o.discountAmount;
			if (codes.length) couponCodes = addDistinct(couponCodes, codes);
			if (o.products.length) products = addDistinct(products, o.products);
			if (nDays > 0 && days[nDays - 1] === day) daySpend[nDays - 1] += spend;
			else {
				if (nDays > 0 && day < days[nDays - 1]) daysUnsorted = true;
				if (nDays === days.length) {
					days = grown(days);
					daySpend = grown(daySpend);
				}
				days[nDays] = day;
				daySpend[nDays] = spend;
				nDays++;
			}
		}
		ordersAfterAsOf += after;

		if (currencies !== null) {
			errors.push(
				new InputError(
					`Customer "${customerKey}" has orders in several currencies (${currencies.join(', ')})`,
					'currency',
					currencies,
					'Turn on Options > Keep Currencies Apart to get one profile per currency, or convert the totals to one currency first',
					sourceItems,
				),
			);
			continue;
		}
		let firstDay = 0;
		let lastDay = 0;
		let firstDaySpend = 0;
		let medianGap: number | null = null;
		let meanGap: number | null = null;
		if (nDays > 0) {
			if (daysUnsorted) nDays = mergeDays(days, daySpend, nDays);
			firstDay = days[0];
			lastDay = days[nDays - 1];
			firstDaySpend = daySpend[0];
		}
		if (nDays > 1) {
			const m = nDays - 1;
			if (gaps.length < m) gaps = new Float64Array(days.length);
			for (let k = 0; k < m; k++) gaps[k] = days[k + 1] - days[k];
			medianGap = medianOfFirst(gaps, m);
			meanGap = round2((lastDay - firstDay) / m);
		}
		const recencyDays = nDays ? lastDay - firstDay : 0;
		const ageDays = nDays ? asOfDay - firstDay : 0;
		const frequency = nDays ? nDays - 1 : 0;

		const profile: CustomerProfile = {
			customerKey,
			customerId,
			email,
			currency: apart ? o0.currency : currency,
			timeZone: clock.zoneName,
			firstPurchaseAt: orderCount ? clock.isoInstant(firstAt) : null,
			lastPurchaseAt: orderCount ? clock.isoInstant(lastAt) : null,
			firstPurchaseDate: nDays ? isoDay(firstDay) : null,
			lastPurchaseDate: nDays ? isoDay(lastDay) : null,
			orderCount,
			purchaseDays: nDays,
			ordersRead: read,
			ordersAfterAsOf: after,
			totalSpent: round2(spent),
			averageOrderValue: orderCount ? round2(spent / orderCount) : 0,
			totalQuantity: qty,
			largestOrderQuantity: maxQty,
			discountedOrders: discounted,
			discountedShare: orderCount ? round4(discounted / orderCount) : 0,
			couponCodes: couponCodes ?? [],
			totalDiscount: round2(discountTotal),
			refundedOrders,
			refundedAmount: round2(refundedAmount),
			cancelledOrders,
			products: products ?? [],
			gapCount: nDays > 1 ? nDays - 1 : 0,
			medianGapDays: medianGap,
			meanGapDays: meanGap,
			asOf: options.asOf,
			frequency,
			recencyDays,
			recencyWeeks: round2(recencyDays / 7),
			ageDays,
			ageWeeks: round2(ageDays / 7),
			daysSinceLastPurchase: nDays ? asOfDay - lastDay : null,
			meanRepeatSpend: frequency ? round2((spent - firstDaySpend) / frequency) : 0,
		};
		profiles.push(keep ? { profile, sourceItems, kept: keptValues(keep, orders, perm, from, to, clock, asOfDay) } : { profile, sourceItems });
	}
	return { profiles, errors, ordersAfterAsOf };
}

/** The kept fields of one customer: newest order first, the first non-empty value of each field. */
function keptValues(
	keep: NonNullable<ProfileOptions['keep']>,
	orders: readonly Order[],
	perm: Int32Array,
	from: number,
	to: number,
	clock: ZoneClock,
	asOfDay: number,
): Record<string, unknown> {
	const fields = keep.fields;
	const values: unknown[] = new Array<unknown>(fields.length).fill(null);
	let missing = fields.length;
	for (let k = to - 1; k >= from && missing > 0; k--) {
		const o = orders[perm[k]];
		if (clock.dayOf(o.placedAt) > asOfDay) continue;
		const items = sourceItemsOf(o);
		for (let f = 0; f < fields.length; f++) {
			if (values[f] !== null) continue;
			for (let j = 0; j < items.length; j++) {
				const v = fields[f].get(keep.itemJson(items[j]));
				if (!isEmptyValue(v)) {
					values[f] = v;
					missing--;
					break;
				}
			}
		}
	}
	const kept: Record<string, unknown> = {};
	for (let f = 0; f < fields.length; f++) kept[fields[f].name] = values[f];
	return kept;
}

function addDistinct(into: string[] | null, values: readonly string[]): string[] {
	const out = into ?? [];
	for (let j = 0; j < values.length; j++) if (!out.includes(values[j])) out.push(values[j]);
	return out;
}

/** The buffer's contents in a buffer twice its size. */
function grown(buf: Float64Array): Float64Array {
	const out = new Float64Array(buf.length * 2);
	out.set(buf);
	return out;
}

/** The median of values[0..n), n >= 1; sorts that range in place. */
function medianOfFirst(values: Float64Array, n: number): number {
	if (n <= 32) {
		// Insertion sort: purchase gaps are few per customer.
		for (let i = 1; i < n; i++) {
			const v = values[i];
			let j = i - 1;
			while (j >= 0 && values[j] > v) {
				values[j + 1] = values[j];
				j--;
			}
			values[j + 1] = v;
		}
	} else values.subarray(0, n).sort();
	const m = n >> 1;
	return n % 2 ? values[m] : (values[m - 1] + values[m]) / 2;
}

/**
 * Sorts (day, spend) pairs [0..n) by day and merges equal days (only for zones whose clock steps back over
 * midnight); returns the number of days left.
 */
function mergeDays(days: Float64Array, daySpend: Float64Array, n: number): number {
	const byDay = new Map<number, number>();
	for (let k = 0; k < n; k++) byDay.set(days[k], (byDay.get(days[k]) ?? 0) + daySpend[k]);
	const sorted = [...byDay.keys()].sort((a, b) => a - b);
	for (let k = 0; k < sorted.length; k++) {
		days[k] = sorted[k];
		daySpend[k] = byDay.get(sorted[k]) as number;
	}
	return sorted.length;
}
