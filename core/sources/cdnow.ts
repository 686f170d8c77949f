/**
 * The CDNOW transaction log (the standard data set of the buy-till-you-die literature). Each item is one purchase:
 * either fields customer_id, date (YYYYMMDD, text or number), number_of_cds, dollar_value; or one `line` field with
 * a raw whitespace-separated line of the file: 4 columns (master file: customer id, date, cds, dollars) or 5
 * (sample file: master id, sample id, date, cds, dollars; the customer is the sample id, as the reference summaries
 * use). Dates are calendar days, midnight in the context zone. Rows on the same day stay separate orders here (the
 * profile builder merges purchase days). The log has no order numbers: orderId stays empty, and an order is known by
 * its item (sourceItem).
 *
 * Hot path (70,000 rows in the benchmark): no regex or zod per row, dates parsed by hand and the midnight of each
 * distinct date computed once per read (luxon only then).
 */
import { InputError, showValue } from '../errors';
import type { Order } from '../model/order';
import { checkContext, NUMBER_HINT, toNumber } from './common';
import { fastInstantOfText } from './instants';
import type { OrderSource, ReadContext, SourceReadResult, SourceRow } from './types';

const DATE_HINT = 'CDNOW dates are 8 digits, year-month-day: 19970101.';

/**
 * Midnight (epoch ms) per date text, per zone, kept between runs, so a row costs one Map lookup (the midnight
 * itself comes from instants.ts, luxon once per calendar day). Bounded: cleared past MAX_CACHED texts.
 */
const MIDNIGHTS = new Map<string, Map<string, number>>();
const MAX_CACHED = 50_000;

function midnightsOf(zone: string): Map<string, number> {
	let days = MIDNIGHTS.get(zone);
	if (!days) {
		if (MIDNIGHTS.size > 50) MIDNIGHTS.clear();
		days = new Map();
		MIDNIGHTS.set(zone, days);
	} else if (days.size > MAX_CACHED) days.clear();
	return days;
}

/** No coupon codes, no products: one shared, frozen empty list (an accidental push throws instead of leaking). */
const NONE = Object.freeze([]) as unknown as string[];

/** Midnight (epoch ms) of an 8-digit yyyyMMdd in a zone; NaN when it is not a calendar date. */
function midnight(date: string, zone: string): number {
	return date.length === 8 ? fastInstantOfText(date, zone) : NaN;
}

/**
 * A plain decimal ("11.77", "2", "-3.5") between start and end of a text, without making substrings; NaN when it is
 * anything else. digits / 10^k is the correctly rounded double, the same number Number() gives.
 */
function decimalAt(s: string, start: number, end: number): number {
	if (end <= start) return NaN;
	let i = start;
	let negative = false;
	const first = s.charCodeAt(i);
	if (first === 45 /* - */ || first === 43 /* + */) {
		negative = first === 45;
		i++;
	}
	let digits = 0;
	let n = 0;
	let scale = 1;
	let dot = false;
	for (; i < end; i++) {
		const c = s.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			n = n * 10 + (c - 48);
			digits++;
			if (dot) scale *= 10;
		} else if (c === 46 && !dot) dot = true;
		else return toNumber(s.slice(start, end)); // exponent or junk: the general reader decides
	}
	if (digits === 0 || digits > 15) return toNumber(s.slice(start, end));
	const v = scale === 1 ? n : n / scale;
	return negative ? -v : v;
}

function badNumber(field: string, value: unknown, negative: boolean, index: number): InputError {
	if (value === undefined || value === null || value === '') {
		return new InputError(`${field} is empty`, field, value, NUMBER_HINT, [index]);
	}
	return new InputError(
		negative ? `${field} ${showValue(value)} must not be negative` : `${field} ${showValue(value)} is not a number`,
		field,
		value,
		NUMBER_HINT,
		[index],
	);
}

