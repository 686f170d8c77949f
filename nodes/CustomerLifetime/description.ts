import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_SETTINGS, LIFETIME_FIELD_LABELS, type LifetimeField } from '../../core/lifetime';

/** The customer fields the node reads, each defaulting to the Customer Profiles field of the same name. */
export const CUSTOMER_FIELDS: ReadonlyArray<{ name: LifetimeField; description: string; placeholder: string }> = [
	{ name: 'ageDays', description: 'Days from the customer\'s first purchase day to the as-of date', placeholder: '={{ $json.days_since_first_order }}' },
	{ name: 'asOf', description: 'The date the figures were taken at; predicted dates count from it', placeholder: '={{ $json.snapshot_date }}' },
	{ name: 'meanRepeatSpend', description: 'Average spend of the customer\'s repeat purchase days (the first purchase left out)', placeholder: '={{ $json.avg_repeat_order }}' },
	{ name: 'orderCount', description: 'How many orders the customer placed (0 for a prospect)', placeholder: '={{ $json.orders_count }}' },
	{ name: 'recencyDays', description: 'Days from the customer\'s first to their last purchase day', placeholder: '={{ $json.days_first_to_last }}' },
	{ name: 'frequency', description: 'Days with a purchase after the first one (orders on the same day count once)', placeholder: '={{ $json.repeat_purchases }}' },
	{ name: 'timeZone', description: 'The customer\'s IANA time zone; empty uses the workflow time zone', placeholder: '={{ $json.timezone }}' },
	{ name: 'totalSpent', description: 'Everything the customer spent, for the RFM monetary score', placeholder: '={{ $json.total_spent }}' },
];

/** Default of a customer field: the Customer Profiles field of the same name. */
export const fieldDefault = (name: string) => `={{ $json.${name} }}`;

const properties: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'BG/NBD',
				value: 'bgnbd',
				description: 'Customers may stop buying right after an order (Fader, Hardie & Lee 2005); fast and robust',
			},
			{
				name: 'Pareto/NBD',
				value: 'paretoNbd',
				description: 'Customers may stop buying at any time (Schmittlein, Morrison & Colombo 1987)',
			},
		],
		default: 'bgnbd',
		description: 'How customers\' buying and dropping out is modelled',
	},
	{
		displayName: 'Horizon (Days)',
		name: 'horizonDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 36525 },
		default: DEFAULT_SETTINGS.horizonDays,
		description: 'How many days ahead to predict orders and lifetime value for',
	},
	{
		displayName: 'Time Unit for Fitting',
		name: 'timeUnit',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Weeks', value: 'weeks', description: 'Parameters per week, like the published CDNOW figures' },
			{ name: 'Days', value: 'days', description: 'Parameters per day' },
		],
		default: 'weeks',
		description: 'The time unit the model parameters are fitted and reported in',
		hint: 'The predictions are the same in either unit; only the reported parameters differ',
	},
	{
		displayName: 'Customer Fields',
		name: 'customerFields',
		type: 'collection',
		placeholder: 'Map Field',
		default: {},
		description: 'Where each customer figure is in your items',
		hint: 'Each field is read from the Customer Profiles field of the same name (frequency, recencyDays, ageDays, …) unless you map it here',
		options: CUSTOMER_FIELDS.map((f) => ({
			displayName: LIFETIME_FIELD_LABELS[f.name],
			name: f.name,
			type: 'string' as const,
			default: fieldDefault(f.name),
			placeholder: f.placeholder,
			description: f.description,
		})).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Output Field',
		name: 'outputField',
		type: 'string',
		default: 'lifetime',
		placeholder: 'lifetime',
		description: 'The field each customer\'s predictions are written to',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'High Churn Risk Below',
				name: 'highRiskBelow',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: DEFAULT_SETTINGS.highRiskBelow,
				description: 'Customers whose chance of still being active is below this have a high churn risk',
			},
			{
				displayName: 'Low Churn Risk From',
				name: 'lowRiskFrom',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: DEFAULT_SETTINGS.lowRiskFrom,
				description: 'Customers whose chance of still being active is at least this have a low churn risk',
			},
			{
				displayName: 'Minimum Buyers',
				name: 'minBuyers',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_SETTINGS.minBuyers,
				description: 'Fewer customers with an order than this and the figures come from simple rules instead of the model',
			},
			{
				displayName: 'Minimum Customers for the Spend Model',
				name: 'minSpendCustomers',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_SETTINGS.minSpendCustomers,
				description: 'Fewer customers with repeat orders and spend than this and order values are each customer\'s average',
			},
			{
				displayName: 'Minimum Customers With 3+ Purchase Days',
				name: 'minRepeatBuyers',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_SETTINGS.minRepeatBuyers,
				description: 'Fewer customers who bought on 3 or more days than this and the figures come from simple rules',
			},
			{
				displayName: 'Minimum History (Days)',
				name: 'minHistoryDays',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_SETTINGS.minHistoryDays,
				description: 'A shorter order history than this and the figures come from simple rules instead of the model',
			},
			{
				displayName: 'Monthly Discount Rate (%)',
				name: 'monthlyDiscountRate',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 99, numberPrecision: 2 },
				default: 0,
				description: 'Discount future revenue by this percentage per month in the predicted lifetime value (0 = none)',
			},
			{
				displayName: 'Rules Only',
				name: 'rulesOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to skip the models and use the simple rules (recency against the usual gap, historic order rate) for everyone',
			},
		],
	},
];

/** The parameters of Customer Lifetime as the editor shows them; the node's card is in CustomerLifetime.node.ts. */
export const customerLifetimeProperties = properties;

export const customerLifetimeSubtitle = '={{ $parameter["model"] === "paretoNbd" ? "Pareto/NBD" : "BG/NBD" }}';
