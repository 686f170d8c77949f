import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { InputError } from '../../core/errors';
import {
	CUSTOM_LIST,
	SEGMENT_FIELD,
	builtInList,
	customerReader,
	defaultListEntries,
	fieldsRead,
	planLists,
	type ListEntry,
	type PlannedList,
	type SegmentCustomer,
	type SegmentField,
} from '../../core/segments';
import { compileFilter, jsonValue } from '../shared/compiledFilter';
import { itemValueReader, simpleFieldPath } from '../shared/fieldAccess';
import { configuredOutputs, properties } from './description';

/** One label: which list, its stable key, and why (private: it stays in the workflow). */
export interface SegmentLabel {
	list: string;
	key: string;
	reason?: string;
}

interface Options {
	firstMatchOnly?: boolean;
	includeReasons?: boolean;
	customListEvaluation?: 'compiled' | 'n8n';
}

type Getter = (item: INodeExecutionData) => unknown;
type Json = Record<SegmentField, unknown>;

/** The default mappings, `{{ $json.<field> }}`, written out (a named lookup per field). */
const SAME_NAME: Record<SegmentField, Getter> = {
	totalSpent: (item) => (item.json as Json).totalSpent,
	orderCount: (item) => (item.json as Json).orderCount,
	purchaseDays: (item) => (item.json as Json).purchaseDays,
	frequency: (item) => (item.json as Json).frequency,
	medianGapDays: (item) => (item.json as Json).medianGapDays,
	discountedOrders: (item) => (item.json as Json).discountedOrders,
	discountedShare: (item) => (item.json as Json).discountedShare,
	largestOrderQuantity: (item) => (item.json as Json).largestOrderQuantity,
	ageDays: (item) => (item.json as Json).ageDays,
	daysSinceLastPurchase: (item) => (item.json as Json).daysSinceLastPurchase,
	referralCount: (item) => (item.json as Json).referralCount,
	feedbackCount: (item) => (item.json as Json).feedbackCount,
	reviewCount: (item) => (item.json as Json).reviewCount,
	averageRating: (item) => (item.json as Json).averageRating,
	npsScore: (item) => (item.json as Json).npsScore,
	tags: (item) => (item.json as Json).tags,
};

type ListTest = (customer: SegmentCustomer, item: INodeExecutionData, itemIndex: number) => string | null;

function isExpression(v: unknown): v is string {
	return typeof v === 'string' && v.startsWith('=');
}

/** The lists as set in the editor (raw), with expressions in names and thresholds resolved once. */
function readListEntries(ctx: IExecuteFunctions): ListEntry[] {
	const lists = ctx.getNodeParameter('lists', 0, null, { rawExpressions: true }) as { list?: IDataObject[] } | null;
	if (lists === null || lists === undefined) return defaultListEntries();
	const raw = Array.isArray(lists.list) ? lists.list : [];
	return raw.map((entry, index) => {
		const value = (name: string) => {
			const v = entry[name];
			return isExpression(v) ? ctx.getNodeParameter(`lists.list[${index}].${name}`, 0) : v;
		};
		const type = typeof entry.type === 'string' ? entry.type : CUSTOM_LIST;
		const thresholds: Record<string, unknown> = {};
		for (const spec of builtInList(type)?.thresholds ?? []) thresholds[spec.name] = value(spec.name);
		const name = value('name');
		return { type, enabled: value('enabled') !== false, name: typeof name === 'string' ? name : '', thresholds };
	});
}

