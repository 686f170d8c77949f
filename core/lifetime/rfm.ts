/**
 * RFM scores and the named RFM groups Shopify shows (its CustomerRfmGroup values).
 *
 * Scores: 1-5 for recency (days since the last purchase, fewer is better), frequency (orders) and monetary
 * (total spent), by quintile within the batch of buyers. Tie rule: a customer's position is their mid-rank
 * share p = (customers with a worse value + half of those with the same value) / buyers, and the score is
 * 1 + floor(5 p), capped at 5. So equal values always get equal scores, and a better value never gets a lower
 * score (more days since the last purchase never gives a higher R). Customers without an order are not scored
 * (all three 0) and belong to "Prospects".
 *
 * Groups: from R and FM = ceil((F + M) / 2) on this grid (rows R, columns FM 1..5):
 *
 *   R 5 | New             New             Active          Champions        Champions
 *   R 4 | Promising       Promising       Active          Loyal            Loyal
 *   R 3 | Needs attention Needs attention Needs attention Loyal            Loyal
 *   R 2 | Almost lost     Almost lost     Almost lost     At risk          Previously loyal
 *   R 1 | Dormant         Dormant         Dormant         At risk          Previously loyal
 */

export type RfmGroup =
	| 'Champions'
	| 'Loyal'
	| 'Active'
	| 'Promising'
	| 'New'
	| 'Needs attention'
	| 'Almost lost'
	| 'At risk'
	| 'Previously loyal'
	| 'Dormant'
	| 'Prospects';

// Module-level aliases of globals: a global lookup per use is slow in sandboxes such as jest's vm contexts.
const M = Math;

export const RFM_GROUPS: readonly RfmGroup[] = [
	'Champions',
	'Loyal',
	'Active',
	'Promising',
	'New',
	'Needs attention',
	'Almost lost',
	'At risk',
	'Previously loyal',
	'Dormant',
	'Prospects',
];

/** RFM_GRID[R - 1][FM - 1]. */
export const RFM_GRID: readonly (readonly RfmGroup[])[] = [
	['Dormant', 'Dormant', 'Dormant', 'At risk', 'Previously loyal'],
	['Almost lost', 'Almost lost', 'Almost lost', 'At risk', 'Previously loyal'],
	['Needs attention', 'Needs attention', 'Needs attention', 'Loyal', 'Loyal'],
	['Promising', 'Promising', 'Active', 'Loyal', 'Loyal'],
	['New', 'New', 'Active', 'Champions', 'Champions'],
];

export interface RfmInput {
	/** False for a prospect (no order): not scored. */
	buyer: boolean;
	daysSinceLastPurchase: number;
	orderCount: number;
	totalSpent: number;
}

export interface RfmResult {
	recency: number;
	frequency: number;
	monetary: number;
	/** The three scores as a string, e.g. "545"; "000" for a prospect. */
	score: string;
	group: RfmGroup;
}

export function rfmGroup(r: number, f: number, m: number): RfmGroup {
	if (r < 1 || f < 1 || m < 1) return 'Prospects';
	const fm = M.ceil((f + m) / 2);
	return RFM_GRID[r - 1][fm - 1];
}

/**
 * Quintile scores of `values` (higher = better unless `lowerIsBetter`), with the mid-rank tie rule above.
 * Only indexes in `members` are scored.
 */
export function quintileScores(values: ArrayLike<number>, members: number[], lowerIsBetter: boolean): Map<number, number> {
	const sorted = members.slice().sort((i, j) => (lowerIsBetter ? values[j] - values[i] : values[i] - values[j]));
	const n = sorted.length;
	const out = new Map<number, number>();
	let start = 0;
	while (start < n) {
		let end = start + 1;
		while (end < n && values[sorted[end]] === values[sorted[start]]) end++;
		// sorted worst to best: `start` customers are worse, (end - start) share the value
		const p = (start + (end - start) / 2) / n;
		const score = M.min(5, 1 + M.floor(5 * p));
		for (let k = start; k < end; k++) out.set(sorted[k], score);
		start = end;
	}
	return out;
}

/** Scores and groups for a batch. */
export function scoreRfm(rows: ArrayLike<RfmInput>): RfmResult[] {
	const buyers: number[] = [];
	const R = new Float64Array(rows.length);
	const F = new Float64Array(rows.length);
	const M = new Float64Array(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i];
		if (!row.buyer) continue;
		buyers.push(i);
		R[i] = row.daysSinceLastPurchase;
		F[i] = row.orderCount;
		M[i] = row.totalSpent;
	}
	const rs = quintileScores(R, buyers, true);
	const fs = quintileScores(F, buyers, false);
	const ms = quintileScores(M, buyers, false);
	const out: RfmResult[] = [];
	for (let i = 0; i < rows.length; i++) {
		const r = rs.get(i) ?? 0;
		const f = fs.get(i) ?? 0;
		const m = ms.get(i) ?? 0;
		out.push({ recency: r, frequency: f, monetary: m, score: `${r}${f}${m}`, group: rfmGroup(r, f, m) });
	}
	return out;
}
