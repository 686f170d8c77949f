/**
 * Helpers shared by the order source readers: reading numbers, money, dates and lists the same way everywhere, and
 * turning a bad value into an InputError that names the field (as the user knows it), the value and a fix.
 *
 * Field readers throw InputError without item indexes; `Collector.fail` adds the indexes (and the order's name, when
 * known) so each reader is a per-item try/catch that never stops at one bad item.
 */
import { InputError, showValue } from '../errors';
import type { Order, OrderStatus } from '../model/order';
import { DateReadError, isValidZone, readDate } from '../time/dates';
import { fastInstant } from './instants';
import { itemIndexOf, type ReadContext, type SourceReadResult, type SourceRow } from './types';

export const NUMBER_HINT = 'Use a plain number such as 12.50: a dot for decimals, no currency sign, no thousands separator.';
export const DATE_HINT =
	'Use an ISO date such as 2025-05-11T09:55:16-04:00 or 2025-05-11, or set the Date Format option for day-first dates.';

/** True for undefined, null, and strings that are empty or only spaces. */
export function isBlank(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value !== 'string') return false;
	if (value.length === 0) return true;
	for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 32) return false;
	return true;
}

/**
 * Plain decimal number string ("12.50", " 7 ", "-3", "1e3")? Refuses hex/binary/octal literals, "Infinity",
 * thousands separators and currency signs, which Number() would partly accept.
 */
function isDecimalString(s: string): boolean {
	let digits = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 48 && c <= 57) digits++;
		else if (c === 46 /* . */ || c === 43 /* + */ || c === 45 /* - */ || c === 101 /* e */ || c === 69 /* E */) {
			continue;
		} else if (c <= 32) continue;
		else return false;
	}
	return digits > 0;
}

/** The number a value holds, or NaN: finite numbers and plain decimal strings only (blank -> NaN). */
export function toNumber(value: unknown): number {
	if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
	if (typeof value === 'string') {
		if (!isDecimalString(value)) return NaN;
		const n = Number(value);
		return Number.isFinite(n) ? n : NaN;
	}
	return NaN;
}

export interface AmountOptions {
	/** When the field is blank: undefined = the field is required (error), else this value. */
	ifBlank?: number;
	/** 'error' (default): negative values are an error; 'abs': take the absolute value (refunds stored as -5.00). */
	negative?: 'error' | 'abs';
	/** The value must be a whole number (minor units, quantities). */
	integer?: boolean;
	hint?: string;
}

/** Reads a non-negative number (money in major units, quantities), or throws an InputError naming field and value. */
export function readAmount(value: unknown, field: string, options: AmountOptions = {}): number {
	if (isBlank(value)) {
		if (options.ifBlank !== undefined) return options.ifBlank;
		throw new InputError(`${field} is empty`, field, value, options.hint ?? `Every order needs a ${field}. ${NUMBER_HINT}`);
	}
	let n = toNumber(value);
	if (Number.isNaN(n)) {
		throw new InputError(`${field} ${showValue(value)} is not a number`, field, value, options.hint ?? NUMBER_HINT);
	}
	if (n < 0) {
		if (options.negative === 'abs') n = -n;
		else throw new InputError(`${field} ${showValue(value)} must not be negative`, field, value, options.hint ?? NUMBER_HINT);
	}
	if (options.integer && !Number.isInteger(n)) {
		throw new InputError(`${field} ${showValue(value)} is not a whole number`, field, value, options.hint ?? NUMBER_HINT);
	}
	return n;
}

/**
 * Decimal places of a currency's minor unit as Stripe counts them: zero-decimal currencies (JPY, KRW, ...), the
 * three-decimal dinars, else 2 (Stripe sends ISK, HUF and TWD amounts with two decimals too).
 */
