import type { INodeProperties } from 'n8n-workflow';

/** The parameters of Sample Orders as the editor shows them. The node's card (name, icon, ports) is in SampleOrders.node.ts. */
export const sampleOrdersProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Customers',
				value: 'customers',
				description: 'One record per person, with sign-up date and order totals, including prospects who never bought',
			},
			{
				name: 'Orders',
				value: 'orders',
				description: 'One item per order, oldest first, ready for Customer Profiles with the Order Record source',
			},
		],
		default: 'orders',
		description: 'Whether to emit the order history or the customer records',
	},
	{
		displayName: 'Customers',
		name: 'customers',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100000, numberPrecision: 0 },
		default: 300,
		description: 'How many buying customers the sample has (Customers mode adds about 8% sign-ups who never bought)',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'The last day of the two-year history',
		hint: 'Empty means today in the workflow time zone. Set a date to get exactly the same orders on every run.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: 'EUR',
				placeholder: 'USD',
				description: 'Three-letter currency code put on every order',
			},
			{
				displayName: 'Only Customer',
				name: 'onlyCustomer',
				type: 'string',
				default: '',
				placeholder: 'lena.fischer@example.com',
				description:
					'Customer ID or e-mail: emit only that person\'s records, the way a shop node fetches one customer\'s order history',
				hint: 'Upper/lower case and spaces around the e-mail do not matter. A customer with no sample orders gives no items.',
			},
			{
				displayName: 'Seed',
				name: 'seed',
				type: 'number',
				typeOptions: { numberPrecision: 0 },
				default: 1,
				description: 'Any whole number; another seed gives another history with the same kinds of customers',
			},
		],
	},
];
