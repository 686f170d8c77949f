/**
 * From the lists the user set up (type, on/off, name, thresholds) to the lists to check, in order: names and keys
 * resolved, thresholds defaulted and validated with messages a marketer understands.
 */
import { z } from 'zod';
import { InputError, showValue } from '../errors';
import { BUILT_IN_LISTS, CUSTOM_LIST, CUSTOM_LIST_NAME, builtInList } from './registry';
import type { ListDefinition, SegmentField, ThresholdSpec, Thresholds } from './types';

export interface ListEntry {
	/** A built-in list id, or `custom`. */
	type: string;
	/** Default true. */
	enabled?: boolean;
	/** The user's name for the list; empty keeps the default. */
	name?: string;
	/** Threshold values by parameter name; missing ones take the list's defaults. */
	thresholds?: Record<string, unknown>;
}

export interface PlannedList {
	/** Position of the entry in the user's lists (enabled or not). */
	entryIndex: number;
	/** Stable key for the label: the list id, or the custom list's name; made unique with 2, 3, ... */
	key: string;
	/** Display name: the output's and the label's name. */
	name: string;
	type: string;
	/** The built-in definition; undefined for a custom list. */
	definition?: ListDefinition;
	thresholds: Thresholds;
}

/** The default lists: every built-in, on, with default names and thresholds. */
export function defaultListEntries(): ListEntry[] {
	return BUILT_IN_LISTS.map((d) => ({ type: d.id }));
}

/** The name a list shows: the user's, else the default (custom lists: "Custom List", "Custom List 2", ...). */
export function listNames(entries: ListEntry[]): string[] {
	let unnamedCustom = 0;
	return entries.map((entry) => {
		const name = typeof entry.name === 'string' ? entry.name.trim() : '';
		if (name) return name;
		const def = builtInList(entry.type);
		if (def) return def.defaultName;
		unnamedCustom++;
		return unnamedCustom > 1 ? `${CUSTOM_LIST_NAME} ${unnamedCustom}` : CUSTOM_LIST_NAME;
	});
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function thresholdSchema(spec: ThresholdSpec): z.ZodType<unknown> {
	switch (spec.type) {
		case 'number': {
			let n = z.number({ invalid_type_error: 'must be a number' }).finite('must be a number');
			n = n.min(spec.min, `must be ${spec.min} or more`);
			if (spec.max !== undefined) n = n.max(spec.max, `must be ${spec.max} or less`);
			return z
				.union([z.number(), z.string().trim().regex(NUMERIC_TEXT).transform(Number)], {
					errorMap: () => ({ message: 'must be a number' }),
				})
				.pipe(n);
		}
		case 'criteria': {
			const values = spec.options.map((o) => o.value) as [string, ...string[]];
			const names = spec.options.map((o) => o.name).join(', ');
			return z
				.union([z.array(z.string()), z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))])
				.pipe(z.array(z.enum(values, { errorMap: () => ({ message: `can only hold ${names}` }) })));
		}
		case 'textList':
			return z.string({ invalid_type_error: 'must be a text' });
	}
}

const schemas = new Map<ThresholdSpec, z.ZodType<unknown>>();

function readThreshold(listName: string, spec: ThresholdSpec, raw: unknown): unknown {
	if (raw === undefined || raw === null || raw === '') return spec.default;
	let schema = schemas.get(spec);
	if (!schema) {
		schema = thresholdSchema(spec);
		schemas.set(spec, schema);
	}
	const parsed = schema.safeParse(raw);
	if (parsed.success) return parsed.data;
	const why = parsed.error.issues[0]?.message ?? 'is not valid';
	throw new InputError(
		`${listName}: ${spec.displayName} ${why}, got ${showValue(raw)}`,
		`${listName} > ${spec.displayName}`,
		raw,
		`${spec.description}. Default: ${Array.isArray(spec.default) ? spec.default.join(', ') : String(spec.default)}.`,
	);
}

/** The enabled lists, in the user's order. Throws InputError for an unknown list type or a bad threshold. */
export function planLists(entries: ListEntry[]): PlannedList[] {
	const names = listNames(entries);
	const used = new Set<string>();
	const planned: PlannedList[] = [];
	entries.forEach((entry, entryIndex) => {
		if (entry.enabled === false) return;
		const definition = builtInList(entry.type);
		if (!definition && entry.type !== CUSTOM_LIST) {
			throw new InputError(
				`Unknown list type ${showValue(entry.type)}`,
				'List',
				entry.type,
				`Pick one of: ${BUILT_IN_LISTS.map((d) => d.defaultName).join(', ')}, Custom.`,
			);
		}
		const name = names[entryIndex];
		const base = definition ? definition.id : name;
		let key = base;
		for (let n = 2; used.has(key); n++) key = `${base}${n}`;
		used.add(key);
		const thresholds: Thresholds = {};
		for (const spec of definition?.thresholds ?? []) {
			thresholds[spec.name] = readThreshold(name, spec, entry.thresholds?.[spec.name]) as Thresholds[string];
		}
		planned.push({ entryIndex, key, name, type: entry.type, definition, thresholds });
	});
	return planned;
}

/** The customer fields the built-in lists among `lists` read. */
export function fieldsRead(lists: PlannedList[]): SegmentField[] {
	const fields = new Set<SegmentField>();
	for (const l of lists) for (const f of l.definition?.fields ?? []) fields.add(f);
	return [...fields];
}
