/**
 * The order source registry. Adding a source = one new file exporting an OrderSource + one line here.
 * ORDER_SOURCES is in the order the editor shows them.
 */
import { InputError, showValue } from '../errors';
import { cdnow } from './cdnow';
import { orderRecord } from './orderRecord';
import { shopify } from './shopify';
import { shopifyCsv } from './shopifyCsv';
import { stripeCharge } from './stripeCharge';
import { stripeInvoice } from './stripeInvoice';
import type { OrderSource } from './types';
import { woocommerce } from './woocommerce';

export const ORDER_SOURCES: readonly OrderSource[] = [
	shopifyCsv,
	shopify,
	woocommerce,
	stripeCharge,
	stripeInvoice,
	cdnow,
	orderRecord,
];

/** The source with this id; an InputError naming the known ids when there is none. */
export function getOrderSource(id: string): OrderSource {
	const source = ORDER_SOURCES.find((s) => s.id === id);
	if (!source) {
		throw new InputError(
			`Source ${showValue(id)} is not a known order source`,
			'Source',
			id,
			`Pick one of: ${ORDER_SOURCES.map((s) => s.name).join(', ')}.`,
		);
	}
	return source;
}

export type { OrderSource, ReadContext, SourceReadResult, SourceRow } from './types';
