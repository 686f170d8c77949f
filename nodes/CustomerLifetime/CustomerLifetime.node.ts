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
import {
	analyseLifetime,
	checkSettings,
	LIFETIME_FIELD_LABELS,
	LIFETIME_FIELDS,
	readLifetimeInput,
	type LifetimeField,
	type LifetimeInput,
	type LifetimeSettings,
} from '../../core/lifetime';
import { inputErrorItem, inputErrorToNodeError } from '../shared/inputErrors';
import { itemValueReader, type ItemValue } from '../shared/fieldAccess';
import { customerLifetimeProperties, customerLifetimeSubtitle, fieldDefault } from './description';

interface Options {
	highRiskBelow?: number;
	lowRiskFrom?: number;
	minBuyers?: number;
	minHistoryDays?: number;
	minRepeatBuyers?: number;
	minSpendCustomers?: number;
	/** Percent per month. */
	monthlyDiscountRate?: number;
	rulesOnly?: boolean;
}

export class CustomerLifetime implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Customer Lifetime',
		name: 'customerLifetime',
		icon: { light: 'file:customerLifetime.svg', dark: 'file:customerLifetime.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: customerLifetimeSubtitle,
		description: 'Predicts for each customer the chance they are still active, orders to expect, lifetime value, next order date and RFM group',
		defaults: { name: 'Customer Lifetime' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Customers', 'Model Fit'],
		properties: customerLifetimeProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const node = this.getNode();
		const continueOnFail = this.continueOnFail();

		const toNodeError = (e: InputError) => inputErrorToNodeError(node, e);
		const errorItem = (e: InputError, i: number) => inputErrorItem(node, e, [i]);

		let settings: LifetimeSettings;
		let outputField: string;
		let readers: Array<{ name: LifetimeField; read: ItemValue }>;
		const defaultZone = this.getTimezone();
		try {
			const options = this.getNodeParameter('options', 0, {}) as Options;
			settings = checkSettings({
				model: this.getNodeParameter('model', 0) as LifetimeSettings['model'],
				horizonDays: this.getNodeParameter('horizonDays', 0) as number,
				timeUnit: this.getNodeParameter('timeUnit', 0) as LifetimeSettings['timeUnit'],
				monthlyDiscountRate: options.monthlyDiscountRate === undefined ? undefined : options.monthlyDiscountRate / 100,
				minBuyers: options.minBuyers,
				minHistoryDays: options.minHistoryDays,
				minRepeatBuyers: options.minRepeatBuyers,
				minSpendCustomers: options.minSpendCustomers,
				lowRiskFrom: options.lowRiskFrom,
				highRiskBelow: options.highRiskBelow,
				rulesOnly: options.rulesOnly,
			});
			outputField = String(this.getNodeParameter('outputField', 0, 'lifetime') ?? '').trim();
			if (!outputField) throw new InputError('Output Field is empty', 'Output Field', outputField, 'Name the field the predictions go to, such as lifetime');
			readers = LIFETIME_FIELDS.map((name) => ({
				name,
				read: itemValueReader(this, `customerFields.${name}`, fieldDefault(name)),
			}));
		} catch (e) {
			if (!(e instanceof InputError)) throw e instanceof NodeOperationError ? e : new NodeOperationError(node, e as Error, { itemIndex: 0 });
			if (!continueOnFail) throw toNodeError(e);
			// A setting is wrong for every item: one error item per input item.
			return [items.map((_item, i) => errorItem(new InputError(e.message, e.field, e.value, e.hint, [i]), i)), []];
		}

		// Read and check every item; keep the bad ones' errors in place.
		const customers: LifetimeInput[] = [];
		const customerItem: number[] = [];
		const errors = new Map<number, InputError>();
		const readItem = (i: number): LifetimeInput | InputError => {
			const raw: Partial<Record<LifetimeField, unknown>> = {};
			for (const r of readers) {
				try {
					raw[r.name] = r.read(items[i], i);
				} catch (e) {
					return new InputError(
						`The ${LIFETIME_FIELD_LABELS[r.name]} mapping could not be worked out: ${(e as Error).message}`,
						LIFETIME_FIELD_LABELS[r.name],
						null,
						'Check the expression in Customer Fields',
						[i],
					);
				}
			}
			try {
				return readLifetimeInput(raw, i, defaultZone);
			} catch (e) {
				if (e instanceof InputError) return e;
				throw new NodeOperationError(node, e as Error, { itemIndex: i });
			}
		};
		for (let i = 0; i < items.length; i++) {
			const read = readItem(i);
			if (read instanceof InputError) {
				if (!continueOnFail) throw toNodeError(read);
				errors.set(i, read);
			} else {
				customers.push(read);
				customerItem.push(i);
			}
		}

		const { results, summary } = analyseLifetime(customers, settings);

		const out: INodeExecutionData[] = new Array(items.length);
		for (let k = 0; k < customers.length; k++) {
			const i = customerItem[k];
			out[i] = { json: { ...items[i].json, [outputField]: results[k] as unknown as IDataObject }, pairedItem: { item: i } };
		}
		for (const [i, e] of errors) out[i] = errorItem(e, i);

		const fitItem: INodeExecutionData = {
			json: summary as unknown as IDataObject,
			pairedItem: customerItem.map((item) => ({ item })),
		};
		if (!summary.dataSufficiency.sufficient && customers.length) {
			this.addExecutionHints({
				message: `Rule-based figures, not the ${summary.requestedModel} model: ${summary.dataSufficiency.reasons[0]}`,
				location: 'outputPane',
			});
		}
		return [out, customers.length ? [fitItem] : []];
	}
}
