import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { registerNodeType, runWorkflow } from '../../harness/engine';

class Probe implements INodeType {
	description = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'probe',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
	} as INodeType['description'];
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((item, i) => ({
				json: { ...item.json, value: this.getNodeParameter('value', i), zone: this.getTimezone() },
				pairedItem: { item: i },
			})),
		];
	}
}

test('the harness runs a workflow through n8n WorkflowExecute, with expressions and pinned data', async () => {
	registerNodeType('test.probe', new Probe());
	const result = await runWorkflow(
		{
			nodes: [
				{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: '2', name: 'Probe', type: 'test.probe', typeVersion: 1, position: [200, 0], parameters: { value: '={{ $json.n * 2 }}' } },
			],
			connections: { Start: { main: [[{ node: 'Probe', type: 'main' as never, index: 0 }]] } },
			pinData: { Start: [{ json: { n: 1 } }, { json: { n: 21 } }] },
		},
		{ timezone: 'Europe/Berlin' },
	);
	expect(result.error).toBeUndefined();
	expect(result.output('Probe').map((i) => i.json)).toEqual([
		{ n: 1, value: 2, zone: 'Europe/Berlin' },
		{ n: 21, value: 42, zone: 'Europe/Berlin' },
	]);
});
