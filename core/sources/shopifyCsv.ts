/**
 * Shopify "Export orders" CSV, as n8n's Extract From File emits it: one item per CSV line, keys = header names,
 * values strings. The export has one line per line item; the order-level cells (Email, Financial Status, Total,
 * Discount Code, ...) are only filled on an order's first line. Lines are grouped into orders by `Name` (#1001),
 * whether or not they are next to each other. Columns are found by header name, not position: the header changes
 * with the export date. Shopify's order export has no customer id column, so the customer is the e-mail.
 */
import { InputError, showValue } from '../errors';
import { customerKeyOf, normaliseEmail } from '../model/order';
import {
	checkContext,
	Collector,
	isBlank,
	makeOrder,
	mapStatus,
	noCustomer,
	readAmount,
	readCurrency,
	readDateMs,
	readText,
	splitCommas,
} from './common';
import { SHOPIFY_FINANCIAL_STATUS } from './shopify';
import { itemIndexOf, type OrderSource, type ReadContext, type SourceReadResult, type SourceRow } from './types';

/** Header key lookup by name, ignoring case, spaces around it and a byte-order mark; cached per header text. */
class Columns {
	private readonly found = new Map<string, string>();

	get(json: Record<string, unknown>, column: string): unknown {
		const key = this.found.get(column);
		if (key !== undefined && key in json) return json[key];
		if (column in json) {
			this.found.set(column, column);
			return json[column];
		}
		const want = column.toLowerCase();
		for (const k of Object.keys(json)) {
			if (k.replace(/^\ufeff/, '').trim().toLowerCase() === want) {
				this.found.set(column, k);
				return json[k];
			}
		}
		return undefined;
	}

	has(json: Record<string, unknown>, column: string): boolean {
		return this.get(json, column) !== undefined;
	}
}

interface Group {
	name: string;
	rows: Array<Record<string, unknown>>;
	indexes: number[];
}

function readShopifyCsv(rows: SourceRow[], context: ReadContext): SourceReadResult {
	const bad = checkContext(rows, context);
	if (bad) return bad;
	const out = new Collector();
	const cols = new Columns();
	const groups = new Map<string, Group>();
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r];
		const index = itemIndexOf(context, r);
		const json = row.json;
		const name = readText(json && typeof json === 'object' ? cols.get(json, 'Name') : undefined);
		if (name === null) {
			const value = json && typeof json === 'object' ? cols.get(json, 'Name') : json;
			out.fail(
				new InputError(
					value === undefined ? 'The row has no Name column' : `Name ${showValue(value)} is empty`,
					'Name',
					value,
					'Each row of a Shopify order export names its order in the Name column (#1001). Check the file is an "Export orders" CSV.',
				),
				[index],
			);
			continue;
		}
		let g = groups.get(name);
		if (!g) {
			g = { name, rows: [], indexes: [] };
			groups.set(name, g);
		}
		g.rows.push(json);
		g.indexes.push(index);
	}
	for (const g of groups.values()) {
		const label = `Order ${g.name}`;
		try {
			out.orders.push(readGroup(g, cols, context, label));
		} catch (e) {
			out.fail(e, g.indexes, label);
		}
	}
	return out.result();
}

function firstFilled(g: Group, cols: Columns, column: string): unknown {
	let seen: unknown = undefined;
	for (const r of g.rows) {
		const v = cols.get(r, column);
		if (!isBlank(v)) return v;
		if (seen === undefined) seen = v;
	}
	return seen;
}

function readGroup(g: Group, cols: Columns, context: ReadContext, label: string) {
	// The first line carries the order-level cells; if lines came out of order, take the one with a Total.
	let head = g.rows[0];
	for (const r of g.rows) {
		if (!isBlank(cols.get(r, 'Total')) || !isBlank(cols.get(r, 'Financial Status'))) {
			head = r;
			break;
		}
	}
	const emailRaw = firstFilled(g, cols, 'Email');
	const email = normaliseEmail(emailRaw);
	const customerKey = customerKeyOf(null, email);
	if (customerKey === null) throw noCustomer(label, 'Email', emailRaw ?? '');

	const createdRaw = firstFilled(g, cols, 'Created at');
	if (createdRaw === undefined) {
		throw new InputError('The export has no "Created at" column', 'Created at', undefined, 'Export the orders again from Shopify with all columns.');
	}
	const placedAt = readDateMs(createdRaw, 'Created at', context.zone, context.dateFormat);
	const totalRaw = cols.get(head, 'Total');
	if (totalRaw === undefined) {
		throw new InputError('The export has no "Total" column', 'Total', undefined, 'Export the orders again from Shopify with all columns.');
	}
	const total = readAmount(totalRaw, 'Total');
	const currency = readCurrency(cols.get(head, 'Currency'), 'Currency');
	const discountAmount = readAmount(cols.get(head, 'Discount Amount'), 'Discount Amount', { ifBlank: 0, negative: 'abs' });
	const refundedAmount = readAmount(cols.get(head, 'Refunded Amount'), 'Refunded Amount', { ifBlank: 0, negative: 'abs' });
	const code = cols.get(head, 'Discount Code');
	const couponCodes = typeof code === 'string' ? splitCommas(code) : [];
	let status = mapStatus(cols.get(head, 'Financial Status'), 'Financial Status', SHOPIFY_FINANCIAL_STATUS);
	if (!isBlank(firstFilled(g, cols, 'Cancelled at'))) status = 'cancelled';

	let quantity = 0;
	const products: string[] = [];
	for (const r of g.rows) {
		quantity += readAmount(cols.get(r, 'Lineitem quantity'), 'Lineitem quantity', { ifBlank: 0 });
		const product = readText(cols.get(r, 'Lineitem name'));
		if (product !== null) products.push(product);
	}
	return makeOrder({
		customerKey,
		customerId: null,
		email,
		orderId: g.name,
		placedAt,
		zone: null,
		total,
		currency,
		discountAmount,
		couponCodes,
		status,
		refundedAmount,
		quantity,
		products,
		sourceItem: g.indexes[0],
		sourceItems: g.indexes.length > 1 ? g.indexes : undefined,
	});
}

export const shopifyCsv: OrderSource = {
	id: 'shopifyCsv',
	name: 'Shopify Order Export (CSV)',
	description:
		'Rows of the CSV from Shopify Admin > Orders > Export, read with Extract From File; line items are grouped into orders by Name.',
	read: readShopifyCsv,
};