const ZERO_DECIMAL = new Set([
	'BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

export function currencyDecimals(currency: string): number {
	if (ZERO_DECIMAL.has(currency)) return 0;
	if (THREE_DECIMAL.has(currency)) return 3;
	return 2;
}

/** Minor units (integer) -> major units for a currency, e.g. 1999 USD -> 19.99, 1999 JPY -> 1999. */
export function readMinorUnits(value: unknown, field: string, currency: string, options: AmountOptions = {}): number {
	const hint = options.hint ?? `${field} is in the currency's smallest unit (cents): a whole number such as 1999.`;
	if (typeof value === 'string' && value.includes('.')) {
		// "20.00" in a cents field is almost surely major units mapped by mistake: refuse rather than read 0.20.
		throw new InputError(`${field} ${showValue(value)} is not a whole number`, field, value, hint);
	}
	const minor = readAmount(value, field, { ...options, integer: true, hint });
	const decimals = currencyDecimals(currency);
	return decimals === 0 ? minor : minor / 10 ** decimals;
}

/** ISO 4217 code in upper case, "" when blank; an InputError when it is not three letters. */
export function readCurrency(value: unknown, field: string): string {
	if (isBlank(value)) return '';
	if (typeof value === 'string') {
		const c = value.trim().toUpperCase();
		if (c.length === 3 && /^[A-Z]{3}$/.test(c)) return c;
	}
	throw new InputError(
		`${field} ${showValue(value)} is not a currency code`,
		field,
		value,
		'Use the three-letter ISO code, such as EUR or USD.',
	);
}

/** A date field as epoch milliseconds; DateReadError becomes an InputError naming the field. */
export function readDateMs(value: unknown, field: string, zone: string, format?: string): number {
	if (isBlank(value)) {
		throw new InputError(`${field} is empty`, field, value, `Every order needs the date it was placed. ${DATE_HINT}`);
	}
	if (!format) {
		const ms = fastInstant(value, zone);
		if (ms === ms) return ms;
	}
	try {
		return readDate(value, format ? { zone, format } : { zone }).toMillis();
	} catch (e) {
		if (e instanceof DateReadError) throw new InputError(`${field} ${e.message}`, field, value, DATE_HINT);
		throw e;
	}
}

/** A string or number as trimmed text; null when blank. Objects and booleans are not text. */
export function readText(value: unknown): string | null {
	if (typeof value === 'string') {
		const t = value.trim();
		return t ? t : null;
	}
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'bigint') return String(value);
	return null;
}

/** A list field: an array of strings/numbers, or one comma-separated string. Blank entries dropped, order kept. */
export function readList(value: unknown, field: string): string[] {
	if (isBlank(value)) return [];
	if (typeof value === 'string') return splitCommas(value);
	if (typeof value === 'number') return [String(value)];
	if (Array.isArray(value)) {
		const out: string[] = [];
		for (const v of value) {
			const t = readText(v);
			if (t !== null) out.push(t);
			else if (!isBlank(v)) {
				throw new InputError(
					`${field} contains ${showValue(v)}, which is not text`,
					field,
					value,
					'Give a list of texts, or one text with the entries separated by commas.',
				);
			}
		}
		return out;
	}
	throw new InputError(
		`${field} ${showValue(value)} is not a list`,
		field,
		value,
		'Give a list of texts, or one text with the entries separated by commas.',
	);
}

export function splitCommas(s: string): string[] {
	const out: string[] = [];
	for (const part of s.split(',')) {
		const t = part.trim();
		if (t) out.push(t);
	}
	return out;
}

/** Text of a nested field (`billing.email`), tolerant of missing parents. */
export function pick(obj: unknown, ...path: string[]): unknown {
	let cur: unknown = obj;
	for (const key of path) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string, unknown>)[key];
	}
	return cur;
}

