// Run by the e2e suite with n8n's Node 24 and n8n's node_modules on NODE_PATH (its sqlite3 is built for Node 24):
//   node readExecution.cjs <database.sqlite> <workflow id> <output.json>
// Writes the newest execution of the workflow as n8n stored it: { id, status, mode, startedAt, stoppedAt, data },
// `data` being the run (resultData.runData …) decoded from n8n's "flatted" format. Read from n8n's own database,
// not from `n8n execute`'s stdout, which n8n may cut short when it exits right after logging a large run.
'use strict';
const { writeFileSync } = require('fs');
const sqlite3 = require('sqlite3');
const { parse } = require('flatted');

const [database, workflowId, output] = process.argv.slice(2);
const db = new sqlite3.Database(database, sqlite3.OPEN_READONLY, (openError) => {
	if (openError) fail(openError);
});
db.get(
	`SELECT e.id, e.status, e.mode, e.startedAt, e.stoppedAt, d.data
	   FROM execution_entity e JOIN execution_data d ON d.executionId = e.id
	  WHERE e.workflowId = ? ORDER BY e.id DESC LIMIT 1`,
	[workflowId],
	(error, row) => {
		if (error) return fail(error);
		if (!row) return fail(new Error(`no stored execution of workflow ${workflowId}`));
		writeFileSync(output, JSON.stringify({ ...row, data: parse(row.data) }));
		db.close();
	},
);

function fail(error) {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
}
