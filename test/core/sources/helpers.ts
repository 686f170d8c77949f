import { existsSync } from 'fs';
import { resolve } from 'path';
import type { InputError } from '../../../core/errors';
import type { SourceReadResult, SourceRow } from '../../../core/sources/types';
import { sourceItemsOf } from '../../../core/model/order';

/** The project root (same as ROOT in harness/engine, without loading n8n for unit tests). */
export const ROOT = resolve(__dirname, '../../..');
export const SHARED = resolve(ROOT, '../shared');
export const DATA = resolve(SHARED, 'data');

/** `describe`, or `describe.skip` with a message, when ../shared (real data, outside the repo) is absent. */
export function describeWithSharedData(name: string, fn: () => void): void {
	if (existsSync(SHARED)) {
		describe(name, fn);
	} else {
		// eslint-disable-next-line no-console
		console.log(`Skipping "${name}": ${SHARED} (real reference data, kept outside the repo) is absent.`);
		// The body is not run: it reads the files at collection time.
		describe.skip(name, () => {
			test(`needs ${SHARED}`, () => undefined);
		});
	}
}

export function rowsOf(items: Array<Record<string, unknown>>): SourceRow[] {
	return items.map((json) => ({ json }));
}

/** Every input index ends in exactly one order's sourceItems or one error's itemIndexes. */
export function expectAllAccounted(result: SourceReadResult, count: number): void {
	const seen = new Map<number, number>();
	for (const o of result.orders) for (const i of sourceItemsOf(o)) seen.set(i, (seen.get(i) ?? 0) + 1);
	for (const e of result.errors) for (const i of e.itemIndexes ?? []) seen.set(i, (seen.get(i) ?? 0) + 1);
	const indexes = [...seen.keys()].sort((a, b) => a - b);
	expect(indexes).toEqual(Array.from({ length: count }, (_, i) => i));
	expect([...seen.values()].every((n) => n === 1)).toBe(true);
}

/** The one error of a result, as a plain object for exact comparison. */
export function onlyError(result: SourceReadResult): Pick<InputError, 'message' | 'field' | 'value' | 'itemIndexes'> {
	expect(result.errors).toHaveLength(1);
	const e = result.errors[0];
	return { message: e.message, field: e.field, value: e.value, itemIndexes: e.itemIndexes };
}
