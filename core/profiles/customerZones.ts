/**
 * Per-customer time zones read from the input items (the "Customer Time Zone Field" option): the first valid zone
 * seen on any of a customer's items wins. An order with an item whose zone is not an IANA zone is an error (on all
 * the order's items) and is left out (rather than silently dated in another zone).
 */
import { InputError, showValue } from '../errors';
import { sourceItemsOf, type Order } from '../model/order';
import { isValidZone } from '../time/dates';

export interface CustomerZonesResult {
	/** The orders minus those read from an item with an invalid zone. */
	orders: Order[];
	customerZones: Map<string, string>;
	errors: InputError[];
}

export function customerZonesFromItems(
	orders: readonly Order[],
	zoneOfItem: (itemIndex: number) => unknown,
	fieldName = 'Customer Time Zone',
): CustomerZonesResult {
	const customerZones = new Map<string, string>();
	const errors: InputError[] = [];
	const valid = new Map<string, boolean>();
	const kept: Order[] = [];
	for (const order of orders) {
		let badZone: unknown = undefined;
		let bad = false;
		const items = sourceItemsOf(order);
		for (const item of items) {
			const z = zoneOfItem(item);
			if (z === undefined || z === null || z === '') continue;
			let ok = typeof z === 'string' ? valid.get(z) : false;
			if (ok === undefined) {
				ok = isValidZone(z);
				valid.set(z as string, ok);
			}
			if (!ok) {
				bad = true;
				badZone = z;
				break;
			}
			if (!customerZones.has(order.customerKey)) customerZones.set(order.customerKey, z as string);
		}
		if (!bad) {
			kept.push(order);
			continue;
		}
		errors.push(
			new InputError(
				`The customer time zone ${showValue(badZone)} is not an IANA time zone such as "Europe/Berlin"`,
				fieldName,
				badZone,
				'Use zone names like "America/New_York", or clear the Customer Time Zone Field option',
				items.slice(),
			),
		);
	}
	return { orders: kept, customerZones, errors };
}
