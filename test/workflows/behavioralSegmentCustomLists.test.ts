/**
 * Custom lists: the compiled evaluation gives exactly what n8n's own evaluation gives. Each condition of n8n's
 * condition builder runs twice through the engine on the same battery of customers, once compiled (the default) and
 * once with Custom List Evaluation = n8n (getNodeParameter with extractValue per item, as n8n's If node does), under
 * each combination of letter case and type validation. Membership and error items (n8n's own messages) must match.
 */
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { runWorkflow, type WorkflowJson } from '../../harness/engine';

const NODE = 'Behavioral Segment';

/** Customers with awkward values: numbers as text, NaN, mixed case, umlauts, missing, null, wrong types. */
const people: IDataObject[] = [
	{ totalSpent: 150, note: 'VIP customer', city: 'Berlin', email: 'Ann@Gmail.com', subscribed: true, tags: ['Fan', 'wholesale'], lastPurchaseAt: '2024-03-01T10:00:00+01:00', address: { city: 'Berlin' } },
	{ totalSpent: '150', note: 'vip', city: 'BERLIN', email: 'bob@example.com', subscribed: 'true', tags: 'fan, x', lastPurchaseAt: '2023-12-31', address: null },
	{ totalSpent: null, note: null, city: '', email: '', subscribed: false, tags: [], lastPurchaseAt: null, address: {} },
	{},
	{ totalSpent: NaN, note: ' Vip ', city: 'berlin ', email: 'a@GMAIL.COM', subscribed: 1, tags: ['FAN'], lastPurchaseAt: 1717200000000, address: { city: 'berlin' } },
	{ totalSpent: '', note: 5, city: 42, email: 'x', subscribed: 'yes', tags: [1, 2, 3], lastPurchaseAt: 'not a date', address: 'Berlin' },
	{ totalSpent: 1e6, note: 'ÄRGER vip', city: 'München', email: 'ü@gmail.com', subscribed: 0, tags: ['Ärger', 'fan'], lastPurchaseAt: '2024-06-01T00:00:00Z', address: { city: 'MÜNCHEN' } },
	{ totalSpent: true, note: true, city: true, email: null, subscribed: 'false', tags: 'fan', lastPurchaseAt: '2024-01-01', address: [] },
	{ totalSpent: -5, note: '', city: 'Berlin', email: 'c@gmail.com', subscribed: null, tags: null, lastPurchaseAt: '2024-01-01T00:00:00.000Z', address: { city: null } },
	{ totalSpent: ' 200 ', note: 'vip', city: 'Berlin', email: 'd@gmail.com', subscribed: 'TRUE', tags: ['a', 'b'], lastPurchaseAt: '2024-02-30', address: { town: 'x' } },
	{ totalSpent: 100, note: 'VIP', city: 'berlin', email: 'e@gmail.com', subscribed: true, tags: ['fan', 'FAN'], lastPurchaseAt: '2024-01-01T00:00:00+00:00', address: { city: 'Berlin' } },
	{ totalSpent: 99.99, note: 'vip', city: 'Berlin', email: 'f@gmail.com', subscribed: false, tags: ['fan'], lastPurchaseAt: '2025-01-01T00:00:00Z', address: { city: 'Berlin' }, orderCount: 3 },
].map((p, i) => ({ customerKey: `k${i}`, ...p }));

type Condition = { leftValue: unknown; rightValue: unknown; operator: Record<string, unknown> };
const SINGLE = new Set(['exists', 'notExists', 'empty', 'notEmpty', 'true', 'false']);
const c = (left: string, type: string, operation: string, right: unknown = '', extra: Record<string, unknown> = {}): Condition => ({
	leftValue: left.startsWith('=') ? left : `={{ $json.${left} }}`,
	rightValue: right,
	operator: { type, operation, ...(SINGLE.has(operation) ? { singleValue: true } : {}), ...extra },
});

