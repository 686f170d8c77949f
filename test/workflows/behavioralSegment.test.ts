/**
 * Behavioral Segment through n8n's own WorkflowExecute, with parameters as the editor stores them (fixtures beside
 * this file), expressions included.
 */
import path from 'path';
import {
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeTypes,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';
import { readWorkflow, runWorkflow, type WorkflowJson } from '../../harness/engine';
import { csvToObjects } from '../../scripts/lib/csv';
import { BehavioralSegment } from '../../nodes/BehavioralSegment/BehavioralSegment.node';
import { configuredOutputs } from '../../nodes/BehavioralSegment/description';
import fs from 'fs';

const NODE = 'Behavioral Segment';
const fixture = (name: string) => readWorkflow(path.join(__dirname, 'fixtures', name));
const pinned = (rows: object[]) => rows.map((json) => ({ json: json as IDataObject }));

function withParameters(wf: WorkflowJson, parameters: Record<string, unknown>, patch: Partial<INode> = {}): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(wf)) as WorkflowJson;
	const node = copy.nodes.find((n) => n.name === NODE)!;
	node.parameters = { ...node.parameters, ...(parameters as INode['parameters']) };
	Object.assign(node, patch);
	return copy;
}

const keysOf = (items: INodeExecutionData[]) => items.map((i) => i.json.customerKey);
const labelsOf = (item: INodeExecutionData, field = 'segments') => item.json[field] as Array<{ list: string; key: string; reason?: string }>;

/** Profiles as Customer Profiles outputs them (the fields the lists read). */
const ann = {
	customerKey: 'ann@shop.com',
	email: 'Ann@Gmail.com',
	orderCount: 9,
	purchaseDays: 6,
	frequency: 5,
	medianGapDays: 30,
	discountedOrders: 7,
	discountedShare: 0.7778,
	totalSpent: 1240.5,
	largestOrderQuantity: 3,
	ageDays: 420,
	daysSinceLastPurchase: 12,
};
const bob = {
	customerKey: 'bob@shop.com',
	email: 'bob@example.com',
	orderCount: 1,
	purchaseDays: 1,
	frequency: 0,
	medianGapDays: null,
	discountedOrders: 1,
	discountedShare: 1,
	totalSpent: 35,
	largestOrderQuantity: 1,
	ageDays: 10,
	daysSinceLastPurchase: 10,
};
const cat = {
	customerKey: 'cat@shop.com',
	email: 'cat@gmail.com',
	orderCount: 0,
	purchaseDays: 0,
	frequency: 0,
	medianGapDays: null,
	discountedOrders: 0,
	discountedShare: 0,
	totalSpent: 0,
	largestOrderQuantity: 0,
	ageDays: 0,
	daysSinceLastPurchase: null,
	npsScore: 10,
};
const dan = {
	customerKey: 'dan@shop.com',
	email: 'dan@gmail.com',
	orderCount: 3,
	purchaseDays: 3,
	frequency: 2,
	medianGapDays: 120,
	discountedOrders: 1,
	discountedShare: 0.3333,
	totalSpent: 150,
	largestOrderQuantity: 12,
	ageDays: 300,
	daysSinceLastPurchase: 60,
	tags: 'wholesale, Fan',
};
const battery = [ann, bob, cat, dan];

const REASONS = {
	annVip: 'big spender: spent 1,240.50 in total; loyal customer: customer for 420 days, bought on 6 days',
	annRepeat: '6 purchases, about every 30 days',
	annCoupon: '7 of 9 orders used a coupon or discount',
	annCustomer: '9 orders, the last one 12 days ago',
	bobCustomer: '1 order, the last one 10 days ago',
	catFan: 'promoter: NPS answer 10',
	danVip: 'bulk buyer: 12 items in one order',
	danFan: 'tagged "Fan"',
	danCustomer: '3 orders, the last one 60 days ago',
};

