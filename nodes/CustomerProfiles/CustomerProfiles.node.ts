import { DateTime } from 'luxon';
import {
	deepCopy,
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPairedItemData,
} from 'n8n-workflow';
import { InputError, showValue } from '../../core/errors';
import { buildProfiles, customerZonesFromItems, parseKeepFields, type ProfileOptions } from '../../core/profiles';
import { getOrderSource, type SourceRow } from '../../core/sources';
import { isValidZone } from '../../core/time/dates';
import { inputErrorItem, inputErrorToNodeError } from '../shared/inputErrors';
import { itemValueReader, pathGetter, simpleFieldPath, type ItemValue } from '../shared/fieldAccess';
import { customerProfilesProperties, customerProfilesSubtitle, fieldDefault, MAP_FIELDS, MAPPED_FIELDS } from './description';

interface Options {
	customerTimeZoneField?: string;
	dateFormat?: string;
	keepCancelled?: boolean;
	keepFields?: string;
	keepCurrenciesApart?: boolean;
	keepRefunded?: boolean;
	keepZeroValue?: boolean;
	ordersTimeZone?: string;
}

/** The As Of parameter as yyyy-MM-dd: empty is today in the zone; a date, a date-time text, a luxon or JS date. */
function asOfDate(value: unknown, zone: string): string {
	if (value === undefined || value === null || value === '') return DateTime.now().setZone(zone).toISODate() as string;
	if (DateTime.isDateTime(value) && value.isValid) return value.setZone(zone).toISODate() as string;
	if (value instanceof Date && !isNaN(value.getTime())) return DateTime.fromJSDate(value).setZone(zone).toISODate() as string;
	if (typeof value === 'string') {
		const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value);
		if (m) return m[1];
	}
	throw new InputError(`As Of ${showValue(value)} is not a date`, 'As Of', value, 'Pick a date such as 2025-06-30, or leave it empty for today');
}

interface Rows {
	rows: SourceRow[];
	/** The input item of each row, when rows were left out (ReadContext.itemIndexes). */
	itemIndexes?: number[];
}

/** Reads the mapped fields of "Map Fields Yourself" into order records; the items themselves when nothing is remapped. */
function mappedRows(ctx: IExecuteFunctions, items: INodeExecutionData[], errors: InputError[]): Rows {
	const readers: Array<{ name: string; displayName: string; read: ItemValue }> = [];
	let identity = true;
	for (const f of MAPPED_FIELDS) {
		const raw = ctx.getNodeParameter(`fields.${f.name}`, 0, fieldDefault(f.name), { rawExpressions: true });
		const path = simpleFieldPath(raw);
		if (!(path && path.length === 1 && path[0] === f.name)) identity = false;
		readers.push({ name: f.name, displayName: f.displayName, read: itemValueReader(ctx, `fields.${f.name}`, fieldDefault(f.name)) });
	}
	if (identity) return { rows: items };
	const rows: SourceRow[] = [];
	const itemIndexes: number[] = [];
	for (let i = 0; i < items.length; i++) {
		const json: Record<string, unknown> = {};
		let failed = false;
		for (const r of readers) {
			try {
				json[r.name] = r.read(items[i], i);
			} catch (e) {
				errors.push(new InputError(`The ${r.displayName} mapping could not be worked out: ${(e as Error).message}`, r.displayName, null, 'Check the expression in Fields', [i]));
				failed = true;
				break;
			}
		}
		if (!failed) {
			rows.push({ json });
			itemIndexes.push(i);
		}
	}
	return { rows, itemIndexes };
}

/** The per-item reader of the Customer Time Zone Field option: a field name (dot path) or an expression. */
function zoneReader(ctx: IExecuteFunctions, raw: unknown): ItemValue | null {
	if (typeof raw !== 'string' || raw.trim() === '') return null;
	if (raw.startsWith('=')) return itemValueReader(ctx, 'options.customerTimeZoneField', '');
	const get = pathGetter(raw.trim().split('.'));
	return (item) => get(item.json);
}

