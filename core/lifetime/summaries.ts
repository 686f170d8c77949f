/**
 * The models' input: per customer x (repeat purchase days), t_x (time of the last purchase day after the first)
 * and T (time from the first purchase day to the end of the calibration period), all in one time unit.
 * Customers with the same (x, t_x, T) contribute identically to a likelihood, so fitting works on the distinct
 * tuples with a weight each (the CDNOW master's 23,570 customers are far fewer tuples).
 */

// Module-level aliases of globals: a global lookup per use is slow in sandboxes such as jest's vm contexts.
const isFin = Number.isFinite;
const isInt = Number.isInteger;
export interface Summary {
	x: number;
	tx: number;
	T: number;
}

export interface CompressedSummaries {
	/** Number of distinct tuples. */
	size: number;
	x: Int32Array;
	tx: Float64Array;
	T: Float64Array;
	/** How many customers share each tuple. */
	weight: Float64Array;
	/** Total weight (customers). */
	total: number;
	maxX: number;
	/** Distinct T and t_x values, and each tuple's index into them (likelihoods take logs per distinct value). */
	uniqueT: Float64Array;
	tIndex: Int32Array;
	uniqueTx: Float64Array;
	txIndex: Int32Array;
}

function distinct(values: Float64Array): { unique: Float64Array; index: Int32Array } {
	const map = new Map<number, number>();
	const index = new Int32Array(values.length);
	const unique: number[] = [];
	for (let i = 0; i < values.length; i++) {
		let k = map.get(values[i]);
		if (k === undefined) {
			k = unique.length;
			unique.push(values[i]);
			map.set(values[i], k);
		}
		index[i] = k;
	}
	return { unique: Float64Array.from(unique), index };
}

/**
 * Groups identical (x, t_x, T) tuples. Throws RangeError for values no customer summary can have (x not a
 * whole number >= 0, t_x < 0, T < t_x); the node validates its input before this, with messages for people.
 */
export function compressSummaries(rows: ArrayLike<Summary>): CompressedSummaries {
	const map = new Map<string, number>();
	const xs: number[] = [];
	const txs: number[] = [];
	const Ts: number[] = [];
	const ws: number[] = [];
	let maxX = 0;
	for (let i = 0; i < rows.length; i++) {
		const { x, tx, T } = rows[i];
		if (!(isInt(x) && x >= 0) || !(tx >= 0) || !(T >= tx) || !isFin(T)) {
			throw new RangeError(`summary ${i} is not a customer summary: x=${x}, t_x=${tx}, T=${T}`);
		}
		// a customer without repeat purchases has t_x = 0 whatever was passed
		const t = x === 0 ? 0 : tx;
		const key = `${x}|${t}|${T}`;
		const k = map.get(key);
		if (k === undefined) {
			map.set(key, xs.length);
			xs.push(x);
			txs.push(t);
			Ts.push(T);
			ws.push(1);
			if (x > maxX) maxX = x;
		} else ws[k]++;
	}
	const T = Float64Array.from(Ts);
	const tx = Float64Array.from(txs);
	const dT = distinct(T);
	const dTx = distinct(tx);
	return {
		size: xs.length,
		x: Int32Array.from(xs),
		tx,
		T,
		weight: Float64Array.from(ws),
		total: rows.length,
		maxX,
		uniqueT: dT.unique,
		tIndex: dT.index,
		uniqueTx: dTx.unique,
		txIndex: dTx.index,
	};
}
