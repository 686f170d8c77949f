/**
 * Fields to Keep: customer-level values the order items carry (CRM tags, review counts, referrals, ...) that the
 * profile should carry on. The option text is parsed once; buildProfiles then takes each value from the customer's
 * most recent order, placed up to the as-of date, on which it is not empty (see isEmptyValue).
 */
import { InputError, showValue } from '../errors';
import { PROFILE_FIELDS } from '../model/customer';

export interface KeptField {
	/** The profile field it is written to: the last part of the path (customer.tags -> tags). */
	name: string;
	/** The field name or dot path as the user wrote it. */
	path: string;
	/** The value at the path in an item's json (own properties only); undefined when it is not there. */
	get(json: unknown): unknown;
}

const SETTING = 'Fields to Keep';
const HINT = 'List field names from your order items, separated by commas, e.g. "tags, reviewCount, customer.note"';
const PROFILE_SET = new Set(PROFILE_FIELDS);
const has = Object.prototype.hasOwnProperty;

function getter(parts: string[]): (json: unknown) => unknown {
	if (parts.length === 1) {
		const k = parts[0];
		return (json) => (json !== null && typeof json === 'object' && has.call(json, k) ? (json as Record<string, unknown>)[k] : undefined);
	}
	return (json) => {
		let v = json;
		for (const k of parts) {
			if (v === null || typeof v !== 'object' || !has.call(v, k)) return undefined;
			v = (v as Record<string, unknown>)[k];
		}
		return v;
	};
}

/**
 * The fields of the option text "tags, reviewCount, customer.note": trimmed, empty entries and repeats left out.
 * Throws an InputError naming the entry when one is not a field name, would overwrite a profile field, or two
 * paths end in the same name.
 */
export function parseKeepFields(text: unknown): KeptField[] {
	if (text === undefined || text === null || text === '') return [];
	if (typeof text !== 'string') {
		throw new InputError(`${SETTING} must be field names separated by commas, not ${showValue(text)}`, SETTING, text, HINT);
	}
	const fields: KeptField[] = [];
	for (const entry of text.split(',')) {
		const path = entry.trim();
		if (path === '') continue;
		const parts = path.split('.').map((p) => p.trim());
		if (parts.some((p) => p === '' || p === '__proto__')) {
			throw new InputError(`${SETTING}: ${showValue(path)} is not a field name or a path such as customer.tags`, SETTING, path, HINT);
		}
		const name = parts[parts.length - 1];
		if (PROFILE_SET.has(name)) {
			throw new InputError(
				`${SETTING}: ${showValue(name)} is a field Customer Profiles works out itself and cannot be kept from the items`,
				SETTING,
				path,
				`Leave ${path} out of Fields to Keep, or rename that field in your items first (e.g. with an Edit Fields node)`,
			);
		}
		const same = fields.find((f) => f.name === name);
		if (same) {
			if (same.path === parts.join('.')) continue;
			throw new InputError(
				`${SETTING}: ${showValue(same.path)} and ${showValue(path)} would both be kept as ${showValue(name)}`,
				SETTING,
				path,
				'A path is kept under its last part; keep only one of them, or rename one in your items first',
			);
		}
		fields.push({ name, path: parts.join('.'), get: getter(parts) });
	}
	return fields;
}

/** Empty: missing, null, a blank text, NaN, an empty list or an empty plain object. 0 and false are values. */
export function isEmptyValue(v: unknown): boolean {
	if (v === undefined || v === null) return true;
	switch (typeof v) {
		case 'string':
			return v.trim() === '';
		case 'number':
			return v !== v;
		case 'object': {
			if (Array.isArray(v)) return v.length === 0;
			const proto = Object.getPrototypeOf(v) as unknown;
			if (proto !== Object.prototype && proto !== null) return false;
			for (const k in v) if (has.call(v, k)) return false;
			return true;
		}
		default:
			return false;
	}
}
