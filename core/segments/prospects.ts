/**
 * Prospects: contacts who have not bought yet (no order, or no order on record). No thresholds.
 */
import { ordersOf } from './customer';
import type { ListDefinition, SegmentCustomer } from './types';

export const prospects: ListDefinition<Record<string, never>> = {
	id: 'prospects',
	defaultName: 'Prospects',
	description: 'Contacts who have not placed an order yet',
	thresholds: [],
	fields: ['orderCount', 'purchaseDays'],
	evaluate(c: SegmentCustomer): string | null {
		const orders = ordersOf(c);
		if (orders === null) return 'no order on record';
		return orders < 1 ? 'no order yet' : null;
	},
};