describe('default lists, one output per list', () => {
	test('every customer goes to every list it is on, with a reason per label; No List is empty', async () => {
		const r = await runWorkflow(fixture('behavioralSegment-default.json'), { pinData: { 'Customers In': pinned(battery) } });
		expect(r.error).toBeUndefined();
		const outs = r.outputs(NODE);
		expect(outs.map(keysOf)).toEqual([
			['ann@shop.com', 'dan@shop.com'], // VIPs
			['cat@shop.com', 'dan@shop.com'], // Fans
			['ann@shop.com'], // Repeat Buyers
			['ann@shop.com'], // Coupon Users
			['ann@shop.com', 'bob@shop.com', 'dan@shop.com'], // Customers
			['cat@shop.com'], // Prospects
			[], // No List
		]);
		const annOut = outs[0][0];
		expect(annOut.json).toEqual({
			...ann,
			segments: [
				{ list: 'VIPs', key: 'vips', reason: REASONS.annVip },
				{ list: 'Repeat Buyers', key: 'repeatBuyers', reason: REASONS.annRepeat },
				{ list: 'Coupon Users', key: 'couponUsers', reason: REASONS.annCoupon },
				{ list: 'Customers', key: 'customers', reason: REASONS.annCustomer },
			],
		});
		expect(annOut.pairedItem).toEqual({ item: 0 });
		expect(labelsOf(outs[1][1])).toEqual([
			{ list: 'VIPs', key: 'vips', reason: REASONS.danVip },
			{ list: 'Fans', key: 'fans', reason: REASONS.danFan },
			{ list: 'Customers', key: 'customers', reason: REASONS.danCustomer },
		]);
		expect(labelsOf(outs[5][0])).toEqual([
			{ list: 'Fans', key: 'fans', reason: REASONS.catFan },
			{ list: 'Prospects', key: 'prospects', reason: 'no order yet' },
		]);
		// pairedItem points at the input item, on every output.
		for (const out of outs) for (const item of out) expect(battery[(item.pairedItem as { item: number }).item].customerKey).toBe(item.json.customerKey);
	});

	test('First Match Only: each customer goes to the first list it is on, top to bottom', async () => {
		const wf = withParameters(fixture('behavioralSegment-default.json'), { options: { firstMatchOnly: true } });
		const r = await runWorkflow(wf, { pinData: { 'Customers In': pinned(battery) } });
		const outs = r.outputs(NODE);
		expect(outs.map(keysOf)).toEqual([['ann@shop.com', 'dan@shop.com'], ['cat@shop.com'], [], [], ['bob@shop.com'], [], []]);
		expect(labelsOf(outs[0][0])).toEqual([{ list: 'VIPs', key: 'vips', reason: REASONS.annVip }]);
	});

	test('customers on no list leave through No List; reasons can be left out', async () => {
		const wf = withParameters(fixture('behavioralSegment-default.json'), {
			lists: { list: [{ type: 'vips' }, { type: 'couponUsers' }] },
			options: { includeReasons: false },
		});
		const r = await runWorkflow(wf, { pinData: { 'Customers In': pinned(battery) } });
		const outs = r.outputs(NODE);
		expect(outs.map(keysOf)).toEqual([['ann@shop.com', 'dan@shop.com'], ['ann@shop.com'], ['bob@shop.com', 'cat@shop.com']]);
		expect(labelsOf(outs[0][0])).toEqual([
			{ list: 'VIPs', key: 'vips' },
			{ list: 'Coupon Users', key: 'couponUsers' },
		]);
		expect(labelsOf(outs[2][0])).toEqual([]);
	});
});

