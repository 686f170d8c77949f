/**
 * Customers: everyone who has bought at least once, the past customers whose messages differ from a prospect's
 * after the first purchase. No thresholds.
 */
import { ordersOf } from './customer';
import { count, formatNumber } from './format';
import type { ListDefinition, SegmentCustomer } from './types';

export const customers: ListDefinition<Record<string, never>> = {
	id: 'customers',
	defaultName: 'Customers',
	description: 'Everyone who has placed at least one order',
	thresholds: [],
	fields: ['orderCount', 'purchaseDays', 'daysSinceLastPurchase'],
	evaluate(c: SegmentCustomer): string | null {
		const orders = ordersOf(c);
		if (orders === null || orders < 1) return null;
		const last = c.daysSinceLastPurchase;
		if (last === null) return count(orders, 'order');
		const when = last === 0 ? 'today' : last === 1 ? 'yesterday' : `${formatNumber(last)} days ago`;
		return `${count(orders, 'order')}, the last one ${when}`;
	},
};
