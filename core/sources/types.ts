/**
 * The contract every order source reader fulfils. A reader turns the items a source node emits (Shopify export
 * rows, WooCommerce orders, Stripe charges, CDNOW log lines, ...) into canonical Orders. Readers never throw for
 * one bad item: they report it as an InputError carrying that item's index, and go on with the rest.
 */
import type { InputError } from '../errors';
import type { Order } from '../model/order';

/** One input item as a reader sees it (n8n's items are passed as they are, without a copy). */
export interface SourceRow {
	json: Record<string, unknown>;
}

export interface ReadContext {
	/** IANA zone in which dates without an offset are read (the workflow's zone unless the user sets one). */
	zone: string;
	/** Explicit luxon date format for day-first or other non-ISO dates (e.g. "dd-MM-yyyy"). */
	dateFormat?: string;
	/**
	 * The input item each row came from, when the rows are not the input items one to one (Map Fields Yourself
	 * leaves out the items whose mapping failed). Without it, a row's item is its position.
	 */
	itemIndexes?: ArrayLike<number>;
}

/** The input item row `r` came from. */
export function itemIndexOf(context: ReadContext, r: number): number {
	return context.itemIndexes ? context.itemIndexes[r] : r;
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
