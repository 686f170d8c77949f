/**
 * The Behavioral Segment node as the editor shows it. The list thresholds come from the list definitions in
 * core/segments (one file per list), so a new list needs no change here.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import {
	BUILT_IN_LISTS,
	CUSTOM_LIST,
	SEGMENT_FIELDS,
	type ListDefinition,
	type ThresholdSpec,
} from '../../core/segments';

/**
 * The canvas outputs, computed from the parameters the way n8n's Switch does it: one output per enabled list, in
 * the user's order, named as the list, then "No List"; or one output in the labelled mode. It travels to the
 * editor as text inside the `outputs` expression, so it must stay self-contained (no imports, no outer names).
 */
export const configuredOutputs = (parameters: INodeParameters) => {
	const defaultNames: Record<string, string> = {
		vips: 'VIPs',
		fans: 'Fans',
		repeatBuyers: 'Repeat Buyers',
		couponUsers: 'Coupon Users',
		customers: 'Customers',
		prospects: 'Prospects',
	};
	if (parameters.mode === 'labelled') return [{ type: 'main', displayName: 'All Customers' }];
	const lists = parameters.lists as { list?: Array<Record<string, unknown>> } | undefined | null;
	const entries =
		lists === undefined || lists === null
			? Object.keys(defaultNames).map((type) => ({ type }) as Record<string, unknown>)
			: Array.isArray(lists.list)
				? lists.list
				: [];
	const outputs: Array<{ type: string; displayName: string }> = [];
	let unnamedCustom = 0;
	for (const entry of entries) {
		const type = typeof entry.type === 'string' ? entry.type : 'custom';
		const given = typeof entry.name === 'string' ? entry.name.trim() : '';
		let name = given;
		if (!name && defaultNames[type]) name = defaultNames[type];
		if (!name) {
			unnamedCustom++;
			name = unnamedCustom > 1 ? `Custom List ${unnamedCustom}` : 'Custom List';
		}
		if (entry.enabled !== false) outputs.push({ type: 'main', displayName: name });
	}
	outputs.push({ type: 'main', displayName: 'No List' });
	return outputs;
};

/** Parameters of one list entry that show a threshold: its list type, and the criterion it belongs to. */
function thresholdProperty(list: ListDefinition, spec: ThresholdSpec): INodeProperties {
	const show: Record<string, string[]> = { type: [list.id] };
	if (spec.whenCriterion) show[spec.whenCriterion.threshold] = [spec.whenCriterion.value];
	const base = {
		displayName: spec.displayName,
		name: spec.name,
		description: spec.description,
		...(spec.hint ? { hint: spec.hint } : {}),
		displayOptions: { show },
	};
	switch (spec.type) {
		case 'number':
			return {
				...base,
				type: 'number',
				default: spec.default,
				typeOptions: {
					minValue: spec.min,
					...(spec.max !== undefined ? { maxValue: spec.max } : {}),
					numberPrecision: spec.decimals ?? 0,
				},
			};
		case 'criteria':
			return { ...base, type: 'multiOptions', options: spec.options, default: spec.default };
		case 'textList':
			return { ...base, type: 'string', default: spec.default, placeholder: spec.placeholder };
	}
}

const listTypeOptions = [
	...BUILT_IN_LISTS.map((d) => ({ name: d.defaultName, value: d.id, description: d.description })),
	{
		name: 'Custom',
		value: CUSTOM_LIST,
		description: "Your own list, built with n8n's conditions",
	},
].sort((a, b) => a.name.localeCompare(b.name));

