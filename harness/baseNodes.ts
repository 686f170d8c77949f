/**
 * Stand-ins for the few n8n-nodes-base node types our templates start with (triggers, sticky notes, No-Op).
 * n8n-nodes-base itself is not installed for in-process runs; the real nodes are exercised by the e2e suite.
 * Each stand-in does what the real node does for a run started by hand: emit one empty item, or pass items on.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

function describe(name: string, displayName: string, inputs: number): INodeTypeDescription {
	return {
		displayName,
		name,
		group: inputs ? ['transform'] : ['trigger'],
		version: [1, 1.1, 1.2, 1.3, 2, 3],
		description: `${displayName} (in-process stand-in)`,
		defaults: { name: displayName },
		inputs: Array(inputs).fill('main'),
		outputs: ['main'],
		properties: [],
	} as unknown as INodeTypeDescription;
}

class Trigger implements INodeType {
	constructor(public description: INodeTypeDescription) {}
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		return [items.length ? items : [{ json: {} }]];
	}
}

class PassThrough implements INodeType {
	constructor(public description: INodeTypeDescription) {}
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export function baseNodeStandIns(): Record<string, INodeType> {
	const triggers: Array<[string, string]> = [
		['manualTrigger', 'Manual Trigger'],
		['scheduleTrigger', 'Schedule Trigger'],
		['webhook', 'Webhook'],
		['executeWorkflowTrigger', 'Execute Workflow Trigger'],
	];
	const out: Record<string, INodeType> = {};
	for (const [name, displayName] of triggers) {
		out[`n8n-nodes-base.${name}`] = new Trigger(describe(name, displayName, 0));
	}
	out['n8n-nodes-base.noOp'] = new PassThrough(describe('noOp', 'No Operation', 1));
	out['n8n-nodes-base.stickyNote'] = new PassThrough(describe('stickyNote', 'Sticky Note', 0));
	return out;
}
