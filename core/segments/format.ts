/** Small, locale-free formatting for reasons ("7 of 9 orders", "spent 1,240.50 in total"). */

/** `1 order`, `2 orders`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
	return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** Whole numbers as they are, others with up to `decimals` decimals; thousands grouped with commas. */
export function formatNumber(n: number, decimals = 2): string {
	if (n >= 0 && n < 1000 && Number.isInteger(n)) return String(n);
	const fixed = Number.isInteger(n) ? String(n) : n.toFixed(decimals).replace(/\.?0+$/, '');
	const [whole, fraction] = fixed.split('.');
	const sign = whole.startsWith('-') ? '-' : '';
	const digits = sign ? whole.slice(1) : whole;
	const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return sign + grouped + (fraction ? `.${fraction}` : '');
}

/** Money: whole amounts without decimals, others with two (`1,240.50`). */
export function formatAmount(n: number): string {
	if (Number.isInteger(n)) return formatNumber(n);
	const [whole, cents] = Math.abs(n).toFixed(2).split('.');
	return (n < 0 ? '-' : '') + formatNumber(Number(whole)) + (cents === '00' ? '' : `.${cents}`);
}

/** `every day`, `every 30 days` (rounded to whole days). */
export function everyDays(days: number): string {
	const d = Math.max(1, Math.round(days));
	return d === 1 ? 'every day' : `every ${formatNumber(d)} days`;
}

/** Joins the parts of a reason: `big spender: ...; referrer: ...`. */
export function and(reason: string, part: string): string {
	return reason ? `${reason}; ${part}` : part;
}
