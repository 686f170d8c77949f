/**
 * VIPs: the customers worth the most attention. On the list when any ticked criterion is met, and the reason names
 * each one that is: big spender (total spent), bulk buyer (items in one order), loyal customer (customer for long
 * enough, buying on enough days), referrer, feedback giver.
 */
import { ordersOf } from './customer';
import { and, count, formatAmount, formatNumber } from './format';
import type { ListDefinition, SegmentCustomer } from './types';

export type VipCriterion = 'bigSpender' | 'bulkBuyer' | 'loyal' | 'referrer' | 'feedbackGiver';

export interface VipsThresholds {
	[key: string]: number | string[];
	vipCriteria: VipCriterion[];
	vipMinTotalSpent: number;
	vipMinOrderQuantity: number;
	vipMinCustomerDays: number;
	vipMinPurchaseDays: number;
	vipMinReferrals: number;
	vipMinFeedback: number;
}

export const vips: ListDefinition<VipsThresholds> = {
	id: 'vips',
	defaultName: 'VIPs',
	description: 'Big spenders, bulk buyers, loyal customers, referrers and feedback givers',
	thresholds: [
		{
			name: 'vipCriteria',
			displayName: 'VIP When',
			type: 'criteria',
			options: [
				{ name: 'Big Spender', value: 'bigSpender', description: 'Spent at least the minimum in total' },
				{ name: 'Bulk Buyer', value: 'bulkBuyer', description: 'Bought at least the minimum number of items in one order' },
				{ name: 'Feedback Giver', value: 'feedbackGiver', description: 'Answered surveys or sent feedback' },
				{ name: 'Loyal Customer', value: 'loyal', description: 'A customer for a long time who keeps buying' },
				{ name: 'Referrer', value: 'referrer', description: 'Referred new customers' },
			],
			default: ['bigSpender', 'bulkBuyer', 'loyal', 'referrer', 'feedbackGiver'],
			description: 'Which criteria make a VIP; meeting any one of them is enough',
		},
		{
			name: 'vipMinTotalSpent',
			displayName: 'Big Spender From (Total Spent)',
			type: 'number',
			default: 500,
			min: 0,
			decimals: 2,
			description: 'Total spent, in the store currency, from which a customer is a big spender',
			whenCriterion: { threshold: 'vipCriteria', value: 'bigSpender' },
		},
		{
			name: 'vipMinOrderQuantity',
			displayName: 'Bulk Buyer From (Items in One Order)',
			type: 'number',
			default: 10,
			min: 1,
			description: 'Items in a single order from which a customer is a bulk buyer',
			whenCriterion: { threshold: 'vipCriteria', value: 'bulkBuyer' },
		},
		{
			name: 'vipMinCustomerDays',
			displayName: 'Loyal After (Days as Customer)',
			type: 'number',
			default: 365,
			min: 0,
			description: 'Days since the first purchase after which a customer who keeps buying is loyal',
			whenCriterion: { threshold: 'vipCriteria', value: 'loyal' },
		},
		{
			name: 'vipMinPurchaseDays',
			displayName: 'Loyal From (Purchase Days)',
			type: 'number',
			default: 4,
			min: 1,
			description: 'On how many different days a loyal customer must have bought',
			whenCriterion: { threshold: 'vipCriteria', value: 'loyal' },
		},
		{
			name: 'vipMinReferrals',
			displayName: 'Referrer From (Referrals)',
			type: 'number',
			default: 1,
			min: 1,
			description: 'How many customers someone must have referred to be a referrer',
			whenCriterion: { threshold: 'vipCriteria', value: 'referrer' },
		},
		{
			name: 'vipMinFeedback',
			displayName: 'Feedback Giver From (Times)',
			type: 'number',
			default: 1,
			min: 1,
			description: 'How many times someone must have given feedback to be a feedback giver',
			whenCriterion: { threshold: 'vipCriteria', value: 'feedbackGiver' },
		},
	],
	fields: ['totalSpent', 'largestOrderQuantity', 'ageDays', 'purchaseDays', 'orderCount', 'referralCount', 'feedbackCount'],
	evaluate(c: SegmentCustomer, t: VipsThresholds): string | null {
		const on = t.vipCriteria;
		let reason = '';
		if (c.totalSpent !== null && c.totalSpent >= t.vipMinTotalSpent && on.includes('bigSpender')) {
			reason = `big spender: spent ${formatAmount(c.totalSpent)} in total`;
		}
		if (c.largestOrderQuantity !== null && c.largestOrderQuantity >= t.vipMinOrderQuantity && on.includes('bulkBuyer')) {
			reason = and(reason, `bulk buyer: ${count(c.largestOrderQuantity, 'item')} in one order`);
		}
		if (c.ageDays !== null && c.ageDays >= t.vipMinCustomerDays && on.includes('loyal')) {
			const days = c.purchaseDays !== null ? c.purchaseDays : ordersOf(c);
			if (days !== null && days >= t.vipMinPurchaseDays) {
				const what = c.purchaseDays !== null ? `bought on ${count(days, 'day')}` : count(days, 'order');
				reason = and(reason, `loyal customer: customer for ${formatNumber(c.ageDays)} days, ${what}`);
			}
		}
		if (c.referralCount !== null && c.referralCount >= t.vipMinReferrals && on.includes('referrer')) {
			reason = and(reason, `referrer: ${count(c.referralCount, 'referral')}`);
		}
		if (c.feedbackCount !== null && c.feedbackCount >= t.vipMinFeedback && on.includes('feedbackGiver')) {
			reason = and(reason, `feedback giver: gave feedback ${c.feedbackCount === 1 ? 'once' : `${formatNumber(c.feedbackCount)} times`}`);
		}
		return reason || null;
	},
};
