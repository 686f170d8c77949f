/** Output shapes from both engines, put side by side. */
import type { INode, INodeParameters, INodeType, INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

export interface PlainItem {
	json: unknown;
	pairedItem?: unknown;
}

/** JSON-normalised items (what n8n stores and prints), pairedItem as n8n writes it ({ item } objects). */
export function plain(items: Array<{ json: unknown; pairedItem?: unknown }> | null | undefined): PlainItem[] {
	return (items ?? []).map((item) => {
		const out: PlainItem = { json: JSON.parse(JSON.stringify(item.json)) };
		if (item.pairedItem !== undefined) out.pairedItem = normalisePaired(JSON.parse(JSON.stringify(item.pairedItem)));
		return out;
	});
}

function normalisePaired(value: unknown): unknown {
	if (typeof value === 'number') return { item: value };
	if (Array.isArray(value)) return value.map(normalisePaired);
	if (value && typeof value === 'object') {
		const { item, input } = value as { item: number; input?: number };
		return input ? { item, input } : { item };
	}
	return value;
}

/** Accepts a difference that is not one (e.g. two readings of the clock). */
export type Tolerance = (a: unknown, b: unknown) => boolean;

/**
 * Two instants that are both "now" as each engine saw it: ISO date-times with a time of day that both fall inside
 * the window the two runs took place in. Any other difference in an instant still counts.
 */
export function clockReadingsWithin(fromMs: number, toMs: number): Tolerance {
	const instant = (v: unknown) =>
		typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? Date.parse(v) : Number.NaN;
	return (a, b) => {
		const x = instant(a);
		const y = instant(b);
		return x >= fromMs && x <= toMs && y >= fromMs && y <= toMs;
	};
}

/** The first place two JSON values differ, as a path and both values; undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = '', tolerate?: Tolerance): string | undefined {
	if (a === b) return undefined;
	if (tolerate?.(a, b)) return undefined;
	if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
		return `${path || '(root)'}: n8n ${JSON.stringify(a)} vs in-process ${JSON.stringify(b)}`;
	}
	if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
	if (Array.isArray(a) && Array.isArray(b)) {
		if (a.length !== b.length) return `${path}: length ${a.length} (n8n) vs ${b.length} (in-process)`;
		for (let i = 0; i < a.length; i++) {
			const d = firstDifference(a[i], b[i], `${path}[${i}]`, tolerate);
			if (d) return d;
		}
		return undefined;
	}
	const ao = a as Record<string, unknown>;
	const bo = b as Record<string, unknown>;
	const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort();
	for (const key of keys) {
		const d = firstDifference(ao[key], bo[key], `${path}.${key}`, tolerate);
		if (d) return d;
	}
	return undefined;
}

/** The output names the canvas shows for a node with these parameters (static outputNames, or the outputs expression). */
export function outputNamesOf(node: INode, type: INodeType | IVersionedNodeType): string[] {
	const nodeType = NodeHelpers.getVersionedNodeType(type, node.typeVersion);
	const description = nodeType.description as INodeTypeDescription;
	if (typeof description.outputs === 'string') {
		const parameters =
			NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ??
			({} as INodeParameters);
		const expression = description.outputs.replace(/^=\{\{/, '').replace(/\}\}$/, '');
		// eslint-disable-next-line @typescript-eslint/no-implied-eval
		const outputs = new Function('$parameter', `return (${expression});`)(parameters) as Array<{ displayName?: string }>;
		return outputs.map((o, i) => o.displayName ?? `Output ${i}`);
	}
	const count = Array.isArray(description.outputs) ? description.outputs.length : 1;
	return Array.from({ length: count }, (_, i) => description.outputNames?.[i] ?? `Output ${i}`);
}
