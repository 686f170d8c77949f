import { planLists, unknownCustomer, type SegmentCustomer, type Thresholds } from '../../../core/segments';

/** A customer with only the given fields known. */
export function customer(known: Partial<SegmentCustomer>): SegmentCustomer {
	return { ...unknownCustomer(), ...known };
}

/** A list's thresholds as the node plans them: defaults, overridden by `set`. */
export function thresholds<T extends Thresholds>(type: string, set: Record<string, unknown> = {}): T {
	return planLists([{ type, thresholds: set }])[0].thresholds as T;
}