test('single labelled output: every customer once, in input order, with its labels', async () => {
	const wf = withParameters(fixture('behavioralSegment-default.json'), { mode: 'labelled' });
	const r = await runWorkflow(wf, { pinData: { 'Customers In': pinned(battery) } });
	const outs = r.outputs(NODE);
	expect(outs).toHaveLength(1);
	expect(keysOf(outs[0])).toEqual(['ann@shop.com', 'bob@shop.com', 'cat@shop.com', 'dan@shop.com']);
	expect(outs[0].map((i) => labelsOf(i).map((l) => l.key))).toEqual([
		['vips', 'repeatBuyers', 'couponUsers', 'customers'],
		['customers'],
		['fans', 'prospects'],
		['vips', 'fans', 'customers'],
	]);
	expect(outs[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
});

describe('lists edited in the editor (renamed, disabled, thresholds, a custom list)', () => {
	test('outputs follow the enabled lists, named as renamed; labels carry the new names and stable keys', async () => {
		const r = await runWorkflow(fixture('behavioralSegment-edited.json'), { pinData: { 'Customers In': pinned(battery) } });
		expect(r.error).toBeUndefined();
		const outs = r.outputs(NODE);
		// Big Spenders (VIPs, big spender from 1000), Bargain Hunters (coupon users from 60%), Gmail Regulars, No List
		expect(outs.map(keysOf)).toEqual([
			['ann@shop.com'],
			['ann@shop.com'],
			['ann@shop.com', 'dan@shop.com'],
			['bob@shop.com', 'cat@shop.com'],
		]);
		expect(labelsOf(outs[0][0], 'lists')).toEqual([
			{ list: 'Big Spenders', key: 'vips', reason: 'big spender: spent 1,240.50 in total' },
			{ list: 'Bargain Hunters', key: 'couponUsers', reason: REASONS.annCoupon },
			{ list: 'Gmail Regulars', key: 'Gmail Regulars', reason: 'email ends with "@gmail.com" and orderCount >= 2' },
		]);
		expect(outs[3][0].json.lists).toEqual([]);
		expect(outs[3][0].json.segments).toBeUndefined();
	});

	test('the canvas outputs computed from the parameters match what the node emits', () => {
		const wf = fixture('behavioralSegment-edited.json');
		const node = wf.nodes.find((n) => n.name === NODE)!;
		expect(configuredOutputs(node.parameters).map((o) => o.displayName)).toEqual([
			'Big Spenders',
			'Bargain Hunters',
			'Gmail Regulars',
			'No List',
		]);
	});
});

describe('the outputs function (as the editor evaluates it)', () => {
	const description = new BehavioralSegment().description;
	const nodeTypes: INodeTypes = {
		getByName: () => new BehavioralSegment(),
		getByNameAndVersion: () => new BehavioralSegment(),
		getKnownTypes: () => ({}),
	};
	const outputsFor = (parameters: INode['parameters']) => {
		const node: INode = {
			id: '1',
			name: NODE,
			type: 'n8n-nodes-behavioral-segments.behavioralSegment',
			typeVersion: 1,
			position: [0, 0],
			parameters,
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		return (NodeHelpers.getNodeOutputs(workflow, workflow.getNode(NODE)!, description) as Array<{ displayName: string }>).map(
			(o) => o.displayName,
		);
	};

	test('is self-contained: the stringified function runs on its own in a bare scope and in n8n\'s expression sandbox', () => {
		const body = (description.outputs as string).replace(/^=\{\{/, '').replace(/\}\}$/, '');
		// eslint-disable-next-line @typescript-eslint/no-implied-eval
		const bare = new Function('$parameter', `return ${body}`) as (p: unknown) => Array<{ displayName: string }>;
		expect(bare({ mode: 'outputPerList', lists: { list: [{ type: 'fans' }, { type: 'custom' }] } }).map((o) => o.displayName)).toEqual([
			'Fans',
			'Custom List',
			'No List',
		]);
		expect(outputsFor({ mode: 'outputPerList', lists: { list: [{ type: 'fans', name: 'Advocates' }, { type: 'custom' }, { type: 'custom' }] } })).toEqual([
			'Advocates',
			'Custom List',
			'Custom List 2',
			'No List',
		]);
	});

	test('defaults: the six built-in lists and No List; labelled mode: one output', () => {
		expect(outputsFor({})).toEqual(['VIPs', 'Fans', 'Repeat Buyers', 'Coupon Users', 'Customers', 'Prospects', 'No List']);
		expect(outputsFor({ mode: 'labelled' })).toEqual(['All Customers']);
		expect(configuredOutputs({ lists: { list: [] } }).map((o) => o.displayName)).toEqual(['No List']);
		expect(configuredOutputs({ lists: { list: [{ type: 'vips', enabled: false }, { type: 'prospects' }] } }).map((o) => o.displayName)).toEqual([
			'Prospects',
			'No List',
		]);
	});
});

describe('a Shopify customer CSV, mapped with expressions', () => {
	test('Total Spent, Total Orders and Tags (text cells) file the customers, labelled', async () => {
		const rows = csvToObjects(fs.readFileSync(path.join(__dirname, 'fixtures', 'shopify_customers_export.csv'), 'utf8'));
		expect(rows).toHaveLength(4);
		const r = await runWorkflow(fixture('behavioralSegment-shopifyCustomers.json'), {
			pinData: { 'Shopify Customers CSV': pinned(rows) },
		});
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		expect(out.map((i) => [i.json.Email, labelsOf(i)])).toEqual([
			[
				'ann.archer@example.com',
				[
					{ list: 'VIPs', key: 'vips', reason: 'big spender: spent 1,240.50 in total' },
					{ list: 'Fans', key: 'fans', reason: 'tagged "fan"' },
					{ list: 'Repeat Buyers', key: 'repeatBuyers', reason: '9 purchases' },
					{ list: 'Customers', key: 'customers', reason: '9 orders' },
				],
			],
			['bob.baker@example.com', [{ list: 'Customers', key: 'customers', reason: '1 order' }]],
			['cem.celik@example.com', [{ list: 'Prospects', key: 'prospects', reason: 'no order yet' }]],
			[
				'dee.dunn@example.com',
				[
					{ list: 'Fans', key: 'fans', reason: 'tagged "Advocate"' },
					{ list: 'Repeat Buyers', key: 'repeatBuyers', reason: '4 purchases' },
					{ list: 'Customers', key: 'customers', reason: '4 orders' },
				],
			],
		]);
		// The export's columns pass through untouched.
		expect(out[0].json['Total Spent']).toBe('1240.50');
		expect(out[0].json['Customer ID']).toBe("'9013808660771");
	});
});

describe('bad input', () => {
	const bad = [ann, { ...bob, totalSpent: 'n/a' }, { ...cat, orderCount: NaN }, dan];

	test('a text where a number belongs stops the node with an error naming item, field and value', async () => {
		const r = await runWorkflow(fixture('behavioralSegment-default.json'), { pinData: { 'Customers In': pinned(bad) } });
		expect(r.error?.message).toBe('Total Spent is not a number: "n/a" [item 1]');
		expect(r.error?.description).toBe(
			'Map Total Spent (Customer Fields) to a field that holds a number such as 12 or "12.50", or leave the field empty when it is unknown. Total Spent is mapped to {{ $json.totalSpent }}.',
		);
		expect(r.error?.name).toBe('NodeOperationError');
		expect((r.error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
	});

	test('NaN is an error too', async () => {
		const r = await runWorkflow(fixture('behavioralSegment-default.json'), { pinData: { 'Customers In': pinned([cat, { ...cat, orderCount: NaN }]) } });
		expect(r.error?.message).toBe('Order Count is not a number: NaN [item 1]');
	});

	test('with continueOnFail the bad items become error items in No List; every input item ends somewhere', async () => {
		const wf = withParameters(fixture('behavioralSegment-default.json'), {}, { onError: 'continueRegularOutput' });
		const r = await runWorkflow(wf, { pinData: { 'Customers In': pinned(bad) } });
		expect(r.error).toBeUndefined();
		const outs = r.outputs(NODE);
		const noList = outs[outs.length - 1];
		expect(noList.map((i) => [i.json.error, i.json.field, i.json.value, i.pairedItem])).toEqual([
			['Total Spent is not a number: "n/a" [item 1]', 'Total Spent', 'n/a', { item: 1 }],
			['Order Count is not a number: NaN [item 2]', 'Order Count', 'NaN', { item: 2 }],
		]);
		expect(noList[0].json.customerKey).toBe('bob@shop.com');
		const reached = new Set<number>();
		for (const out of outs) for (const item of out) reached.add((item.pairedItem as { item: number }).item);
		expect([...reached].sort()).toEqual([0, 1, 2, 3]);
	});

	test('a bad threshold stops the node naming the list, the threshold and the value', async () => {
		const wf = withParameters(fixture('behavioralSegment-default.json'), {
			lists: { list: [{ type: 'couponUsers', name: 'Bargain Hunters', couponMinSharePercent: 120 }] },
		});
		const r = await runWorkflow(wf, { pinData: { 'Customers In': pinned(battery) } });
		expect(r.error?.message).toBe('Bargain Hunters: Minimum Discounted Share (%) must be 100 or less, got 120');
	});
});

describe('output item shape', () => {
	test('the labels come first; an existing field of that name is replaced, not duplicated', async () => {
		const wf = withParameters(fixture('behavioralSegment-default.json'), { mode: 'labelled' });
		const r = await runWorkflow(wf, { pinData: { 'Customers In': pinned([bob, { ...cat, segments: ['old'] }]) } });
		const [first, second] = r.output(NODE);
		expect(Object.keys(first.json)).toEqual(['segments', ...Object.keys(bob)]);
		expect(Object.keys(second.json)).toEqual([...Object.keys(cat), 'segments']);
		expect(second.json.segments).toEqual([
			{ list: 'Fans', key: 'fans', reason: REASONS.catFan },
			{ list: 'Prospects', key: 'prospects', reason: 'no order yet' },
		]);
	});
});

describe('mappings that are real expressions (evaluated by n8n per item)', () => {
	const rows = [
		{ Email: 'ann@example.com', 'Total Spent': '1240,50', 'Total Orders': '9' },
		{ Email: 'bob@example.com', 'Total Orders': '1' },
	];
	const wf = () =>
		withParameters(fixture('behavioralSegment-shopifyCustomers.json'), {
			customerFields: {
				totalSpent: '={{ $json["Total Spent"].replace(",", ".") }}',
				orderCount: '={{ $json["Total Orders"] }}',
			},
		});

	test('a decimal comma converted in the mapping', async () => {
		const r = await runWorkflow(wf(), { pinData: { 'Shopify Customers CSV': pinned(rows.slice(0, 1)) } });
		expect(r.error).toBeUndefined();
		expect(labelsOf(r.output(NODE)[0])[0]).toEqual({ list: 'VIPs', key: 'vips', reason: 'big spender: spent 1,240.50 in total' });
	});

	test('an expression that fails on an item is an error naming the item and the field', async () => {
		// n8n returns nothing for a JavaScript slip such as undefined.replace(); a missing node is a real error.
		const failing = () =>
			withParameters(fixture('behavioralSegment-shopifyCustomers.json'), {
				customerFields: { totalSpent: '={{ $json["Total Spent"] ?? $("Nowhere").item.json.total }}', orderCount: '={{ $json["Total Orders"] }}' },
			});
		const dotted = [{ ...rows[0], 'Total Spent': '1240.50' }, rows[1]];
		const r = await runWorkflow(failing(), { pinData: { 'Shopify Customers CSV': pinned(dotted) } });
		expect(r.error?.message).toBe("Total Spent could not be read: Referenced node doesn't exist [item 1]");
		expect(r.error?.description).toBe(
			'Check the expression Total Spent is mapped to (Customer Fields): {{ $json["Total Spent"] ?? $("Nowhere").item.json.total }}',
		);

		const onFail = withParameters(failing(), {}, { onError: 'continueRegularOutput' });
		const out = (await runWorkflow(onFail, { pinData: { 'Shopify Customers CSV': pinned(dotted) } })).output(NODE);
		expect(out.map((i) => [i.json.Email, i.json.field, i.pairedItem])).toEqual([
			['ann@example.com', undefined, { item: 0 }],
			['bob@example.com', 'Total Spent', { item: 1 }],
		]);
	});
});

test('a custom list condition that fails (strict types) is an error item naming the list, the condition and the value', async () => {
	const wf = withParameters(
		fixture('behavioralSegment-edited.json'),
		{},
		{ onError: 'continueRegularOutput' },
	);
	const r = await runWorkflow(wf, { pinData: { 'Customers In': pinned([ann, { ...dan, orderCount: '2' }]) } });
	const outs = r.outputs(NODE);
	const noList = outs[outs.length - 1];
	expect(noList.map((i) => [i.json.error, i.json.field, i.json.value, i.pairedItem])).toEqual([
		[
			"Gmail Regulars, condition 2 (orderCount): Wrong type: '2' is a string but was expecting a number [condition 1, item 1]",
			'Gmail Regulars, condition 2 (orderCount)',
			'2',
			{ item: 1 },
		],
	]);
});
