/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** The n8n editor in headless Debian chromium, driven by playwright-core. */
import { existsSync } from 'fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.BS_E2E_CHROMIUM ?? '/usr/bin/chromium';
const SEC = 1000;

/** Flags this machine kind needs (no background networking: the closed network refuses it). */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this`);
	}
	return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60 * SEC });
}

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export const OWNER: Owner = {
	email: 'owner@example.com',
	firstName: 'Ada',
	lastName: 'Owner',
	password: 'E2e-Owner-Passw0rd',
};

/** POST /rest/owner/setup: the first account of a fresh n8n. */
export async function setupOwner(baseUrl: string, owner: Owner = OWNER): Promise<void> {
	const res = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
		signal: AbortSignal.timeout(30 * SEC),
	});
	if (!res.ok) throw new Error(`POST /rest/owner/setup answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
}

export async function signIn(page: Page, baseUrl: string, owner: Owner = OWNER): Promise<void> {
	await page.goto(`${baseUrl}/signin`, { timeout: 60 * SEC });
	await page.fill('#emailOrLdapLoginId', owner.email, { timeout: 60 * SEC });
	await page.fill('#password', owner.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60 * SEC });
}

/** A REST call from inside the signed-in page (n8n binds its session cookie to the page's browser-id header). */
export async function restFromPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
	return await page.evaluate(
		async ({ method, path, body }) => {
			const res = await fetch(path, {
				method,
				headers: { 'content-type': 'application/json', 'browser-id': localStorage.getItem('n8n-browserId') ?? '' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await res.text();
			let parsed: unknown = text;
			try {
				parsed = JSON.parse(text);
			} catch {
				/* not JSON */
			}
			return { status: res.status, body: parsed as never };
		},
		{ method, path, body },
	);
}

export interface CanvasNodeState {
	name: string;
	type: string;
	/** n8n marks node types it does not know with a "not installed" badge and a grey "?" instead of the icon. */
	notInstalled: boolean;
	placeholderIcon: boolean;
	/** The node's icon image arrived and has a size. */
	iconLoaded: boolean;
	iconSrc: string | null;
	outputLabels: string[];
	subtitle: string;
}

/**
 * Opens a workflow's canvas and waits until the named nodes are drawn and every node icon has loaded (or failed).
 * (Sticky notes are drawn differently; pass the names of real nodes.)
 */
export async function openCanvas(page: Page, baseUrl: string, workflowId: string, nodeNames: string[]): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${workflowId}`, { timeout: 90 * SEC });
	try {
		await page.waitForFunction(
			(names) => {
				const drawn = new Set(
					[...document.querySelectorAll('[data-test-id="canvas-node"]')].map((el) => el.getAttribute('data-node-name')),
				);
				return names.every((n) => drawn.has(n));
			},
			nodeNames,
			{ timeout: 60 * SEC },
		);
	} catch (error) {
		const drawn = await page.evaluate(() =>
			[...document.querySelectorAll('[data-test-id="canvas-node"]')].map((el) => el.getAttribute('data-node-name')),
		);
		throw new Error(
			`the canvas of workflow ${workflowId} did not show all nodes within 60 s: expected ${JSON.stringify(nodeNames)}, drawn ${JSON.stringify(drawn)} (${(error as Error).message.split('\n')[0]})`,
		);
	}
	await page
		.waitForFunction(
			() =>
				[...document.querySelectorAll('[data-test-id="canvas-node"] img')].every(
					(img) => (img as HTMLImageElement).complete,
				),
			null,
			{ timeout: 30 * SEC },
		)
		.catch(() => undefined); // the per-node check reports icons that never loaded
	await page.mouse.move(5, 500); // no hover toolbar in the picture
	await page.waitForTimeout(500);
}

export async function canvasNodes(page: Page): Promise<CanvasNodeState[]> {
	return await page.evaluate(() =>
		[...document.querySelectorAll('[data-test-id="canvas-node"]')].map((el) => {
			const img = el.querySelector('img') as HTMLImageElement | null;
			const flowNode = el.closest('.vue-flow__node');
			return {
				name: el.getAttribute('data-node-name') ?? '',
				type: el.getAttribute('data-node-type') ?? '',
				notInstalled: !!el.querySelector('[data-test-id="node-not-installed"]'),
				placeholderIcon: !!el.querySelector('[class*="nodeIconPlaceholder"]'),
				iconLoaded: !!img && img.complete && img.naturalWidth > 0,
				iconSrc: img?.getAttribute('src') ?? null,
				outputLabels: [...(flowNode ?? el).querySelectorAll('[data-test-id="canvas-node-output-handle"]')].map(
					(h) => (h as HTMLElement).innerText.trim(),
				),
				subtitle: (el.querySelector('[class*="subtitle"]') as HTMLElement | null)?.innerText.trim() ?? '',
			};
		}),
	);
}

export interface PanelState {
	title: string;
	parameterCount: number;
	parameterLabels: string[];
	problems: string[];
}

const PANEL_PROBLEM_TEXT = [
	'not currently installed',
	'Install this node',
	'install this node',
	'problem loading',
	'Could not load',
	'could not be loaded',
	'Unrecognized node type',
];

/**
 * Opens a node's parameter panel (NDV) through its URL, /workflow/<id>/<node id>, which avoids clicking a canvas
 * node (a double-click on the label can land on the canvas pane). Waits until every parameter group has rendered.
 */
export async function openPanel(page: Page, baseUrl: string, workflowId: string, nodeId: string): Promise<PanelState> {
	await page.goto(`${baseUrl}/workflow/${workflowId}/${nodeId}`, { timeout: 90 * SEC });
	const ndv = page.locator('dialog[data-test-id="ndv"]');
	await ndv.waitFor({ state: 'visible', timeout: 60 * SEC });
	await page.locator('[data-test-id="node-parameters"]').waitFor({ state: 'visible', timeout: 60 * SEC });
	await page.waitForFunction(
		() => {
			const el = document.querySelector('[data-test-id="node-parameters"]') as HTMLElement | null;
			return !!el && !el.innerText.includes('Loading fields');
		},
		null,
		{ timeout: 60 * SEC },
	);
	await page.waitForTimeout(500);
	return await page.evaluate((problemText) => {
		const dialog = document.querySelector('dialog[data-test-id="ndv"]') as HTMLElement;
		const parameters = document.querySelector('[data-test-id="node-parameters"]') as HTMLElement;
		const labels = [...parameters.querySelectorAll('[data-test-id="parameter-item"] [data-test-id="input-label"]')]
			.map((l) => (l as HTMLElement).innerText.trim().split('\n')[0])
			.filter(Boolean);
		const text = dialog.innerText;
		return {
			title: (dialog.querySelector('[data-test-id="node-title-container"]') as HTMLElement | null)?.innerText.trim() ?? '',
			parameterCount: parameters.querySelectorAll('[data-test-id="parameter-item"]').length,
			parameterLabels: labels,
			problems: problemText.filter((p) => text.includes(p)),
		};
	}, PANEL_PROBLEM_TEXT);
}
