import { repeatBuyers, type RepeatBuyersThresholds } from '../../../core/segments/repeatBuyers';
import { customer, thresholds } from './helpers';

const t = thresholds<RepeatBuyersThresholds>('repeatBuyers');
const check = (c: Parameters<typeof repeatBuyers.evaluate>[0], th = t) => repeatBuyers.evaluate(c, th);

describe('Repeat Buyers', () => {
	test('defaults: 2 repeat purchases, usual gap of 90 days at most', () => {
		expect(t).toEqual({ repeatMinRepeatPurchases: 2, repeatMaxDaysBetween: 90 });
	});

	test('reason gives purchases and the cycle', () => {
		expect(check(customer({ frequency: 3, purchaseDays: 4, medianGapDays: 30 }))).toBe('4 purchases, about every 30 days');
		expect(check(customer({ frequency: 2, medianGapDays: 1 }))).toBe('3 purchases, about every day');
		expect(check(customer({ frequency: 5, medianGapDays: 10.5 }))).toBe('6 purchases, about every 11 days');
	});

	test('repeat purchases at the threshold are in, one fewer is out', () => {
		expect(check(customer({ frequency: 2, medianGapDays: 20 }))).toBe('3 purchases, about every 20 days');
		expect(check(customer({ frequency: 1, medianGapDays: 20 }))).toBeNull();
	});

	test('gap at the maximum is in, one day more is out; 0 means any gap', () => {
		expect(check(customer({ frequency: 2, medianGapDays: 90 }))).toBe('3 purchases, about every 90 days');
		expect(check(customer({ frequency: 2, medianGapDays: 91 }))).toBeNull();
		expect(check(customer({ frequency: 2, medianGapDays: 400 }), thresholds<RepeatBuyersThresholds>('repeatBuyers', { repeatMaxDaysBetween: 0 }))).toBe(
			'3 purchases, about every 400 days',
		);
	});

	test('repeat purchases from purchase days or order count when frequency is missing', () => {
		expect(check(customer({ purchaseDays: 3, medianGapDays: 14 }))).toBe('3 purchases, about every 14 days');
		expect(check(customer({ orderCount: 5 }))).toBe('5 purchases');
		expect(check(customer({ orderCount: 2 }))).toBeNull();
	});

	test('a single purchase is never a repeat buyer, whatever the threshold', () => {
		expect(check(customer({ frequency: 0 }), thresholds<RepeatBuyersThresholds>('repeatBuyers', { repeatMinRepeatPurchases: 1 }))).toBeNull();
		expect(check(customer({ frequency: 1, medianGapDays: 7 }), thresholds<RepeatBuyersThresholds>('repeatBuyers', { repeatMinRepeatPurchases: 1 }))).toBe(
			'2 purchases, about every 7 days',
		);
	});
});
