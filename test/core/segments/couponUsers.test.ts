import { couponUsers, type CouponUsersThresholds } from '../../../core/segments/couponUsers';
import { customer, thresholds } from './helpers';

const t = thresholds<CouponUsersThresholds>('couponUsers');
const check = (c: Parameters<typeof couponUsers.evaluate>[0], th = t) => couponUsers.evaluate(c, th);

describe('Coupon Users', () => {
	test('defaults: half of the orders, at least 2 orders', () => {
		expect(t).toEqual({ couponMinSharePercent: 50, couponMinOrders: 2 });
	});

	test('reason counts the discounted orders', () => {
		expect(check(customer({ orderCount: 9, discountedOrders: 7, discountedShare: 0.7778 }))).toBe(
			'7 of 9 orders used a coupon or discount',
		);
	});

	test('exactly at the share threshold is in, just below is out', () => {
		expect(check(customer({ orderCount: 2, discountedOrders: 1, discountedShare: 0.5 }))).toBe(
			'1 of 2 orders used a coupon or discount',
		);
		expect(check(customer({ orderCount: 10, discountedOrders: 4, discountedShare: 0.4999 }))).toBeNull();
		expect(check(customer({ orderCount: 10, discountedOrders: 7 }), thresholds<CouponUsersThresholds>('couponUsers', { couponMinSharePercent: 70 }))).toBe(
			'7 of 10 orders used a coupon or discount',
		);
	});

	test('needs the minimum number of orders', () => {
		expect(check(customer({ orderCount: 1, discountedOrders: 1, discountedShare: 1 }))).toBeNull();
		expect(check(customer({ orderCount: 1, discountedOrders: 1 }), thresholds<CouponUsersThresholds>('couponUsers', { couponMinOrders: 1 }))).toBe(
			'1 of 1 order used a coupon or discount',
		);
	});

	test('share worked out from the counts when missing; share alone gives a percentage', () => {
		expect(check(customer({ orderCount: 4, discountedOrders: 3 }))).toBe('3 of 4 orders used a coupon or discount');
		expect(check(customer({ orderCount: 8, discountedShare: 0.625 }))).toBe('63% of 8 orders used a coupon or discount');
	});

	test('no discounted order is never a coupon user, even with a 0% threshold', () => {
		expect(check(customer({ orderCount: 5, discountedOrders: 0 }), thresholds<CouponUsersThresholds>('couponUsers', { couponMinSharePercent: 0 }))).toBeNull();
	});

	test('unknown order count or discounts: not on the list', () => {
		expect(check(customer({ discountedOrders: 3 }))).toBeNull();
		expect(check(customer({ orderCount: 3 }))).toBeNull();
	});
});