const conditions: Array<[string, Condition]> = [
	...['equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'notStartsWith', 'endsWith', 'notEndsWith'].map(
		(op): [string, Condition] => [`string ${op} "vip"`, c('note', 'string', op, 'vip')],
	),
	['string equals "Berlin" on city', c('city', 'string', 'equals', 'Berlin')],
	['string endsWith "@GMAIL.com" on email', c('email', 'string', 'endsWith', '@GMAIL.com')],
	['string equals "münchen"', c('city', 'string', 'equals', 'münchen')],
	['string regex /^vip/i', c('note', 'string', 'regex', '/^vip/i')],
	['string regex vip (no flags)', c('note', 'string', 'regex', 'vip')],
	['string notRegex ^v', c('note', 'string', 'notRegex', '^v')],
	...['exists', 'notExists', 'empty', 'notEmpty'].map((op): [string, Condition] => [`string ${op}`, c('note', 'string', op)]),
	['string equals with a number on the right', c('note', 'string', 'equals', 5)],
	...['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte'].map((op): [string, Condition] => [`number ${op} 150`, c('totalSpent', 'number', op, 150)]),
	['number gt "100" (text on the right)', c('totalSpent', 'number', 'gt', '100')],
	...['exists', 'notExists', 'empty', 'notEmpty'].map((op): [string, Condition] => [`number ${op}`, c('totalSpent', 'number', op)]),
	['number lt on a text field', c('note', 'number', 'lt', 10)],
	...['true', 'false', 'exists', 'notExists', 'empty', 'notEmpty'].map((op): [string, Condition] => [`boolean ${op}`, c('subscribed', 'boolean', op)]),
	['boolean equals true', c('subscribed', 'boolean', 'equals', true)],
	['boolean notEquals "true" (text)', c('subscribed', 'boolean', 'notEquals', 'true')],
	['array contains "fan"', c('tags', 'array', 'contains', 'fan', { rightType: 'any' })],
	['array notContains "FAN"', c('tags', 'array', 'notContains', 'FAN', { rightType: 'any' })],
	['array contains 2 (number)', c('tags', 'array', 'contains', 2, { rightType: 'any' })],
	...['lengthEquals', 'lengthNotEquals', 'lengthGt', 'lengthLt', 'lengthGte', 'lengthLte'].map((op): [string, Condition] => [
		`array ${op} 2`,
		c('tags', 'array', op, 2, { rightType: 'number' }),
	]),
	...['exists', 'notExists', 'empty', 'notEmpty'].map((op): [string, Condition] => [`array ${op}`, c('tags', 'array', op)]),
	...['after', 'before', 'equals', 'afterOrEquals', 'beforeOrEquals', 'exists', 'empty'].map((op): [string, Condition] => [
		`dateTime ${op} 2024-01-01`,
		c('lastPurchaseAt', 'dateTime', op, SINGLE.has(op) ? '' : '2024-01-01T00:00:00Z'),
	]),
	...['exists', 'empty', 'notEmpty'].map((op): [string, Condition] => [`object ${op}`, c('address', 'object', op)]),
	['nested path address.city equals "berlin"', c('address.city', 'string', 'equals', 'berlin')],
	['quoted key $json["city"] startsWith "b"', c('={{ $json["city"] }}', 'string', 'startsWith', 'b')],
	['right value from the item: address.city equals $json.city', c('address.city', 'string', 'equals', '={{ $json.city }}')],
	['real expression on the left: totalSpent * 2 > 250', c('={{ $json.totalSpent * 2 }}', 'number', 'gt', 250)],
	['real expression that can fail: email.toLowerCase()', c('={{ $json.email.toLowerCase() }}', 'string', 'endsWith', '@gmail.com')],
	['constant on the left', { ...c('city', 'string', 'equals', '={{ $json.city }}'), leftValue: 'Berlin' }],
];

const optionSets = [
	{ caseSensitive: false, typeValidation: 'loose' },
	{ caseSensitive: true, typeValidation: 'loose' },
	{ caseSensitive: false, typeValidation: 'strict' },
	{ caseSensitive: true, typeValidation: 'strict' },
] as const;

