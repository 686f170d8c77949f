import type { Order } from '../../../core/model/order';

/** A paid EUR order of 10.00, one unit, no discount, read from input item `item`; `patch` changes any field. */
export function testOrder(customerKey: string, placedAt: number, item: number, patch: Partial<Order> = {}): Order {
	return {
		customerKey,
		customerId: null,
		email: null,
		orderId: `#${item}`,
		placedAt,
		zone: null,
		total: 10,
		currency: 'EUR',
		discountAmount: 0,
		couponCodes: [],
		status: 'paid',
		refundedAmount: 0,
		quantity: 1,
		products: [],
		sourceItem: item,
		sourceItems: undefined,
		...patch,
	};
}
