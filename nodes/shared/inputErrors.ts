/**
 * How a node shell reports the core's InputError: as n8n's NodeOperationError naming item, field and value, or,
 * under "Continue", as an error item. With "Continue (using error output)" n8n moves to the error output only items
 * whose json has no keys but error, message and details (it then adds the input item's fields back), so field,
 * value and hint go under details there; otherwise the item is { error, field, value }.
 */
import { NodeOperationError, type IDataObject, type INode, type INodeExecutionData, type IPairedItemData } from 'n8n-workflow';
import { showValue, type InputError } from '../../core/errors';

/** A JSON-safe copy of an offending value for an error item. */
export function jsonValue(value: unknown): IDataObject[string] {
	if (value === undefined) return null;
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
	if (Array.isArray(value) && value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) return value as string[];
	return showValue(value);
}

/** The NodeOperationError for an InputError: the item it belongs to (or "Settings"), the field and the value. */
export function inputErrorToNodeError(node: INode, e: InputError): NodeOperationError {
	const itemIndex = e.itemIndexes?.length ? e.itemIndexes[0] : 0;
	const where = e.itemIndexes?.length ? `Item ${itemIndex}` : 'Settings';
	return new NodeOperationError(node, e.message, {
		itemIndex,
		description: `${where}, field "${e.field}", value ${showValue(e.value)}.${e.hint ? ' ' + e.hint : ''}`,
	});
}

/** The error item for an InputError under "Continue", paired with the input items it came from. */
export function inputErrorItem(node: INode, e: InputError, itemIndexes: number[]): INodeExecutionData {
	const pairedItem: IPairedItemData[] = itemIndexes.map((item) => ({ item }));
	if (node.onError === 'continueErrorOutput') {
		return { json: { error: e.message, details: { field: e.field, value: jsonValue(e.value), hint: e.hint ?? null } }, pairedItem };
	}
	return { json: { error: e.message, field: e.field, value: jsonValue(e.value) }, pairedItem };
}
