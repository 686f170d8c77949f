/**
 * Stand-ins for the n8n-nodes-base node types our workflows and templates use. n8n-nodes-base itself is not installed
 * for in-process runs; the real nodes run in the e2e suite, inside a real n8n. These are NOT the real nodes:
 *
 * - Triggers (Manual, Schedule, Webhook, Execute Workflow Trigger) emit their pinned items, or one empty item, as the
 *   real ones do for a run started by hand.
 * - Routing nodes our templates depend on behave like the real ones for the parameters the templates use:
 *   If (v2: true/false outputs) and Filter (v2) evaluate their conditions with n8n's own filter code (the same
 *   `getNodeParameter(..., { extractValue: true })` call the real nodes make); Edit Fields / Set (v3, manual mapping)
 *   sets the assignments n8n evaluated per item; Sort (simple mode) sorts by the listed fields; Loop Over Items
 *   (Split in Batches v3) hands out batches on its "loop" output and everything on "done" at the end.
 * - Wait only checks its resume time is a date (item 0, as the real node reads it) and passes the items on at once.
 * - Service nodes (Mailchimp, Shopify, Send Email, HTTP Request, ...) and No Operation pass their input through
 *   unchanged: templates ship them disabled or behind sample data, so in-process runs never call a service.
 */
import { get, set } from 'lodash';
import {
	NodeOperationError,
	tryToParseDateTime,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

const VERSIONS = [1, 1.1, 1.2, 1.3, 1.4, 2, 2.1, 2.2, 2.3, 3, 3.1, 3.2, 3.3, 3.4, 4, 4.1, 4.2];

function describe(
	name: string,
	displayName: string,
	inputs: number,
	properties: INodeProperties[] = [],
	outputs = 1,
): INodeTypeDescription {
	return {
		displayName,
		name,
		group: inputs ? ['transform'] : ['trigger'],
		version: VERSIONS,
		description: `${displayName} (in-process stand-in)`,
		defaults: { name: displayName },
		inputs: Array(inputs).fill('main'),
		outputs: Array(outputs).fill('main'),
		properties,
	} as unknown as INodeTypeDescription;
}

class Trigger implements INodeType {
	constructor(public description: INodeTypeDescription) {}
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		return [items.length ? items : [{ json: {} }]];
	}
}

class PassThrough implements INodeType {
	constructor(public description: INodeTypeDescription) {}
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** The filter parameter as If v2 and Filter v2 declare it (their conditions carry their own options). */
const conditions: INodeProperties = {
	displayName: 'Conditions',
	name: 'conditions',
	type: 'filter',
	default: {},
	typeOptions: { filter: { caseSensitive: '={{!$parameter.options.ignoreCase}}', typeValidation: 'strict', version: 2 } },
};
const routingOptions: INodeProperties[] = [
	conditions,
	{ displayName: 'Convert Types Where Required', name: 'looseTypeValidation', type: 'boolean', default: false },
	{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [{ displayName: 'Ignore Case', name: 'ignoreCase', type: 'boolean', default: false }] },
];

/** If v2 / Filter v2: n8n's filter code decides per item. (`this` in execute is n8n's context, not the class.) */
function routeNode(description: INodeTypeDescription, keepFalse: boolean): INodeType {
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const kept: INodeExecutionData[] = [];
			const dropped: INodeExecutionData[] = [];
			this.getInputData().forEach((item, itemIndex) => {
				const pass = this.getNodeParameter('conditions', itemIndex, false, { extractValue: true }) as boolean;
				(pass ? kept : dropped).push({ ...item, pairedItem: { item: itemIndex } });
			});
			return keepFalse ? [kept, dropped] : [kept];
		},
	};
}

/** Edit Fields (Set) v3, manual mapping: the assignments n8n evaluated for each item. */
class SetFields implements INodeType {
	description = describe('set', 'Edit Fields', 1, [
		{ displayName: 'Mode', name: 'mode', type: 'options', default: 'manual', options: [{ name: 'Manual Mapping', value: 'manual' }] },
		{ displayName: 'Fields to Set', name: 'assignments', type: 'assignmentCollection', default: {} },
		{ displayName: 'Include Other Input Fields', name: 'includeOtherFields', type: 'boolean', default: false },
		{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [{ displayName: 'Support Dot Notation', name: 'dotNotation', type: 'boolean', default: true }] },
	]);
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((item, itemIndex) => {
				const keep = this.getNodeParameter('includeOtherFields', itemIndex, false) as boolean;
				const dots = this.getNodeParameter('options.dotNotation', itemIndex, true) as boolean;
				const assignments = this.getNodeParameter('assignments.assignments', itemIndex, []) as Array<{ name: string; value: unknown; type?: string }>;
				const json: IDataObject = keep ? (JSON.parse(JSON.stringify(item.json)) as IDataObject) : {};
				for (const a of assignments) {
					let value = a.value;
					if (a.type === 'number') value = Number(value);
					else if (a.type === 'boolean') value = value === true || value === 'true';
					else if ((a.type === 'array' || a.type === 'object') && typeof value === 'string') value = JSON.parse(value);
					else if (a.type === 'string' && value !== null && value !== undefined && typeof value !== 'string') value = String(value);
					if (dots) set(json, a.name, value);
					else json[a.name] = value as IDataObject[string];
				}
				return { json, pairedItem: { item: itemIndex } };
			}),
		];
	}
}

