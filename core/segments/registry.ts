/**
 * The built-in lists, in their default order (most specific first, so "first match only" files a VIP under VIPs
 * rather than Customers). A new list is one file beside this one, added here.
 */
import { couponUsers } from './couponUsers';
import { customers } from './customers';
import { fans } from './fans';
import { prospects } from './prospects';
import { repeatBuyers } from './repeatBuyers';
import type { ListDefinition } from './types';
import { vips } from './vips';

export const BUILT_IN_LISTS: readonly ListDefinition[] = [
	vips as unknown as ListDefinition,
	fans as unknown as ListDefinition,
	repeatBuyers as unknown as ListDefinition,
	couponUsers as unknown as ListDefinition,
	customers as unknown as ListDefinition,
	prospects as unknown as ListDefinition,
];

/** The list type of a custom list (built with n8n's condition builder in the node). */
export const CUSTOM_LIST = 'custom';
export const CUSTOM_LIST_NAME = 'Custom List';
/** The output for customers on no list. */
export const NO_LIST_NAME = 'No List';

export function builtInList(id: string): ListDefinition | undefined {
	return BUILT_IN_LISTS.find((d) => d.id === id);
}
