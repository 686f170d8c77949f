/** The purchase-count models the Customer Lifetime node offers, by the value of its Model parameter. */
import { bgnbd } from './bgnbd';
import { paretoNbd } from './paretoNbd';
import type { CountModel } from './types';

export type CountModelName = 'bgnbd' | 'paretoNbd';

export const COUNT_MODELS: Record<CountModelName, CountModel> = {
	bgnbd: bgnbd as unknown as CountModel,
	paretoNbd: paretoNbd as unknown as CountModel,
};

export function getCountModel(name: string): CountModel {
	const m = (COUNT_MODELS as Record<string, CountModel | undefined>)[name];
	if (!m) throw new RangeError(`Unknown lifetime model "${name}" (use ${Object.keys(COUNT_MODELS).join(' or ')})`);
	return m;
}
