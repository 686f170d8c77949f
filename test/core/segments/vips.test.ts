import { vips, type VipsThresholds } from '../../../core/segments/vips';
import { customer, thresholds } from './helpers';

const t = thresholds<VipsThresholds>('vips');
const check = (c: Parameters<typeof vips.evaluate>[0], th = t) => vips.evaluate(c, th);

describe('VIPs', () => {
	test('defaults: every criterion on', () => {
		expect(t).toEqual({
			vipCriteria: ['bigSpender', 'bulkBuyer', 'loyal', 'referrer', 'feedbackGiver'],
			vipMinTotalSpent: 500,
			vipMinOrderQuantity: 10,
			vipMinCustomerDays: 365,
			vipMinPurchaseDays: 4,
			vipMinReferrals: 1,
			vipMinFeedback: 1,
		});
	});

	test('big spender at the threshold is in, a cent less is out', () => {
		expect(check(customer({ totalSpent: 500 }))).toBe('big spender: spent 500 in total');
		expect(check(customer({ totalSpent: 499.99 }))).toBeNull();
		expect(check(customer({ totalSpent: 1240.5 }))).toBe('big spender: spent 1,240.50 in total');
	});

	test('bulk buyer', () => {
		expect(check(customer({ largestOrderQuantity: 10 }))).toBe('bulk buyer: 10 items in one order');
		expect(check(customer({ largestOrderQuantity: 9 }))).toBeNull();
	});

	test('loyal needs both the age and the purchase days', () => {
		expect(check(customer({ ageDays: 365, purchaseDays: 4 }))).toBe('loyal customer: customer for 365 days, bought on 4 days');
		expect(check(customer({ ageDays: 364, purchaseDays: 10 }))).toBeNull();
		expect(check(customer({ ageDays: 800, purchaseDays: 3 }))).toBeNull();
		expect(check(customer({ ageDays: 400, orderCount: 6 }))).toBe('loyal customer: customer for 400 days, 6 orders');
	});

	test('referrer and feedback giver', () => {
		expect(check(customer({ referralCount: 1 }))).toBe('referrer: 1 referral');
		expect(check(customer({ referralCount: 0 }))).toBeNull();
		expect(check(customer({ feedbackCount: 1 }))).toBe('feedback giver: gave feedback once');
		expect(check(customer({ feedbackCount: 3 }))).toBe('feedback giver: gave feedback 3 times');
	});

	test('the reason names every criterion met', () => {
		expect(check(customer({ totalSpent: 2000, largestOrderQuantity: 12, referralCount: 2 }))).toBe(
			'big spender: spent 2,000 in total; bulk buyer: 12 items in one order; referrer: 2 referrals',
		);
	});

	test('a criterion switched off does not count', () => {
		const onlyReferrers = thresholds<VipsThresholds>('vips', { vipCriteria: ['referrer'] });
		expect(check(customer({ totalSpent: 5000 }), onlyReferrers)).toBeNull();
		expect(check(customer({ totalSpent: 5000, referralCount: 3 }), onlyReferrers)).toBe('referrer: 3 referrals');
	});

	test('unknown fields meet nothing', () => {
		expect(check(customer({}))).toBeNull();
	});
});
