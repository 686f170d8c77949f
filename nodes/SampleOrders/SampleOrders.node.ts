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
import { generateSampleHistory } from '../../core/sources/sampleHistory';
import { sampleOrdersProperties } from './description';

/** Reads the End Date parameter: empty is today in the zone; a date, a date-time string or a luxon value. */
function endDateOf(value: unknown, zone: string): string {
	if (value === undefined || value === null || value === '') return DateTime.now().setZone(zone).toISODate() as string;
	if (DateTime.isDateTime(value)) return value.setZone(zone).toISODate() as string;
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) return value.trim().slice(0, 10);
	throw new InputError(
		`End Date ${JSON.stringify(value)} is not a date`,
		'End Date',
		value,
		'Use a date such as 2025-06-30, or leave it empty for today',
	);
}

const sameCustomer = (wanted: string) => {
	const w = wanted.trim().toLowerCase();
	return (r: { customerId: string | null; email: string }) =>
		(r.customerId !== null && r.customerId.toLowerCase() === w) || r.email.trim().toLowerCase() === w;
};

export class SampleOrders implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sample Orders',
		name: 'sampleOrders',
		icon: { light: 'file:sampleOrders.svg', dark: 'file:sampleOrders.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ $parameter["mode"] === "customers" ? "Sample Customers" : "Sample Orders" }}',
		description: 'Two years of made-up shop orders, so you can try every list and send time without a shop account',
		defaults: { name: 'Sample Orders' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: sampleOrdersProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const zone = this.getTimezone();
		const out: INodeExecutionData[] = [];
		let records: IDataObject[];
		try {
			const mode = this.getNodeParameter('mode', 0) as 'orders' | 'customers';
			const options = this.getNodeParameter('options', 0, {}) as { currency?: string; seed?: number };
			const history = generateSampleHistory({
				customers: this.getNodeParameter('customers', 0) as number,
				seed: options.seed ?? 1,
				endDate: endDateOf(this.getNodeParameter('endDate', 0, ''), zone),
				zone,
				currency: options.currency ?? 'EUR',
			});
			records = (mode === 'customers' ? history.customers : history.orders) as unknown as IDataObject[];
		} catch (error) {
			if (!(error instanceof InputError)) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: 0 });
			if (this.continueOnFail()) {
				return [items.map((_item, itemIndex) => ({ json: { error: error.message, field: error.field, value: error.value as IDataObject[string] }, pairedItem: { item: itemIndex } }))];
			}
			throw new NodeOperationError(this.getNode(), error.message, { itemIndex: 0, description: error.hint });
		}
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const only = this.getNodeParameter('options.onlyCustomer', itemIndex, '') as unknown;
			if (only !== '' && only !== null && only !== undefined && typeof only !== 'string' && typeof only !== 'number') {
				const message = `Only Customer ${JSON.stringify(only)} is not a customer ID or e-mail`;
				if (this.continueOnFail()) {
					out.push({ json: { error: message, field: 'Only Customer', value: JSON.stringify(only) }, pairedItem: { item: itemIndex } });
					continue;
				}
				throw new NodeOperationError(this.getNode(), message, {
					itemIndex,
					description: 'Map a text field such as {{ $json.email }} or {{ $json.customer.id }}',
				});
			}
			const wanted = only === null || only === undefined ? '' : String(only);
			const chosen = wanted.trim() ? records.filter(sameCustomer(wanted) as (r: IDataObject) => boolean) : records;
			// The first input item gets the records themselves; later ones copies, so no two items share an object.
			for (const record of chosen) {
				out.push({ json: itemIndex === 0 ? record : (JSON.parse(JSON.stringify(record)) as IDataObject), pairedItem: { item: itemIndex } });
			}
		}
		return [out];
	}
}
