import { customers } from '../../../core/segments/customers';
import { prospects } from '../../../core/segments/prospects';
import { customer } from './helpers';

describe('Customers and Prospects', () => {
	test('one order makes a customer, with when the last one was', () => {
		expect(customers.evaluate(customer({ orderCount: 1 }), {})).toBe('1 order');
		expect(customers.evaluate(customer({ orderCount: 5, daysSinceLastPurchase: 12 }), {})).toBe('5 orders, the last one 12 days ago');
		expect(customers.evaluate(customer({ orderCount: 2, daysSinceLastPurchase: 0 }), {})).toBe('2 orders, the last one today');
		expect(customers.evaluate(customer({ orderCount: 2, daysSinceLastPurchase: 1 }), {})).toBe('2 orders, the last one yesterday');
		expect(customers.evaluate(customer({ purchaseDays: 3 }), {})).toBe('3 orders');
		expect(customers.evaluate(customer({ orderCount: 0 }), {})).toBeNull();
		expect(customers.evaluate(customer({}), {})).toBeNull();
	});

	test('no order is a prospect; unknown order count too, said so', () => {
		expect(prospects.evaluate(customer({ orderCount: 0 }), {})).toBe('no order yet');
		expect(prospects.evaluate(customer({}), {})).toBe('no order on record');
		expect(prospects.evaluate(customer({ orderCount: 1 }), {})).toBeNull();
	});

	test('every customer is on exactly one of the two', () => {
		for (const known of [{}, { orderCount: 0 }, { orderCount: 1 }, { purchaseDays: 2 }, { orderCount: 0, purchaseDays: 0 }]) {
			const c = customer(known);
			const on = [customers.evaluate(c, {}), prospects.evaluate(c, {})].filter((r) => r !== null);
			expect(on).toHaveLength(1);
		}
	});
});
