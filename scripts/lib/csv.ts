/**
 * A small RFC 4180 CSV reader for dev scripts and tests (not shipped: the nodes get rows from n8n's Extract From File).
 * Handles quoted fields with embedded commas, newlines (LF or CRLF) and doubled quotes, a UTF-8 BOM, and CRLF or LF
 * line ends. `csvToObjects` gives what Extract From File emits: one object per line, keys = header names, values strings.
 */
import { readFileSync } from 'fs';

/** Parses CSV text into rows of cells. A trailing line end does not make an empty last row. */
export function parseCsv(text: string, delimiter = ','): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let i = 0;
	const n = text.length;
	if (n > 0 && text.charCodeAt(0) === 0xfeff) i = 1;
	let inQuotes = false;
	let rowStarted = false;
	while (i < n) {
		const c = text[i];
		if (inQuotes) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i += 2;
					continue;
				}
				inQuotes = false;
				i++;
				continue;
			}
			cell += c;
			i++;
			continue;
		}
		if (c === '"') {
			inQuotes = true;
			rowStarted = true;
			i++;
		} else if (c === delimiter) {
			row.push(cell);
			cell = '';
			rowStarted = true;
			i++;
		} else if (c === '\r' || c === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			rowStarted = false;
			i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
		} else {
			cell += c;
			rowStarted = true;
			i++;
		}
	}
	if (inQuotes) throw new Error('CSV ends inside a quoted field');
	if (rowStarted || cell !== '' || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}

/** One object per data line, keyed by the header names (missing cells are ""). Blank lines are skipped. */
export function csvToObjects(text: string, delimiter = ','): Array<Record<string, string>> {
	const rows = parseCsv(text, delimiter);
	if (rows.length === 0) return [];
	const header = rows[0];
	const out: Array<Record<string, string>> = [];
	for (let r = 1; r < rows.length; r++) {
		const cells = rows[r];
		if (cells.length === 1 && cells[0] === '') continue;
		const obj: Record<string, string> = {};
		for (let c = 0; c < header.length; c++) obj[header[c]] = cells[c] ?? '';
		out.push(obj);
	}
	return out;
}

export function readCsvFile(path: string, delimiter = ','): Array<Record<string, string>> {
	return csvToObjects(readFileSync(path, 'utf8'), delimiter);
}
