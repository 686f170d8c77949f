/**
 * Repeat buyers: customers who come back on a cycle. On the list with enough repeat purchases (purchase days after
 * the first, 2 by default) and a usual gap between purchases (the median) no longer than the cycle (90 days by
 * default). When the input has no gap (a CRM export with only an order count) the cycle is not checked.
 */
import { repeatPurchases } from './customer';
import { count, everyDays } from './format';
import type { ListDefinition, SegmentCustomer } from './types';

export interface RepeatBuyersThresholds {
	[key: string]: number;
	repeatMinRepeatPurchases: number;
	repeatMaxDaysBetween: number;
}

export const repeatBuyers: ListDefinition<RepeatBuyersThresholds> = {
	id: 'repeatBuyers',
	defaultName: 'Repeat Buyers',
	description: 'Customers who come back and buy again on a regular cycle',
	thresholds: [
		{
			name: 'repeatMinRepeatPurchases',
			displayName: 'Minimum Repeat Purchases',
			type: 'number',
			default: 2,
			min: 1,
			description: 'How many times a customer must have come back after the first purchase (purchases on the same day count once)',
			hint: '2 = bought on at least 3 different days',
		},
		{
			name: 'repeatMaxDaysBetween',
			displayName: 'Maximum Days Between Purchases',
			type: 'number',
			default: 90,
			min: 0,
			description: 'The longest usual gap between two purchases (the median) for the customer to count as coming back on a cycle',
			hint: '0 = any gap',
		},
	],
	fields: ['frequency', 'purchaseDays', 'orderCount', 'medianGapDays'],
	evaluate(c: SegmentCustomer, t: RepeatBuyersThresholds): string | null {
		const repeats = repeatPurchases(c);
		if (repeats === null || repeats < 1 || repeats < t.repeatMinRepeatPurchases) return null;
		const gap = c.medianGapDays;
		if (gap !== null && t.repeatMaxDaysBetween > 0 && gap > t.repeatMaxDaysBetween) return null;
		const purchases = count(repeats + 1, 'purchase');
		return gap === null ? purchases : `${purchases}, about ${everyDays(gap)}`;
	},
};
