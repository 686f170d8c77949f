import { DateTime } from 'luxon';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { InputError } from '../../core/errors';
import { DateReadError, readDate } from '../../core/time/dates';
import {
	checkTimingSettings,
	createSendPlanner,
	type FieldLabels,
	type TimingField,
	type TimingInput,
	type TimingSettings,
} from '../../core/timing';
import { itemValueReader, pathGetter, simpleFieldPath, type ItemValue } from '../shared/fieldAccess';
import { configuredOutputs, sendTimingProperties } from './description';

interface Options {
	dateFormat?: string;
	listCycles?: { cycles?: Array<{ list: string; days: number }> };
	listsField?: string;
	planAsOf?: string;
	outputField?: string;
}

/** Item field -> node parameter holding its mapping, and the parameter's name in the editor. */
const MAPPINGS: Array<[TimingField, string, string]> = [
	['lastPurchase', 'lastPurchase', 'Last Purchase'],
	['orderCount', 'orderCount', 'Order Count'],
	['medianGapDays', 'typicalGap', 'Typical Gap (Days)'],
	['gapCount', 'gapCount', 'Number of Gaps'],
	['timeZone', 'timeZone', 'Customer Time Zone'],
	['lastContact', 'lastContact', 'Last Contact'],
	['predictedNextOrder', 'predictedNextOrder', 'Predicted Next Order'],
	['signupDate', 'signupDate', 'Sign-Up Date'],
	['engagementTimes', 'engagementTimes', 'Opens and Clicks'],
];