export class CustomerProfiles implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Customer Profiles',
		name: 'customerProfiles',
		icon: { light: 'file:customerProfiles.svg', dark: 'file:customerProfiles.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: customerProfilesSubtitle,
		description: 'Turns order history into one profile per customer: purchases, spend, coupons, refunds and how recently and often they buy',
		defaults: { name: 'Customer Profiles' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		outputNames: ['Customers'],
		properties: customerProfilesProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const node = this.getNode();
		const continueOnFail = this.continueOnFail();
		const errors: InputError[] = [];
		const out: INodeExecutionData[] = [];

		const toNodeError = (e: InputError) => inputErrorToNodeError(node, e);
		const errorItem = (e: InputError, indexes: number[]) => inputErrorItem(node, e, indexes);

		let profileOptions: ProfileOptions;
		let sourceId: string;
		let dateFormat: string | undefined;
		let zoneOf: ItemValue | null;
		try {
			sourceId = this.getNodeParameter('source', 0) as string;
			const options = this.getNodeParameter('options', 0, {}) as Options;
			const zone = options.ordersTimeZone?.trim() || this.getTimezone();
			if (!isValidZone(zone)) {
				throw new InputError(`Orders Time Zone ${showValue(zone)} is not an IANA time zone such as "Europe/Berlin"`, 'Orders Time Zone', zone, 'Leave it empty to use the workflow time zone');
			}
			dateFormat = options.dateFormat?.trim() || undefined;
			profileOptions = {
				asOf: asOfDate(this.getNodeParameter('asOf', 0, ''), zone),
				zone,
				keepCancelled: options.keepCancelled === true,
				keepRefunded: options.keepRefunded === true,
				keepZeroValue: options.keepZeroValue === true,
				keepCurrenciesApart: options.keepCurrenciesApart === true,
			};
			const keepFields = parseKeepFields(options.keepFields);
			if (keepFields.length) profileOptions.keep = { fields: keepFields, itemJson: (index) => items[index].json };
			getOrderSource(sourceId);
			zoneOf = zoneReader(this, this.getNodeParameter('options.customerTimeZoneField', 0, '', { rawExpressions: true }));
		} catch (e) {
			if (!(e instanceof InputError)) throw e instanceof NodeOperationError ? e : new NodeOperationError(node, e as Error, { itemIndex: 0 });
			if (!continueOnFail) throw toNodeError(e);
			// A setting is wrong for every item: one error item per input item.
			return [items.map((_item, i) => errorItem(new InputError(e.message, e.field, e.value, e.hint, [i]), [i]))];
		}

		// The readers take the items as they are (no copy); Map Fields Yourself makes records of the mapped fields.
		const { rows, itemIndexes }: Rows = sourceId === MAP_FIELDS ? mappedRows(this, items, errors) : { rows: items };
		const read = getOrderSource(sourceId).read(rows, { zone: profileOptions.zone, dateFormat, itemIndexes });
		for (const e of read.errors) errors.push(e);
		let orders = read.orders;
		if (zoneOf) {
			const zoneValue = zoneOf;
			const z = customerZonesFromItems(orders, (i) => zoneValue(items[i], i), 'Customer Time Zone Field');
			orders = z.orders;
			for (const e of z.errors) errors.push(e);
			profileOptions.customerZones = z.customerZones;
		}
		const built = buildProfiles(orders, profileOptions);
		for (const e of built.errors) errors.push(e);

		// One item per customer, paired with every item its orders were read from.
		const seen = new Uint8Array(items.length);
		const profiles = built.profiles;
		for (let p = 0; p < profiles.length; p++) {
			const sourceItems = profiles[p].sourceItems;
			const pairedItem = new Array<IPairedItemData>(sourceItems.length);
			for (let k = 0; k < sourceItems.length; k++) {
				const item = sourceItems[k];
				seen[item] = 1;
				pairedItem[k] = { item };
			}
			const kept = profiles[p].kept;
			let json = profiles[p].profile as unknown as IDataObject;
			if (kept) {
				// Kept values are copied, so no two items share a list or object.
				json = { ...json };
				for (const name in kept) {
					const v = kept[name];
					json[name] = (v !== null && typeof v === 'object' ? deepCopy(v) : v) as IDataObject[string];
				}
			}
			out.push({ json, pairedItem });
		}
		// Nothing silently dropped: an item that is in no profile and no error becomes an error of its own.
		for (const e of errors) for (const i of e.itemIndexes ?? []) seen[i] = 1;
		for (let i = 0; i < items.length; i++) {
			if (!seen[i]) {
				errors.push(new InputError(`Item ${i} holds no order the source could read`, 'item', null, 'Check that the Source matches the items', [i]));
			}
		}

		if (errors.length && !continueOnFail) {
			errors.sort((a, b) => (a.itemIndexes?.[0] ?? 0) - (b.itemIndexes?.[0] ?? 0));
			throw toNodeError(errors[0]);
		}
		for (const e of errors) {
			const indexes = e.itemIndexes?.length ? e.itemIndexes : items.map((_item, i) => i);
			out.push(errorItem(e, indexes));
		}
		if (built.ordersAfterAsOf > 0) {
			this.addExecutionHints({
				message: `${built.ordersAfterAsOf} order${built.ordersAfterAsOf === 1 ? ' was' : 's were'} placed after the As Of date ${profileOptions.asOf} and not read`,
				location: 'outputPane',
			});
		}
		return [out];
	}
}