function workflow(filter: IDataObject, evaluation: 'compiled' | 'n8n'): WorkflowJson {
	const segment: INode = {
		id: 's',
		name: NODE,
		type: 'n8n-nodes-behavioral-segments.behavioralSegment',
		typeVersion: 1,
		position: [220, 0],
		onError: 'continueRegularOutput',
		parameters: {
			mode: 'labelled',
			lists: { list: [{ type: 'custom', name: 'Custom', conditions: filter }] } as unknown as INode['parameters'],
			options: { customListEvaluation: evaluation },
		},
	};
	return {
		nodes: [{ id: 't', name: 'Customers In', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, segment],
		connections: { 'Customers In': { main: [[{ node: NODE, type: 'main' as never, index: 0 }]] } },
	};
}

/** Per customer: "in" / "out", or the error n8n reports (without our prefix naming the list and condition). */
function outcome(items: INodeExecutionData[]): string[] {
	return items.map((item) => {
		if (typeof item.json.error === 'string') return `error: ${item.json.error.replace(/^Custom(, condition \d+ \([^)]*\))?: /, '')}`;
		return (item.json.segments as unknown[]).length ? 'in' : 'out';
	});
}

async function both(filter: IDataObject) {
	const pinData = { 'Customers In': people.map((json) => ({ json })) };
	const compiled = await runWorkflow(workflow(filter, 'compiled'), { pinData });
	const byN8n = await runWorkflow(workflow(filter, 'n8n'), { pinData });
	expect(compiled.error).toBeUndefined();
	expect(byN8n.error).toBeUndefined();
	return { compiled: outcome(compiled.output(NODE)), byN8n: outcome(byN8n.output(NODE)) };
}

describe.each(optionSets)('compiled custom lists = n8n (caseSensitive $caseSensitive, typeValidation $typeValidation)', (options) => {
	test.each(conditions)('%s', async (_name, condition) => {
		const { compiled, byN8n } = await both({
			options: { ...options, leftValue: '', version: 2 },
			conditions: [{ id: 'c1', ...condition }],
			combinator: 'and',
		});
		expect(compiled).toEqual(byN8n);
		expect(compiled).toHaveLength(people.length);
	});
});

describe('several conditions', () => {
	const three = [
		{ id: 'a', ...c('totalSpent', 'number', 'gte', 100) },
		{ id: 'b', ...c('email', 'string', 'endsWith', '@gmail.com') },
		{ id: 'c', ...c('tags', 'array', 'contains', 'fan', { rightType: 'any' }) },
	];

	test.each(['and', 'or'])('combinator %s, loose and strict', async (combinator) => {
		for (const options of optionSets) {
			const { compiled, byN8n } = await both({ options: { ...options, leftValue: '', version: 2 }, conditions: three, combinator });
			expect(compiled).toEqual(byN8n);
		}
	});

	test('the edge cases that decide membership, spelled out (loose, ignoring case)', async () => {
		const { compiled, byN8n } = await both({
			options: { caseSensitive: false, typeValidation: 'loose', leftValue: '', version: 2 },
			conditions: three,
			combinator: 'and',
		});
		expect(compiled).toEqual(byN8n);
		// k0: 150 / Ann@Gmail.com / ['Fan'] -> in (case ignored); k4: NaN is not >= 100; k6: 1e6, ü@gmail.com, 'fan';
		// k10: exactly 100 -> in; k11: 99.99 -> out; k1: "150" converted, but bob@example.com stops it.
		expect(compiled).toEqual(['in', 'out', 'out', 'out', 'out', 'out', 'in', 'out', 'out', 'out', 'in', 'out']);
	});

	test('strict type validation reports the same error as n8n, naming the value and the item', async () => {
		const { compiled } = await both({
			options: { caseSensitive: true, typeValidation: 'strict', leftValue: '', version: 2 },
			conditions: [{ id: 'a', ...c('totalSpent', 'number', 'gt', 100) }],
			combinator: 'and',
		});
		expect(compiled[1]).toBe("error: Wrong type: '150' is a string but was expecting a number [condition 0, item 1]");
	});

	test('an unknown combinator lets nobody through, as in n8n', async () => {
		const { compiled, byN8n } = await both({
			options: { caseSensitive: true, typeValidation: 'loose', leftValue: '', version: 2 },
			conditions: three,
			combinator: 'xor',
		});
		expect(compiled).toEqual(byN8n);
		expect(new Set(compiled)).toEqual(new Set(['out']));
	});
});
