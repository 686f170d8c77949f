// n8n-core reads its settings folder when it is first loaded: give it a private temporary one.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-bs-user-'));
}
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
export const userFolder = process.env.N8N_USER_FOLDER;