export function asObject(value: unknown): Record<string, unknown> | null {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

/** `Order #1003 has no customer: Email is empty and there is no customer id`. */
export function noCustomer(label: string, emailField: string, email: unknown, idNote = 'there is no customer id'): InputError {
	return new InputError(
		`${label} has no customer: ${emailField} is empty and ${idNote}`,
		emailField,
		email,
		'Each order needs a customer id or an e-mail address to tell whose purchase it is; fill it in at the source or leave the order out.',
	);
}

/** Maps a status word through a table; unknown or blank values are an InputError listing the known ones. */
export function mapStatus(
	value: unknown,
	field: string,
	table: Readonly<Record<string, OrderStatus>>,
	ifBlank?: OrderStatus,
): OrderStatus {
	if (isBlank(value)) {
		if (ifBlank) return ifBlank;
		throw new InputError(`${field} is empty`, field, value, `Known values: ${Object.keys(table).join(', ')}.`);
	}
	const key = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	const status = key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
	if (!status) {
		throw new InputError(
			`${field} ${showValue(value)} is not a known order status`,
			field,
			value,
			`Known values: ${Object.keys(table).join(', ')}.`,
		);
	}
	return status;
}

/** paid -> partially_refunded / refunded from the refunded amount (sources whose status does not say). */
export function refundStatus(status: OrderStatus, total: number, refunded: number): OrderStatus {
	if (status !== 'paid' || refunded <= 0) return status;
	return refunded >= total ? 'refunded' : 'partially_refunded';
}

/**
 * Builds an Order with every field in one fixed order (one object shape for the engine's inline caches), `sourceItems`
 * included when the reader leaves it out (an order from one item).
 */
export function makeOrder(o: Order): Order {
	return {
		customerKey: o.customerKey,
		customerId: o.customerId,
		email: o.email,
		orderId: o.orderId,
		placedAt: o.placedAt,
		zone: o.zone,
		total: o.total,
		currency: o.currency,
		discountAmount: o.discountAmount,
		couponCodes: o.couponCodes,
		status: o.status,
		refundedAmount: o.refundedAmount,
		quantity: o.quantity,
		products: o.products,
		sourceItem: o.sourceItem,
		sourceItems: o.sourceItems,
	};
}

/** Collects orders and errors; `fail` attaches item indexes and the order's name to an error. */
export class Collector {
	readonly orders: Order[] = [];
	readonly errors: InputError[] = [];

	fail(error: unknown, itemIndexes: number[], label?: string): void {
		if (error instanceof InputError) {
			const message = label && !error.message.startsWith(label) ? `${label}: ${error.message}` : error.message;
			this.errors.push(new InputError(message, error.field, error.value, error.hint, itemIndexes));
			return;
		}
		// Never let one odd item stop the run: an unexpected shape becomes an error on that item.
		const why = error instanceof Error ? error.message : String(error);
		this.errors.push(
			new InputError(
				`${label ? label + ': ' : ''}could not be read (${why})`,
				'item',
				undefined,
				'Check that the items come from the source chosen in "Source".',
				itemIndexes,
			),
		);
	}

	result(): SourceReadResult {
		return { orders: this.orders, errors: this.errors };
	}
}

/** When the context zone is unusable, every item is an error (one InputError listing them all); else null. */
export function checkContext(rows: SourceRow[], context: ReadContext): SourceReadResult | null {
	if (isValidZone(context.zone)) return null;
	return {
		orders: [],
		errors: [
			new InputError(
				`Time zone ${showValue(context.zone)} is not an IANA time zone`,
				'Time Zone',
				context.zone,
				'Use a zone name such as Europe/Berlin or America/New_York.',
				rows.map((_row, r) => itemIndexOf(context, r)),
			),
		],
	};
}

/**
 * Runs `read` on each row with its own try/catch: the usual shape of a one-item-one-order reader.
 * `label` names the order in error messages when the row says which one it is.
 */
export function readEach(
	rows: SourceRow[],
	context: ReadContext,
	read: (json: Record<string, unknown>, index: number, context: ReadContext) => Order,
	label: (json: Record<string, unknown>) => string | undefined,
): SourceReadResult {
	const bad = checkContext(rows, context);
	if (bad) return bad;
	const out = new Collector();
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r];
		const index = itemIndexOf(context, r);
		try {
			const json = asObject(row.json);
			if (!json) throw new InputError(`The item is not an object`, 'item', row.json, 'Each item must be one order.');
			out.orders.push(read(json, index, context));
		} catch (e) {
			let name: string | undefined;
			try {
				name = label(row.json ?? {});
			} catch {
				name = undefined;
			}
			out.fail(e, [index], name);
		}
	}
	return out.result();
}

/** Label helper: `Order #1001`, `Charge ch_123`, ... or undefined when the id is blank. */
export function labelOf(noun: string, id: unknown): string | undefined {
	const t = readText(id);
	return t === null ? undefined : `${noun} ${t}`;
}
