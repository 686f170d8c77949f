/** CDNOW reference data for the lifetime tests (outside the repo, in ../shared/data/cdnow). */
import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';

export const ROOT = resolve(__dirname, '../../..');
export const SHARED = resolve(ROOT, '../shared');
export const CDNOW = resolve(SHARED, 'data/cdnow');

/** `describe`, or a skipped placeholder with a message, when ../shared (real data, kept outside the repo) is absent (or LIFETIME_TEST_NO_SHARED is set, to try that path). */
export function describeWithCdnow(name: string, fn: () => void): void {
	if (existsSync(resolve(CDNOW, 'cdnow_customers_summary.csv')) && !process.env.LIFETIME_TEST_NO_SHARED) {
		describe(name, fn);
	} else {
		// eslint-disable-next-line no-console
		console.log(`Skipping "${name}": ${CDNOW} (real reference data, kept outside the repo) is absent.`);
		// the body reads the data while jest collects the tests, so it is not run at all here
		describe.skip(name, () => {
			test(`needs ${CDNOW}`, () => undefined);
		});
	}
}

export interface CdnowSummaryRow {
	id: number;
	x: number;
	tx: number;
	T: number;
	zbar: number;
}

/** The 2,357 customers of cdnow_customers_summary_with_transactions.csv (weeks, calibration end 1997-09-30). */
export function readCdnowSummary(): CdnowSummaryRow[] {
	const lines = readFileSync(resolve(CDNOW, 'cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split(/\r?\n/);
	expect(lines[0]).toBe('ID,x,t_x,T,zbar');
	return lines.slice(1).map((line) => {
		const [id, x, tx, T, zbar] = line.split(',').map(Number);
		return { id, x, tx, T, zbar };
	});
}

/** cdnow_customers_summary.csv (ID,frequency,recency,T). */
export function readCdnowFrequencySummary(): Array<{ id: number; x: number; tx: number; T: number }> {
	const lines = readFileSync(resolve(CDNOW, 'cdnow_customers_summary.csv'), 'utf8').trim().split(/\r?\n/);
	expect(lines[0]).toBe('ID,frequency,recency,T');
	return lines.slice(1).map((line) => {
		const [id, x, tx, T] = line.split(',').map(Number);
		return { id, x, tx, T };
	});
}

/** Day number (days since 1970-01-01, UTC calendar) of a yyyyMMdd string. */
export function dayNumber(yyyymmdd: string): number {
	return Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / 86400000;
}

/**
 * Purchase days per customer from a CDNOW transaction file. `sample`: CDNOW_sample.txt (master id, sample id,
 * date, cds, dollars; customer = sample id); else CDNOW_master.txt (id, date, cds, dollars, one header line).
 * Purchases on the same day merge (their dollars add up).
 */
export function readCdnowPurchaseDays(file: 'sample' | 'master'): Map<string, Map<number, number>> {
	const text = readFileSync(resolve(CDNOW, file === 'sample' ? 'CDNOW_sample.txt' : 'CDNOW_master.txt'), 'utf8');
	const lines = text.split(/\r?\n/);
	const out = new Map<string, Map<number, number>>();
	for (let i = file === 'master' ? 1 : 0; i < lines.length; i++) {
		const parts = lines[i].trim().split(/\s+/);
		if (parts.length < 4) continue;
		const [id, date, dollars] = file === 'sample' ? [parts[1], parts[2], parts[4]] : [parts[0], parts[1], parts[3]];
		const day = dayNumber(date);
		let days = out.get(id);
		if (!days) out.set(id, (days = new Map()));
		days.set(day, (days.get(day) ?? 0) + Number(dollars));
	}
	return out;
}

/** (x, t_x, T) in weeks at the calibration end, and the repeat purchase days in (end, end + holdoutDays]. */
export function calibrationSummaries(
	purchaseDays: Map<string, Map<number, number>>,
	calibrationEnd: string,
	holdoutDays: number,
): Array<{ id: string; x: number; tx: number; T: number; holdout: number; zbar: number }> {
	const end = dayNumber(calibrationEnd);
	const out: Array<{ id: string; x: number; tx: number; T: number; holdout: number; zbar: number }> = [];
	for (const [id, days] of purchaseDays) {
		const sorted = [...days.keys()].sort((a, b) => a - b);
		const cal = sorted.filter((d) => d <= end);
		if (!cal.length) continue; // first purchase after the calibration period: not in the cohort
		const first = cal[0];
		const last = cal[cal.length - 1];
		const holdout = sorted.filter((d) => d > end && d <= end + holdoutDays).length;
		let repeatSpend = 0;
		for (const d of cal.slice(1)) repeatSpend += days.get(d)!;
		out.push({ id, x: cal.length - 1, tx: (last - first) / 7, T: (end - first) / 7, holdout, zbar: cal.length > 1 ? repeatSpend / (cal.length - 1) : 0 });
	}
	return out;
}

/** |got - want| within 1e-3 relative, or half a unit of the reference's last printed digit when that is coarser. */
export function expectMatchesPublished(got: number, published: string) {
	const want = Number(published);
	const decimals = (published.split('.')[1] ?? '').length;
	const tol = Math.max(1e-3 * Math.abs(want), 0.5 * 10 ** -decimals);
	expect(Math.abs(got - want)).toBeLessThanOrEqual(tol);
}