export class SendTiming implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Send Timing',
		name: 'sendTiming',
		icon: { light: 'file:sendTiming.svg', dark: 'file:sendTiming.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["cycleSource"] === "fixed" ? "Fixed cycle" : $parameter["cycleSource"] === "predicted" ? "Predicted next order" : "Own rhythm" }}',
		description: 'Work out when to write to each customer next, in their own time zone',
		defaults: { name: 'Send Timing' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		properties: sendTimingProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const node = this.getNode();
		const single = this.getNodeParameter('outputMode', 0, 'split') === 'single';
		const options = this.getNodeParameter('options', 0, {}) as Options;
		const zone = this.getTimezone();

		// Parameters, read once.
		const settings: TimingSettings = {
			cycleSource: this.getNodeParameter('cycleSource', 0, 'own') as TimingSettings['cycleSource'],
			minGaps: this.getNodeParameter('minGaps', 0, 2) as number,
			fixedCycleDays: this.getNodeParameter('fixedCycleDays', 0, 30) as number,
			listCycles: options.listCycles?.cycles ?? [],
			leadDays: this.getNodeParameter('leadDays', 0, 3) as number,
			maxSilenceDays: this.getNodeParameter('maxSilenceDays', 0, 45) as number,
			frequencyCapHours: this.getNodeParameter('frequencyCapHours', 0, 16) as number,
			sendTimeMode: this.getNodeParameter('sendTimeMode', 0, 'fixed') as TimingSettings['sendTimeMode'],
			sendTime: String(this.getNodeParameter('sendTime', 0, '10:00')),
			minEngagements: this.getNodeParameter('minEngagements', 0, 5) as number,
			quietHours: String(this.getNodeParameter('quietHours', 0, '') ?? ''),
			weekdays: this.getNodeParameter('weekdays', 0, []) as TimingSettings['weekdays'],
			prospectRule: this.getNodeParameter('prospectRule', 0, 'welcome') as TimingSettings['prospectRule'],
			welcomeDays: this.getNodeParameter('welcomeDays', 0, 3) as number,
			defaultZone: zone,
			dateFormat: options.dateFormat,
		};
		let now: number;
		let planner: ReturnType<typeof createSendPlanner>;
		const labels: Partial<FieldLabels> = {};
		const readers: Partial<Record<TimingField, ItemValue>> = {};
		const used = new Set<TimingField>(['lastPurchase', 'orderCount', 'timeZone', 'lastContact']);
		if (settings.cycleSource !== 'fixed') used.add('medianGapDays').add('gapCount');
		if (settings.cycleSource === 'predicted') used.add('predictedNextOrder');
		if (settings.prospectRule === 'welcome') used.add('signupDate');
		if (settings.sendTimeMode === 'engaged') used.add('engagementTimes');
		for (const [field, param, displayName] of MAPPINGS) {
			if (!used.has(field)) continue;
			const raw = this.getNodeParameter(param, 0, '', { rawExpressions: true });
			const path = simpleFieldPath(raw);
			labels[field] = path ? path.join('.') : displayName;
			readers[field] = itemValueReader(this, param, '');
		}
		let listsOf: ((json: unknown) => unknown) | null = null;
		if (settings.listCycles.length) {
			const listsField = (options.listsField ?? 'segments').trim() || 'segments';
			labels.lists = listsField;
			const whole = pathGetter([listsField]);
			const dotted = pathGetter(listsField.split('.'));
			listsOf = (json) => whole(json) ?? dotted(json);
		}
		const outputField = (options.outputField ?? '').trim();
		const toErrorOutput = node.onError === 'continueErrorOutput';
		const errorItem = (item: INodeExecutionData, itemIndex: number, error: InputError): INodeExecutionData => {
			const value = error.value as IDataObject[string];
			return toErrorOutput
				? // n8n moves an item to the error output only when its json has no other keys than these
					// (it then adds the customer's own fields back from the input item).
					{ json: { error: error.message, details: { field: error.field, value, itemIndex } }, pairedItem: { item: itemIndex } }
				: { json: { ...item.json, error: error.message, field: error.field, value, itemIndex }, pairedItem: { item: itemIndex } };
		};

		try {
			now = planMoment(options.planAsOf, zone);
			planner = createSendPlanner(checkTimingSettings(settings), now, labels);
		} catch (error) {
			if (error instanceof InputError && this.continueOnFail()) {
				// A bad setting concerns every customer: each one becomes an error item.
				const errors = items.map((item, itemIndex) => errorItem(item, itemIndex, error));
				return single ? [errors] : [errors, []];
			}
			const description = error instanceof InputError ? error.hint : undefined;
			throw new NodeOperationError(node, error as Error, { itemIndex: 0, description });
		}

		const dueNow: INodeExecutionData[] = [];
		const scheduled: INodeExecutionData[] = single ? dueNow : [];
		const none: ItemValue = () => undefined;
		const {
			lastPurchase = none,
			orderCount = none,
			medianGapDays = none,
			gapCount = none,
			timeZone = none,
			lastContact = none,
			predictedNextOrder = none,
			signupDate = none,
			engagementTimes = none,
		} = readers;
		// One input object, refilled for every item: the planner does not keep it.
		const input: TimingInput = {
			lastPurchase: undefined,
			orderCount: undefined,
			medianGapDays: undefined,
			gapCount: undefined,
			timeZone: undefined,
			lastContact: undefined,
			lists: undefined,
			predictedNextOrder: undefined,
			signupDate: undefined,
			engagementTimes: undefined,
		};
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const item = items[itemIndex];
			try {
				input.lastPurchase = lastPurchase(item, itemIndex);
				input.orderCount = orderCount(item, itemIndex);
				input.medianGapDays = medianGapDays(item, itemIndex);
				input.gapCount = gapCount(item, itemIndex);
				input.timeZone = timeZone(item, itemIndex);
				input.lastContact = lastContact(item, itemIndex);
				input.lists = listsOf === null ? undefined : listsOf(item.json);
				input.predictedNextOrder = predictedNextOrder(item, itemIndex);
				input.signupDate = signupDate(item, itemIndex);
				input.engagementTimes = engagementTimes(item, itemIndex);
				// The output is a copy of the customer with the send fields (at the top level or under one field).
				const json: IDataObject = Object.assign({}, item.json);
				const plan = outputField ? planner(input) : planner(input, json);
				if (outputField) json[outputField] = plan as unknown as IDataObject;
				const out: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
				if (item.binary) out.binary = item.binary;
				(plan.dueNow ? dueNow : scheduled).push(out);
			} catch (error) {
				if (!(error instanceof InputError)) {
					// e.g. an expression in a mapping that n8n could not evaluate for this item
					if (!this.continueOnFail()) throw new NodeOperationError(node, error as Error, { itemIndex });
					dueNow.push(errorItem(item, itemIndex, new InputError((error as Error).message, 'expression', null)));
					continue;
				}
				const nodeError = new NodeOperationError(node, error.message, {
					itemIndex,
					description: `${error.hint ? `${error.hint}. ` : ''}Item ${itemIndex}, field ${error.field}.`,
				});
				if (!this.continueOnFail()) throw nodeError;
				dueNow.push(errorItem(item, itemIndex, error));
			}
		}
		return single ? [dueNow] : [dueNow, scheduled];
	}
}

/** The moment to plan from: the Plan As Of option, else the execution time. */
function planMoment(planAsOf: unknown, zone: string): number {
	if (planAsOf === undefined || planAsOf === null || planAsOf === '') return DateTime.now().toMillis();
	try {
		return readDate(planAsOf, { zone }).toMillis();
	} catch (e) {
		const why = e instanceof DateReadError ? e.message : String(e);
		return invalid(`Plan As Of ${JSON.stringify(planAsOf)} is not a date: ${why}`, planAsOf);
	}
}

function invalid(message: string, value: unknown): never {
	throw new InputError(message, 'Plan As Of', value, 'Pick a date and time, or remove the option to plan from now');
}
