import { createHash } from 'crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { basename, join } from 'path';

import { REPO_ROOT } from './lines';
import { pointCalendarsAt } from './calendarUrls';

/** Fixed id of the sandbox credential: workflow JSON files reference it by this id and name. */
export const SANDBOX_CREDENTIAL_ID = 'metaSandboxCred1';
export const SANDBOX_CREDENTIAL_NAME = 'Meta Calling API (sandbox)';
const PACKAGE_NAME = 'n8n-nodes-meta-calling';

/** Folders whose *.json workflows every e2e run imports and activates. */
const WORKFLOW_FOLDERS = [join(REPO_ROOT, 'test', 'e2e', 'workflows'), join(REPO_ROOT, 'examples')];

/**
 * Places the built package where n8n keeps community packages installed from Settings → Community Nodes:
 * `<N8N_USER_FOLDER>/.n8n/nodes/node_modules/n8n-nodes-meta-calling` (package.json + dist only, like npm pack).
 */
export function installBuiltPackage(userFolder: string, builtDir?: string): string {
	// A build elsewhere (the bench's private build, or META_CALLING_DIST, while others rebuild dist/).
	const distDir = builtDir ?? process.env.META_CALLING_DIST ?? join(REPO_ROOT, 'dist');
	if (!existsSync(join(distDir, 'credentials'))) {
		throw new Error(`${distDir} has no build; run npm run build first`);
	}
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	mkdirSync(target, { recursive: true });
	cpSync(join(REPO_ROOT, 'package.json'), join(target, 'package.json'));
	cpSync(distDir, join(target, 'dist'), { recursive: true });
	return target;
}

/** n8n's credential import file: the sandbox credential (plain, unencrypted data, our fixed id), then `extra`. */
export function writeSandboxCredential(importDir: string, sandboxUrl: string, extra: unknown[] = []): string {
	const file = join(importDir, 'credentials.json');
	const credential = {
		id: SANDBOX_CREDENTIAL_ID,
		name: SANDBOX_CREDENTIAL_NAME,
		type: 'metaCallingApi',
		data: {
			accessToken: 'sandbox-access-token',
			appId: '1000000000000001',
			appSecret: 'sandbox-app-secret',
			graphApiVersion: 'v26.0',
			baseUrl: sandboxUrl,
		},
	};
	writeFileSync(file, JSON.stringify([credential, ...extra], null, 2));
	return file;
}

export interface PreparedWorkflow {
	id: string;
	name: string;
	file: string;
}

/** A workflow built in code, written as it is. */
export interface WorkflowToImport {
	id: string;
	name: string;
	json: Record<string, unknown>;
}

/** Writes each workflow into one folder for `n8n import:workflow --separate`. */
export function writeWorkflows(importDir: string, workflows: readonly WorkflowToImport[]): PreparedWorkflow[] {
	const outDir = join(importDir, 'workflows');
	mkdirSync(outDir, { recursive: true });
	return workflows.map(({ id, name, json }) => {
		const file = join(outDir, `${id}.json`);
		writeFileSync(file, JSON.stringify(json, null, 2));
		return { id, name, file };
	});
}

/**
 * Copies every workflow JSON of `folders` (default WORKFLOW_FOLDERS) into one folder for `n8n import:workflow --separate`.
 * A workflow without an id gets a stable one derived from its file name, so tests and publish calls can
 * name it; `active` is cleared because the harness activates each workflow once n8n runs (stack.ts).
 * With `sandboxUrl`, the calendar examples read their calendars from that sandbox (calendarUrls.ts).
 */
export function prepareWorkflows(importDir: string, folders: readonly string[] = WORKFLOW_FOLDERS, sandboxUrl?: string): PreparedWorkflow[] {
	const found: WorkflowToImport[] = [];
	for (const folder of folders) {
		if (!existsSync(folder)) continue;
		for (const entry of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
			const source = join(folder, entry);
			const shipped = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
			const workflow = sandboxUrl ? pointCalendarsAt(shipped, sandboxUrl) : shipped;
			const id = typeof workflow.id === 'string' && workflow.id ? workflow.id : stableWorkflowId(source);
			if (found.some((p) => p.id === id)) {
				throw new Error(`workflow id ${id} of ${source} is used twice`);
			}
			const name = typeof workflow.name === 'string' ? workflow.name : basename(entry, '.json');
			found.push({ id, name, json: { ...workflow, id, name, active: false } });
		}
	}
	return writeWorkflows(importDir, found);
}

/** 16 letters and digits, like n8n's own ids, derived from the file's path inside the repo. */
function stableWorkflowId(file: string): string {
	const relative = file.slice(REPO_ROOT.length);
	return 'e2e' + createHash('sha256').update(relative).digest('hex').slice(0, 13);
}