const listFields: INodeProperties[] = [
	{
		displayName: 'List',
		name: 'type',
		type: 'options',
		noDataExpression: true,
		options: listTypeOptions,
		default: CUSTOM_LIST,
		description: 'Which list this is: a built-in behavioural list, or a custom one with your own conditions',
	},
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether customers are filed into this list; switch it off to skip the list without losing its settings',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Bargain Hunters',
		description: 'The name of the list on its output and in the labels; leave empty for the default name',
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		placeholder: 'Add Condition',
		type: 'filter',
		default: {},
		description: 'The customers on this list: those who meet these conditions',
		typeOptions: {
			filter: {
				caseSensitive: '={{ !$parameter.options.ignoreCase }}',
				typeValidation: '={{ $parameter.options.looseTypeValidation ? "loose" : "strict" }}',
				version: 2,
			},
		},
		displayOptions: { show: { type: [CUSTOM_LIST] } },
	},
	...BUILT_IN_LISTS.flatMap((list) => list.thresholds.map((spec) => thresholdProperty(list, spec))),
];

const customerFields: INodeProperties = {
	displayName: 'Customer Fields',
	name: 'customerFields',
	type: 'collection',
	placeholder: 'Map a Field',
	default: {},
	description:
		'Where each customer field comes from; a field not added here is read from the input field of the same name, as Customer Profiles outputs it',
	hint: 'For a CRM export, add a field and point it at your column, e.g. Total Spent at the "Total Spent" column of a Shopify customer export',
	options: SEGMENT_FIELDS.map((f) => ({
		displayName: f.label,
		name: f.key,
		type: 'string',
		default: `={{ $json.${f.key} }}`,
		description: f.description,
	})),
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Output per List',
				value: 'outputPerList',
				description: 'Each list gets its own output, plus No List; a customer goes to every list it is on',
			},
			{
				name: 'Single Output, Labelled',
				value: 'labelled',
				description: 'Every customer leaves through one output, with its lists in the labels field',
			},
		],
		default: 'outputPerList',
		description: 'How customers leave the node',
	},
	{
		displayName: 'Lists',
		name: 'lists',
		type: 'fixedCollection',
		placeholder: 'Add List',
		typeOptions: { multipleValues: true, sortable: true },
		default: { list: BUILT_IN_LISTS.map((d) => ({ type: d.id })) },
		description: 'The lists to file customers into, top to bottom; each one becomes an output named after it',
		hint: 'With First Match Only (Options), a customer goes to the first list it is on, so put the most specific lists first',
		options: [{ name: 'list', displayName: 'List', values: listFields }],
	},
	customerFields,
	{
		displayName: 'Labels Field',
		name: 'labelsField',
		type: 'string',
		default: 'segments',
		placeholder: 'e.g. segments',
		description:
			"The field that receives the customer's lists, each with the reason; the labels are private and go no further than your workflow sends them",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Convert Types Where Required',
				name: 'looseTypeValidation',
				type: 'boolean',
				default: false,
				description:
					'Whether custom list conditions convert a value to the type they compare, e.g. the text "12" to the number 12, instead of stopping with an error',
			},
			{
				displayName: 'Custom List Evaluation',
				name: 'customListEvaluation',
				type: 'options',
				options: [
					{
						name: 'Compiled (Fast)',
						value: 'compiled',
						description: "The conditions are read once and run as code, with n8n's own rules: the same result, thousands of times faster",
					},
					{
						name: 'With n8n, Item by Item (Slow)',
						value: 'n8n',
						description: "n8n evaluates the conditions again for every customer, as its If node does; for checking results",
					},
				],
				default: 'compiled',
				description: 'How the conditions of custom lists are evaluated',
			},
			{
				displayName: 'First Match Only',
				name: 'firstMatchOnly',
				type: 'boolean',
				default: false,
				description: 'Whether a customer goes only to the first list (top to bottom) it is on, instead of to every one',
			},
			{
				displayName: 'Ignore Case',
				name: 'ignoreCase',
				type: 'boolean',
				default: true,
				description: 'Whether custom list conditions ignore letter case when comparing texts',
			},
			{
				displayName: 'Include Reasons',
				name: 'includeReasons',
				type: 'boolean',
				default: true,
				description: 'Whether each label says why the customer is on the list, e.g. "7 of 9 orders used a coupon or discount"',
			},
		],
	},
];
