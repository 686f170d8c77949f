/**
 * Reading one customer for the lifetime models from whatever the field mappings gave (normally a Customer
 * Profiles item), checked with zod. A bad value is an InputError naming the field as the editor shows it.
 */
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { InputError, showValue } from '../errors';
import { DateReadError, isValidZone, readDate } from '../time/dates';

// Module-level aliases of globals: a global lookup per use is slow in sandboxes such as jest's vm contexts.
const isFin = Number.isFinite;
const isInt = Number.isInteger;
const NAN = Number.NaN;

/** The fields the node maps, by canonical (Customer Profiles) name. */
export const LIFETIME_FIELDS = [
	'frequency',
	'recencyDays',
	'ageDays',
	'meanRepeatSpend',
	'orderCount',
	'totalSpent',
	'asOf',
	'timeZone',
] as const;
export type LifetimeField = (typeof LIFETIME_FIELDS)[number];

/** Field names as the editor shows them. */
export const LIFETIME_FIELD_LABELS: Record<LifetimeField, string> = {
	frequency: 'Repeat Purchases',
	recencyDays: 'Days From First to Last Purchase',
	ageDays: 'Days Since First Purchase',
	meanRepeatSpend: 'Average Repeat Order Value',
	orderCount: 'Order Count',
	totalSpent: 'Total Spent',
	asOf: 'As Of Date',
	timeZone: 'Time Zone',
};

export interface LifetimeInput {
	frequency: number;
	recencyDays: number;
	ageDays: number;
	meanRepeatSpend: number;
	orderCount: number;
	totalSpent: number;
	/** Start of the as-of day in the customer's zone. */
	asOf: DateTime;
	zone: string;
	/** False for a prospect (no order). */
	buyer: boolean;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A number, or a text holding one ("12.5"); blank only where `blankAs` is given. */
function numberSchema(opts: { integer?: boolean; min?: number; blankAs?: number }) {
	return z.unknown().transform((v, ctx) => {
		if (blank(v)) {
			if (opts.blankAs !== undefined) return opts.blankAs;
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is empty' });
			return z.NEVER;
		}
		const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(v) ? Number(v) : NAN;
		if (!isFin(n)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a number' });
			return z.NEVER;
		}
		if (opts.integer && !isInt(n)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a whole number' });
			return z.NEVER;
		}
		if (opts.min !== undefined && n < opts.min) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: opts.min === 0 ? 'cannot be negative' : `must be at least ${opts.min}` });
			return z.NEVER;
		}
		return n;
	});
}

const rowSchema = z.object({
	orderCount: numberSchema({ integer: true, min: 0 }),
	frequency: numberSchema({ integer: true, min: 0, blankAs: 0 }),
	recencyDays: numberSchema({ min: 0, blankAs: 0 }),
	ageDays: numberSchema({ min: 0, blankAs: 0 }),
	meanRepeatSpend: numberSchema({ blankAs: 0 }),
	totalSpent: numberSchema({ blankAs: 0 }),
});

const HINTS: Partial<Record<LifetimeField, string>> = {
	frequency: 'Map it to the number of repeat purchase days (Customer Profiles: frequency)',
	recencyDays: 'Map it to the days from the first to the last purchase day (Customer Profiles: recencyDays)',
	ageDays: 'Map it to the days from the first purchase day to the as-of date (Customer Profiles: ageDays)',
	orderCount: 'Map it to the number of orders (Customer Profiles: orderCount)',
	meanRepeatSpend: 'Map it to the mean spend of the repeat purchase days (Customer Profiles: meanRepeatSpend)',
	totalSpent: 'Map it to the total spent (Customer Profiles: totalSpent)',
	asOf: 'Map it to the date the summary was taken at, such as 2025-06-30 (Customer Profiles: asOf)',
	timeZone: 'Use an IANA zone such as "Europe/Berlin", or leave it empty for the workflow time zone',
};

function fail(field: LifetimeField, value: unknown, what: string, itemIndex: number): never {
	throw new InputError(`${LIFETIME_FIELD_LABELS[field]} ${showValue(value)} ${what}`, LIFETIME_FIELD_LABELS[field], value, HINTS[field], [itemIndex]);
}

/** Checks one item's mapped values; throws InputError (with the item index) for the first bad one. */
export function readLifetimeInput(raw: Partial<Record<LifetimeField, unknown>>, itemIndex: number, defaultZone: string): LifetimeInput {
	const parsed = rowSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const field = issue.path[0] as LifetimeField;
		fail(field, raw[field], issue.message, itemIndex);
	}
	const v = parsed.data;
	let zone = defaultZone;
	if (!blank(raw.timeZone)) {
		if (!isValidZone(raw.timeZone)) fail('timeZone', raw.timeZone, 'is not an IANA time zone', itemIndex);
		zone = raw.timeZone;
	}
	let asOf: DateTime;
	if (blank(raw.asOf)) fail('asOf', raw.asOf, 'is empty: the predicted dates count from it', itemIndex);
	try {
		asOf = readDate(raw.asOf, { zone }).startOf('day');
	} catch (e) {
		if (!(e instanceof DateReadError)) throw e;
		fail('asOf', raw.asOf, `is not a date (${e.message})`, itemIndex);
	}
	const buyer = v.orderCount > 0;
	if (buyer && v.recencyDays > v.ageDays) {
		fail('recencyDays', raw.recencyDays, `is more than ${LIFETIME_FIELD_LABELS.ageDays} (${v.ageDays})`, itemIndex);
	}
	return {
		frequency: buyer ? v.frequency : 0,
		recencyDays: buyer && v.frequency > 0 ? v.recencyDays : 0,
		ageDays: buyer ? v.ageDays : 0,
		meanRepeatSpend: v.meanRepeatSpend,
		orderCount: v.orderCount,
		totalSpent: v.totalSpent,
		asOf,
		zone,
		buyer,
	};
}