/** Sort v1, simple mode: by the listed fields, ascending or descending. */
class SortItems implements INodeType {
	description = describe('sort', 'Sort', 1, [
		{ displayName: 'Type', name: 'type', type: 'options', default: 'simple', options: [{ name: 'Simple', value: 'simple' }] },
		{
			displayName: 'Fields To Sort By',
			name: 'sortFieldsUi',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			options: [
				{
					displayName: 'Field To Sort By',
					name: 'sortField',
					values: [
						{ displayName: 'Field Name', name: 'fieldName', type: 'string', default: '' },
						{ displayName: 'Order', name: 'order', type: 'options', default: 'ascending', options: [{ name: 'Ascending', value: 'ascending' }, { name: 'Descending', value: 'descending' }] },
					],
				},
			],
		},
	]);
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const fields = this.getNodeParameter('sortFieldsUi.sortField', 0, []) as Array<{ fieldName: string; order?: string }>;
		const items = this.getInputData().map((item, itemIndex) => ({ ...item, pairedItem: { item: itemIndex } }));
		const compare = (a: unknown, b: unknown) => (a === b ? 0 : a === undefined || a === null ? 1 : b === undefined || b === null ? -1 : (a as number) < (b as number) ? -1 : 1);
		items.sort((x, y) => {
			for (const f of fields) {
				const c = compare(get(x.json, f.fieldName), get(y.json, f.fieldName));
				if (c) return f.order === 'descending' ? -c : c;
			}
			return 0;
		});
		return [items];
	}
}

/** Loop Over Items (Split in Batches v3): batches on output 1 ("loop"), everything on output 0 ("done") at the end. */
class LoopOverItems implements INodeType {
	description = describe('splitInBatches', 'Loop Over Items', 1, [{ displayName: 'Batch Size', name: 'batchSize', type: 'number', default: 1 }], 2);
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const state = this.getContext('node') as { left?: INodeExecutionData[]; done?: INodeExecutionData[] };
		const size = Math.max(1, this.getNodeParameter('batchSize', 0, 1) as number);
		const input = this.getInputData();
		if (state.left === undefined) {
			state.left = input.map((item, itemIndex) => ({ ...item, pairedItem: { item: itemIndex } }));
			state.done = [];
		} else {
			state.done = [...(state.done ?? []), ...input];
		}
		const batch = state.left.splice(0, size);
		if (batch.length === 0) {
			const done = state.done ?? [];
			state.left = undefined;
			state.done = undefined;
			return [done, []];
		}
		return [[], batch];
	}
}

/** Wait: checks the resume time n8n evaluated for item 0 is a date, then passes the items on without waiting. */
class WaitStandIn implements INodeType {
	description = describe('wait', 'Wait', 1, [
		{ displayName: 'Resume', name: 'resume', type: 'options', default: 'timeInterval', options: [{ name: 'At Specified Time', value: 'specificTime' }, { name: 'After Time Interval', value: 'timeInterval' }] },
		{ displayName: 'Date and Time', name: 'dateTime', type: 'dateTime', default: '' },
	]);
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (this.getNodeParameter('resume', 0) === 'specificTime' && items.length) {
			const raw = this.getNodeParameter('dateTime', 0);
			try {
				tryToParseDateTime(raw as string, this.getTimezone());
			} catch {
				throw new NodeOperationError(this.getNode(), `Wait: the resume time ${JSON.stringify(raw)} is not a date`);
			}
		}
		return [items];
	}
}

export function baseNodeStandIns(): Record<string, INodeType> {
	const triggers: Array<[string, string]> = [
		['manualTrigger', 'Manual Trigger'],
		['scheduleTrigger', 'Schedule Trigger'],
		['webhook', 'Webhook'],
		['executeWorkflowTrigger', 'Execute Workflow Trigger'],
	];
	const out: Record<string, INodeType> = {};
	for (const [name, displayName] of triggers) {
		out[`n8n-nodes-base.${name}`] = new Trigger(describe(name, displayName, 0));
	}
	const passThrough: Array<[string, string]> = [
		['noOp', 'No Operation'],
		['mailchimp', 'Mailchimp'],
		['shopify', 'Shopify'],
		['wooCommerce', 'WooCommerce'],
		['hubspot', 'HubSpot'],
		['emailSend', 'Send Email'],
		['httpRequest', 'HTTP Request'],
	];
	for (const [name, displayName] of passThrough) {
		out[`n8n-nodes-base.${name}`] = new PassThrough(describe(name, displayName, 1));
	}
	out['n8n-nodes-base.stickyNote'] = new PassThrough(describe('stickyNote', 'Sticky Note', 0));
	out['n8n-nodes-base.if'] = routeNode(describe('if', 'If', 1, routingOptions, 2), true);
	out['n8n-nodes-base.filter'] = routeNode(describe('filter', 'Filter', 1, routingOptions), false);
	out['n8n-nodes-base.set'] = new SetFields();
	out['n8n-nodes-base.sort'] = new SortItems();
	out['n8n-nodes-base.splitInBatches'] = new LoopOverItems();
	out['n8n-nodes-base.wait'] = new WaitStandIn();
	return out;
}
