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
	const n = rows.length;
	const xs = new Int32Array(n);
	const txs = new Float64Array(n);
	const Ts = new Float64Array(n);
	let maxX = 0;
	for (let i = 0; i < n; i++) {
		const { x, tx, T } = rows[i];
		if (!(isInt(x) && x >= 0) || !(tx >= 0) || !(T >= tx) || !isFin(T)) {
			throw new RangeError(`summary ${i} is not a customer summary: x=${x}, t_x=${tx}, T=${T}`);
		}
		xs[i] = x;
		// a customer without repeat purchases has t_x = 0 whatever was passed
		txs[i] = x === 0 ? 0 : tx;
		Ts[i] = T;
		if (x > maxX) maxX = x;
	}
	// distinct T and t_x first, then one numeric key per (x, t_x, T)
	const dT = distinct(Ts);
	const dTx = distinct(txs);
	const nT = dT.unique.length;
	const nTx = dTx.unique.length;
	const map = new Map<number, number>();
	const outX: number[] = [];
	const outTi: number[] = [];
	const outTxi: number[] = [];
	const ws: number[] = [];
	for (let i = 0; i < n; i++) {
		const key = (xs[i] * nTx + dTx.index[i]) * nT + dT.index[i];
		const k = map.get(key);
		if (k === undefined) {
			map.set(key, outX.length);
			outX.push(xs[i]);
			outTxi.push(dTx.index[i]);
			outTi.push(dT.index[i]);
			ws.push(1);
		} else ws[k]++;
	}
	const size = outX.length;
	const tIndex = Int32Array.from(outTi);
	const txIndex = Int32Array.from(outTxi);
	const T = new Float64Array(size);
	const tx = new Float64Array(size);
	for (let k = 0; k < size; k++) {
		T[k] = dT.unique[tIndex[k]];
		tx[k] = dTx.unique[txIndex[k]];
	}
	return {
		size,
		x: Int32Array.from(outX),
		tx,
		T,
		weight: Float64Array.from(ws),
		total: n,
		maxX,
		uniqueT: dT.unique,
		tIndex,
		uniqueTx: dTx.unique,
		txIndex,
	};
}

/**
 * The data a count model is fitted on (compressed when given one summary per customer) and the customers' mean T,
 * the starting scale of the models' time parameters. Throws when there is no customer to fit on.
 */
export function countModelFitData(
	input: CompressedSummaries | ArrayLike<Summary>,
	model: string,
): { data: CompressedSummaries; meanT: number } {
	const data = 'weight' in input ? (input as CompressedSummaries) : compressSummaries(input as ArrayLike<Summary>);
	if (data.total === 0) throw new RangeError(`${model} needs at least one customer`);
	let meanT = 0;
	for (let i = 0; i < data.size; i++) meanT += data.weight[i] * data.T[i];
	return { data, meanT: Math.max(meanT / data.total, 1e-6) };
}
