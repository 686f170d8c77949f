/**
 * The one error the domain core raises for bad input. It names the field and the value, in words a marketer
 * understands; the node shells turn it into n8n's NodeOperationError with the item index.
 */
export class InputError extends Error {
	constructor(
		/** What is wrong, in one line: `Order date "31/02/2020" is not a date`. */
		message: string,
		/** The input field, as the user knows it (`Created at`, `date_created_gmt`, `Total`). */
		readonly field: string,
		/** The offending value, as received. */
		readonly value: unknown,
		/** How to fix it. */
		readonly hint?: string,
		/** Input item indexes the error belongs to, when the core knows them. */
		readonly itemIndexes?: number[],
	) {
		super(message);
		this.name = 'InputError';
	}
}

/** Shows a value the way a user would recognise it in an error message. */
export function showValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return `Date(${isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
	try {
		const s = JSON.stringify(value);
		return s.length > 60 ? s.slice(0, 57) + '...' : s;
	} catch {
		return String(value);
	}
}
