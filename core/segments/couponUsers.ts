/**
 * Coupon users: customers who buy mostly on sale or with a code. On the list when the share of their orders with a
 * discount or coupon reaches the threshold (half by default) and they placed enough orders for that to mean
 * something (2 by default).
 */
import { count, formatNumber } from './format';
import type { ListDefinition, SegmentCustomer } from './types';

export interface CouponUsersThresholds {
	[key: string]: number;
	couponMinSharePercent: number;
	couponMinOrders: number;
}

export const couponUsers: ListDefinition<CouponUsersThresholds> = {
	id: 'couponUsers',
	defaultName: 'Coupon Users',
	description: 'Customers who mostly buy with a coupon code or a discount',
	thresholds: [
		{
			name: 'couponMinSharePercent',
			displayName: 'Minimum Discounted Share (%)',
			type: 'number',
			default: 50,
			min: 0,
			max: 100,
			description: 'The share of orders, in percent, that must have used a coupon or a discount',
			hint: '50 = at least half of their orders used a coupon or discount',
		},
		{
			name: 'couponMinOrders',
			displayName: 'Minimum Orders',
			type: 'number',
			default: 2,
			min: 1,
			description: 'How many orders a customer needs before the share counts',
		},
	],
	fields: ['orderCount', 'discountedOrders', 'discountedShare'],
	evaluate(c: SegmentCustomer, t: CouponUsersThresholds): string | null {
		const orders = c.orderCount;
		if (orders === null || orders < t.couponMinOrders || orders <= 0) return null;
		const discounted = c.discountedOrders;
		const share = c.discountedShare !== null ? c.discountedShare : discounted !== null ? discounted / orders : null;
		if (share === null || share <= 0) return null;
		if (share < t.couponMinSharePercent / 100 - 1e-9) return null;
		if (discounted !== null) return `${formatNumber(discounted)} of ${count(orders, 'order')} used a coupon or discount`;
		return `${Math.round(share * 100)}% of ${count(orders, 'order')} used a coupon or discount`;
	},
};
