/**
 * Runs workflow JSON through n8n's own execution engine (WorkflowExecute from n8n-core), in-process, with this
 * package's node classes registered under the type names n8n gives them when it installs the package
 * (`n8n-nodes-behavioral-segments.<node name>`). Used by the workflow tests, the main job and the benchmark.
 */
import './env';
import { readFileSync } from 'fs';
import { join } from 'path';
import type {
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IPinData,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { baseNodeStandIns } from './baseNodes';

export const ROOT = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[] };
};
export const PACKAGE_NAME = pkg.name;

/** Our node classes, found from package.json's n8n.nodes list (dist/nodes/X/X.node.js -> nodes/X/X.node.ts). */
export function loadPackageNodeTypes(): Record<string, INodeType | IVersionedNodeType> {
	const out: Record<string, INodeType | IVersionedNodeType> = {};
	for (const distPath of pkg.n8n.nodes) {
		const source = join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts')); // .ts: X.node.json sits beside it
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(source) as Record<string, new () => INodeType | IVersionedNodeType>;
		for (const Klass of Object.values(mod)) {
			if (typeof Klass !== 'function') continue;
			const instance = new Klass();
			const name = (instance.description as { name: string }).name;
			out[`${PACKAGE_NAME}.${name}`] = instance;
		}
	}
	return out;
}

class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}
	getByName(nodeType: string) {
		const t = this.types[nodeType];
		if (!t) throw new Error(`Unknown node type "${nodeType}" (not ours and not a stand-in)`);
		return t;
	}
	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}
	getKnownTypes() {
		return {};
	}
}

let cachedTypes: NodeTypes | undefined;
const extraTypes: Record<string, INodeType> = {};
function nodeTypes(): NodeTypes {
	cachedTypes ??= new NodeTypes({ ...baseNodeStandIns(), ...loadPackageNodeTypes(), ...extraTypes });
	return cachedTypes;
}

/** Registers a node type for one test (e.g. a probe node); call before the first run. */
export function registerNodeType(typeName: string, type: INodeType): void {
	extraTypes[typeName] = type;
	cachedTypes = undefined;
}

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export interface RunOptions {
	/** Items a node emits instead of running (n8n's pinned data), by node name. */
	pinData?: IPinData;
	/** Stop after this node (n8n's "execute up to here"); later nodes, e.g. a mail node, do not run. */
	destinationNode?: string;
	/** The workflow's time zone (Settings > Timezone); default UTC. */
	timezone?: string;
	/** Start here instead of at the trigger. */
	startNode?: string;
}

export interface RunResult {
	run: IRun;
	/** Items a node sent to one of its outputs in its first run ([] when the output was empty). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** All outputs of a node's first run. */
	outputs(nodeName: string): INodeExecutionData[][];
	/** The workflow-level error, if the run stopped on one. */
	error?: Error & { description?: string; context?: IDataObject };
}

function additionalData(hooks: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
	const base = 'http://localhost:5678';
	const notHere = () => {
		throw new Error('not available in an in-process run');
	};
	return {
		hooks,
		executionId: '1',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		credentialsHelper: {} as IWorkflowExecuteAdditionalData['credentialsHelper'],
		executeWorkflow: notHere,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: notHere,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs a workflow from its trigger (or `startNode`) through n8n's WorkflowExecute. */
export async function runWorkflow(json: WorkflowJson, options: RunOptions = {}): Promise<RunResult> {
	const settings: IWorkflowSettings = { ...(json.settings ?? {}) };
	if (options.timezone) settings.timezone = options.timezone;
	settings.timezone ??= 'UTC';
	const workflow = new Workflow({
		id: 'in-process',
		name: json.name ?? 'in-process',
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes: nodeTypes(),
		settings,
		staticData: {},
	});
	const hooks = new ExecutionLifecycleHooks('manual', '1', {
		id: 'in-process',
		name: json.name ?? 'in-process',
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		settings,
	} as never);
	const execute = new WorkflowExecute(additionalData(hooks), 'manual');
	const startNode = options.startNode
		? workflow.getNode(options.startNode) ?? undefined
		: workflow.getStartNode(options.destinationNode);
	const run = await execute.run({
		workflow,
		startNode,
		destinationNode: options.destinationNode
			? { nodeName: options.destinationNode, mode: 'inclusive' }
			: undefined,
		pinData: { ...(json.pinData ?? {}), ...(options.pinData ?? {}) },
	} as never);
	const runData = run.data.resultData.runData;
	const outputs = (nodeName: string): INodeExecutionData[][] => {
		const task = runData[nodeName]?.[0];
		if (!task) throw new Error(`Node "${nodeName}" did not run`);
		if (task.error) throw task.error;
		return (task.data?.main ?? []).map((items) => items ?? []);
	};
	return {
		run,
		outputs,
		output: (nodeName, outputIndex = 0) => outputs(nodeName)[outputIndex] ?? [],
		error: run.data.resultData.error as RunResult['error'],
	};
}

export function readWorkflow(path: string): WorkflowJson {
	return JSON.parse(readFileSync(path, 'utf8')) as WorkflowJson;
}