export class BehavioralSegment implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Behavioral Segment',
		name: 'behavioralSegment',
		icon: { light: 'file:behavioralSegment.svg', dark: 'file:behavioralSegment.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["mode"] === "labelled" ? "Single output, labelled" : "One output per list" }}',
		description:
			'Files customers into private behavioural lists (coupon users, repeat buyers, VIPs, fans, customers, prospects, or your own), each with the reason',
		defaults: { name: 'Behavioral Segment' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const node = this.getNode();
		const perList = this.getNodeParameter('mode', 0, 'outputPerList') !== 'labelled';
		const options = this.getNodeParameter('options', 0, {}) as Options;
		const firstMatchOnly = options.firstMatchOnly === true;
		const includeReasons = options.includeReasons !== false;
		const labelsField = String(this.getNodeParameter('labelsField', 0, 'segments') ?? '').trim();
		if (!labelsField) {
			throw new NodeOperationError(node, 'Labels Field is empty', {
				description: 'Name the field that receives the lists, e.g. segments.',
			});
		}

		let plan: PlannedList[];
		try {
			plan = planLists(readListEntries(this));
		} catch (error) {
			const e = error as Error & { hint?: string };
			throw new NodeOperationError(node, e.message, { description: e.hint });
		}

		const tests: ListTest[] = plan.map((list) => {
			const definition = list.definition;
			if (definition) {
				const thresholds = list.thresholds;
				return (customer) => definition.evaluate(customer, thresholds);
			}
			const filter = compileFilter(this, `lists.list[${list.entryIndex}].conditions`, {
				byN8n: options.customListEvaluation === 'n8n',
				label: list.name,
			});
			return (_customer, item, itemIndex) => filter.test(item, itemIndex);
		});

		const mappings: Partial<Record<SegmentField, string>> = {};
		const getters: Partial<Record<SegmentField, (item: INodeExecutionData, itemIndex: number) => unknown>> = {};
		for (const field of fieldsRead(plan)) {
			const fallback = `={{ $json.${field} }}`;
			const param = `customerFields.${field}`;
			const raw = this.getNodeParameter(param, 0, fallback, { rawExpressions: true });
			mappings[field] = String(raw);
			const path = simpleFieldPath(raw);
			if (path && path.length === 1) {
				// A plain field, {{ $json.totalSpent }}: one property lookup, nothing around it. The default mapping
				// (the field of the same name) has a lookup written out, which V8 makes fastest.
				const key = path[0];
				getters[field] = key === field ? SAME_NAME[field] : (item) => (item.json as Record<string | number, unknown>)[key];
				continue;
			}
			const read = itemValueReader(this, param, fallback);
			const label = SEGMENT_FIELD[field].label;
			getters[field] = (item, itemIndex) => {
				try {
					return read(item, itemIndex);
				} catch (error) {
					const failure = new NodeOperationError(node, `${label} could not be read: ${(error as Error).message} [item ${itemIndex}]`, {
						itemIndex,
						description: `Check the expression ${label} is mapped to (Customer Fields): ${mappings[field]?.replace(/^=/, '')}`,
					});
					failure.context.field = label;
					throw failure;
				}
			};
		}
		const readCustomer = customerReader(getters, { reuse: true });

		const names = plan.map((l) => l.name);
		const keys = plan.map((l) => l.key);
		const listCount = plan.length;
		const outputs: INodeExecutionData[][] = Array.from({ length: perList ? listCount + 1 : 1 }, () => []);
		const noList = outputs[outputs.length - 1];
		const matched = new Array<number>(listCount);
		const defaultLabelsField = labelsField === 'segments';

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const item = items[itemIndex];
			const labels: SegmentLabel[] = [];
			let matches = 0;
			try {
				const customer = readCustomer(item, itemIndex);
				for (let k = 0; k < listCount; k++) {
					const reason = tests[k](customer, item, itemIndex);
					if (reason === null) continue;
					labels.push(includeReasons ? { list: names[k], key: keys[k], reason } : { list: names[k], key: keys[k] });
					matched[matches++] = k;
					if (firstMatchOnly) break;
				}
			} catch (error) {
				const failure = describeFailure(error, itemIndex, mappings);
				if (!this.continueOnFail()) {
					throw new NodeOperationError(node, failure.message, { itemIndex, description: failure.description });
				}
				noList.push({
					json: { ...item.json, error: failure.message, field: failure.field, value: failure.value },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			// A copy of the customer with its labels, the labels first. Written this way V8 gives all copies one
			// shape; adding the key after a spread copy of a wide object (a profile has ~40 fields) makes a new
			// shape per copy: 3x the memory and twice the time on a million customers.
			const source = item.json;
			let json: IDataObject;
			if (labelsField in source) {
				json = { ...source };
				json[labelsField] = labels as unknown as IDataObject[];
			} else if (defaultLabelsField) {
				// The default name written out: V8 builds this literal faster than one with a computed key.
				json = { segments: labels as unknown as IDataObject[], ...source };
			} else {
				json = { [labelsField]: labels as unknown as IDataObject[], ...source };
			}
			const out: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
			if (item.binary) out.binary = item.binary;
			if (!perList) outputs[0].push(out);
			else if (matches === 0) noList.push(out);
			else for (let m = 0; m < matches; m++) outputs[matched[m]].push(out);
		}
		return outputs;
	}
}

interface Failure {
	message: string;
	description?: string;
	field: string;
	value: IDataObject[string];
}

/** An item's error in the user's words: what, which item, which field, which value, and how to fix it. */
function describeFailure(
	error: unknown,
	itemIndex: number,
	mappings: Partial<Record<SegmentField, string>>,
): Failure {
	if (error instanceof InputError) {
		const field = Object.values(SEGMENT_FIELD).find((f) => f.label === error.field);
		const mapping = field ? mappings[field.key] : undefined;
		const from = mapping ? ` ${error.field} is mapped to ${mapping.replace(/^=/, '')}.` : '';
		return {
			message: `${error.message} [item ${itemIndex}]`,
			description: `${error.hint ?? ''}${from}`.trim() || undefined,
			field: error.field,
			value: jsonValue(error.value),
		};
	}
	if (error instanceof NodeOperationError) {
		// A custom list condition or a field expression that failed; its context names the field and the value.
		return {
			message: error.message,
			description: error.description ?? undefined,
			field: String(error.context.field ?? ''),
			value: jsonValue(error.context.value),
		};
	}
	const e = error as Error & { description?: string };
	return { message: `${e.message} [item ${itemIndex}]`, description: e.description, field: '', value: null };
}
