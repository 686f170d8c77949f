import type { INodeProperties } from 'n8n-workflow';
import { ORDER_SOURCES } from '../../core/sources';

/** The source id of "Map Fields Yourself": the order-record reader, fed with the user's field mappings. */
export const MAP_FIELDS = 'orderRecord';

/**
 * The order fields the user can map in "Map Fields Yourself" (canonical order-record names), each defaulting to the
 * item field of the same name. A field the user has not added to the collection keeps its default.
 */
export const MAPPED_FIELDS: ReadonlyArray<{ name: string; displayName: string; description: string; placeholder: string }> = [
	{ name: 'couponCodes', displayName: 'Coupon Codes', description: 'The coupon or discount codes used on the order, as a list or one comma-separated text', placeholder: '={{ $json.discount_codes }}' },
	{ name: 'currency', displayName: 'Currency', description: 'The three-letter currency of the order total, such as EUR', placeholder: '={{ $json.currency }}' },
	{ name: 'customerId', displayName: 'Customer ID', description: 'Your shop\'s ID for the customer; when empty, the e-mail identifies the customer', placeholder: '={{ $json.customer.id }}' },
	{ name: 'discountAmount', displayName: 'Discount Amount', description: 'How much discount the order got, as a plain number', placeholder: '={{ $json.discount_total }}' },
	{ name: 'email', displayName: 'Email', description: 'The customer\'s e-mail address (upper and lower case are the same person)', placeholder: '={{ $json.billing.email }}' },
	{ name: 'orderId', displayName: 'Order ID', description: 'The order number, used in error messages', placeholder: '={{ $json.order_number }}' },
	{ name: 'placedAt', displayName: 'Order Date', description: 'When the order was placed: an ISO date, a date and time, or a Unix timestamp', placeholder: '={{ $json.created_at }}' },
	{ name: 'products', displayName: 'Products', description: 'The products or categories bought, as a list or one comma-separated text', placeholder: '={{ $json.items.map(i => i.name) }}' },
	{ name: 'quantity', displayName: 'Quantity', description: 'How many units the order holds', placeholder: '={{ $json.item_count }}' },
	{ name: 'refundedAmount', displayName: 'Refunded Amount', description: 'How much of the order was refunded, as a plain number', placeholder: '={{ $json.total_refunded }}' },
	{ name: 'status', displayName: 'Status', description: 'The order status, such as paid, refunded or cancelled', placeholder: '={{ $json.financial_status }}' },
	{ name: 'total', displayName: 'Total', description: 'The order total as charged, as a plain number such as 49.90', placeholder: '={{ $json.total_price }}' },
];

/** Default of a mapped field: the item field of the same name. */
export const fieldDefault = (name: string) => `={{ $json.${name} }}`;

const sourceName = (id: string, name: string) => (id === MAP_FIELDS ? 'Map Fields Yourself' : name);

const sourceOptions = ORDER_SOURCES.map((s) => ({
	name: sourceName(s.id, s.name),
	value: s.id,
	description:
		s.id === MAP_FIELDS
			? 'Items that already have the order fields (customerId or email, placedAt, total, …), e.g. from Sample Orders, or map each field with an expression'
			: s.description,
}));

const subtitleNames = JSON.stringify(Object.fromEntries(ORDER_SOURCES.map((s) => [s.id, sourceName(s.id, s.name)])));

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: sourceOptions,
		default: MAP_FIELDS,
		description: 'Where the orders come from, so their fields are read the right way',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Map Field',
		default: {},
		displayOptions: { show: { source: [MAP_FIELDS] } },
		description: 'Where each order field is in your items',
		hint: 'Each field is read from the item field of the same name (customerId, email, placedAt, total, …) unless you map it here',
		options: MAPPED_FIELDS.map((f) => ({
			displayName: f.displayName,
			name: f.name,
			type: 'string' as const,
			default: fieldDefault(f.name),
			placeholder: f.placeholder,
			description: f.description,
		})),
	},
	{
		displayName: 'As Of',
		name: 'asOf',
		type: 'dateTime',
		default: '',
		description: 'The day the profiles describe: orders placed after the end of this day are not read',
		hint: 'Empty means today in the workflow time zone. Set a past date to see customers as they were then.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Customer Time Zone Field',
				name: 'customerTimeZoneField',
				type: 'string',
				default: '',
				placeholder: 'customer.timezone',
				description: 'The item field holding each customer\'s own time zone, so purchase days follow their calendar',
				hint: 'A field name such as timezone, or an expression giving the zone. Customers without one use the Orders Time Zone.',
			},
			{
				displayName: 'Date Format',
				name: 'dateFormat',
				type: 'string',
				default: '',
				placeholder: 'dd/MM/yyyy HH:mm',
				description: 'How to read order dates that are not ISO dates, such as 29/06/2020 (day first)',
				hint: 'Uses Luxon tokens: dd day, MM month, yyyy year, HH hour, mm minute',
			},
			{
				displayName: 'Fields to Keep',
				name: 'keepFields',
				type: 'string',
				default: '',
				placeholder: 'tags, reviewCount, averageRating, referralCount',
				description:
					'Customer details on your order items to carry onto each profile, such as CRM tags, review counts or referrals, separated by commas',
				hint: "Each comes from the customer's most recent order where it is filled in (up to the As Of date); lists are kept as they are, not merged. Customers without one get null. A path such as customer.tags is kept as tags.",
			},
			{
				displayName: 'Keep Cancelled Orders',
				name: 'keepCancelled',
				type: 'boolean',
				default: false,
				description: 'Whether cancelled and failed orders count as purchases',
			},
			{
				displayName: 'Keep Currencies Apart',
				name: 'keepCurrenciesApart',
				type: 'boolean',
				default: false,
				description: 'Whether a customer who paid in several currencies gets one profile per currency instead of an error',
			},
			{
				displayName: 'Keep Fully Refunded Orders',
				name: 'keepRefunded',
				type: 'boolean',
				default: false,
				description: 'Whether fully refunded orders count as purchases (their spend stays 0, as spend is net of refunds)',
			},
			{
				displayName: 'Keep Zero-Value Orders',
				name: 'keepZeroValue',
				type: 'boolean',
				default: false,
				description: 'Whether orders with a total of 0 (free samples, fully discounted orders) count as purchases',
			},
			{
				displayName: 'Orders Time Zone',
				name: 'ordersTimeZone',
				type: 'string',
				default: '',
				placeholder: 'Europe/Berlin',
				description: 'The shop\'s time zone: for order dates without an offset, and for the calendar days of customers without their own zone',
				hint: 'Empty means the workflow time zone',
			},
		],
	},
];

/** The parameters of Customer Profiles as the editor shows them; the node's card (name, icon, ports) is in CustomerProfiles.node.ts. */
export const customerProfilesProperties = properties;

/** Subtitle: the picked source by name. */
export const customerProfilesSubtitle = `={{ (${subtitleNames})[$parameter["source"]] }}`;
