/**
 * The contract every order source reader fulfils. A reader turns the items a source node emits (Shopify export
 * rows, WooCommerce orders, Stripe charges, CDNOW log lines, ...) into canonical Orders. Readers never throw for
 * one bad item: they report it as an InputError carrying that item's index, and go on with the rest.
 */
import type { InputError } from '../errors';
import type { Order } from '../model/order';

export interface SourceRow {
	json: Record<string, unknown>;
	/** Index of the input item. */
	index: number;
}

export interface ReadContext {
	/** IANA zone in which dates without an offset are read (the workflow's zone unless the user sets one). */
	zone: string;
	/** Explicit luxon date format for day-first or other non-ISO dates (e.g. "dd-MM-yyyy"). */
	dateFormat?: string;
}

export interface SourceReadResult {
	orders: Order[];
	/** One per item (or order) that could not be read; each carries its item indexes. */
	errors: InputError[];
}

export interface OrderSource {
	/** Stable id stored in workflows: "shopifyCsv", "woocommerce", ... */
	id: string;
	/** What the user picks in the editor. */
	name: string;
	/** One sentence for the editor. */
	description: string;
	read(rows: SourceRow[], context: ReadContext): SourceReadResult;
}