function readCdnow(rows: SourceRow[], context: ReadContext): SourceReadResult {
	const bad = checkContext(rows, context);
	if (bad) return bad;
	const zone = context.zone;
	const days = midnightsOf(zone);
	const bounds = new Int32Array(12);
	// One order per row at most: sized once, so a long log is not copied again and again as the list grows.
	const orders = new Array<Order>(rows.length);
	let count = 0;
	const errors: InputError[] = [];
	const itemIndexes = context.itemIndexes;
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r];
		const index = itemIndexes ? itemIndexes[r] : r;
		const json = row.json;
		let customer: unknown;
		let date: unknown;
		let cds: unknown;
		let dollars: unknown;
		let quantity: number;
		let total: number;
		const line = json !== null && typeof json === 'object' ? json.line : undefined;
		if (typeof line === 'string') {
			// Token boundaries in one pass, no substrings for the numbers.
			let n = 0;
			let from = -1;
			const len = line.length;
			for (let i = 0; i <= len; i++) {
				const c = i < len ? line.charCodeAt(i) : 32;
				if (c <= 32) {
					if (from >= 0) {
						if (n < 6) {
							bounds[2 * n] = from;
							bounds[2 * n + 1] = i;
						}
						n++;
						from = -1;
					}
				} else if (from < 0) from = i;
			}
			if (n !== 4 && n !== 5) {
				errors.push(
					new InputError(
						`line ${showValue(line)} has ${n} columns, not 4 or 5`,
						'line',
						line,
						'A CDNOW line is "customer_id date cds dollars" (master file) or "master_id sample_id date cds dollars" (sample file). Leave the header line out.',
						[index],
					),
				);
				continue;
			}
			const o = n === 4 ? 0 : 2; // 5 columns: the sample id is the customer
			customer = line.slice(bounds[o], bounds[o + 1]);
			date = line.slice(bounds[o + 2], bounds[o + 3]);
			quantity = decimalAt(line, bounds[o + 4], bounds[o + 5]);
			total = decimalAt(line, bounds[o + 6], bounds[o + 7]);
			if (!(quantity >= 0)) cds = line.slice(bounds[o + 4], bounds[o + 5]);
			if (!(total >= 0)) dollars = line.slice(bounds[o + 6], bounds[o + 7]);
		} else {
			if (json !== null && typeof json === 'object') {
				customer = json.customer_id;
				date = json.date;
				cds = json.number_of_cds;
				dollars = json.dollar_value;
			}
			quantity = typeof cds === 'string' ? decimalAt(cds, 0, cds.length) : toNumber(cds);
			total = typeof dollars === 'string' ? decimalAt(dollars, 0, dollars.length) : toNumber(dollars);
		}
		// Customer id: text as given (zero-padded ids stay "00001"), numbers as text.
		let key: string;
		if (typeof customer === 'string') {
			key = customer.length > 0 && customer.charCodeAt(0) > 32 && customer.charCodeAt(customer.length - 1) > 32 ? customer : customer.trim();
		} else if (typeof customer === 'number' && Number.isFinite(customer)) {
			key = String(customer);
		} else {
			key = '';
		}
		if (key === '' || key === '0') {
			errors.push(
				new InputError(
					customer === undefined || customer === null || (typeof customer === 'string' && customer.trim() === '')
						? 'customer_id is empty: the purchase has no customer'
						: `customer_id ${showValue(customer)} is not a customer id`,
					'customer_id',
					customer,
					'Every CDNOW row starts with the customer id.',
					[index],
				),
			);
			continue;
		}
		const dateText = typeof date === 'string' ? date : typeof date === 'number' ? String(date) : '';
		let placedAt = days.get(dateText);
		if (placedAt === undefined) {
			placedAt = midnight(dateText.length === 8 ? dateText : dateText.trim(), zone);
			days.set(dateText, placedAt);
		}
		if (placedAt !== placedAt /* NaN */) {
			if (typeof line === 'string' && dateText.toLowerCase() === 'date') {
				errors.push(
					new InputError(
						`line ${showValue(line)} is the header line, not a purchase`,
						'line',
						line,
						'Leave the first line of the file (the column names) out.',
						[index],
					),
				);
				continue;
			}
			errors.push(
				new InputError(
					date === undefined || date === null || date === ''
						? 'date is empty'
						: `date ${showValue(date)} is not a date in the form YYYYMMDD`,
					'date',
					date,
					DATE_HINT,
					[index],
				),
			);
			continue;
		}
		if (!(quantity >= 0)) {
			errors.push(badNumber('number_of_cds', cds, quantity < 0, index));
			continue;
		}
		if (!(total >= 0)) {
			errors.push(badNumber('dollar_value', dollars, total < 0, index));
			continue;
		}
		orders[count++] = {
			customerKey: key,
			customerId: key,
			email: null,
			// The log has no order numbers: empty, as the model allows (an error names the order by its item).
			orderId: '',
			placedAt,
			zone: null,
			total,
			currency: '',
			discountAmount: 0,
			couponCodes: NONE,
			status: 'paid',
			refundedAmount: 0,
			quantity,
			products: NONE,
			sourceItem: index,
			sourceItems: undefined,
		};
	}
	orders.length = count;
	return { orders, errors };
}

export const cdnow: OrderSource = {
	id: 'cdnow',
	name: 'CDNOW Transaction Log',
	description:
		'Rows of the CDNOW log: customer_id, date (YYYYMMDD), number_of_cds, dollar_value, or one raw line of the file in a field called line.',
	read: readCdnow,
};
