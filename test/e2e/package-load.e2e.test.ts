import { existsSync, readFileSync } from 'fs';
import { basename, join } from 'path';

import { e2eContext } from './harness/context';
import { REPO_ROOT } from '../../tools/n8n/lines';
import { KNOWN_N8N_NOTICES, parseN8nLog, startupEntries } from './harness/n8nLog';

/** n8n derives a community node's type from the package name and the class's `name` (file name, first letter lowered). */
function expectedNodeTypes(): string[] {
	const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
	return (manifest.n8n.nodes as string[]).map((file) => {
		const name = basename(file, '.node.js');
		return `${manifest.name}.${name.charAt(0).toLowerCase()}${name.slice(1)}`;
	});
}

describe(`n8n ${process.env.N8N_LINE ?? '2'}.x loads n8n-nodes-meta-calling as a community package`, () => {
	const e2e = e2eContext();

	it('runs the n8n version of the line', async () => {
		const settings = await e2e.rest.rest('GET', '/settings');
		expect(settings.status).toBe(200);
		expect(settings.body.data.versionCli).toBe(e2e.n8nVersion);
	});

	it('has every file the package.json n8n section lists', () => {
		const manifest = JSON.parse(readFileSync(join(e2e.packageDir, 'package.json'), 'utf8'));
		const listed = [...manifest.n8n.nodes, ...manifest.n8n.credentials] as string[];
		expect(listed.filter((file) => !existsSync(join(e2e.packageDir, file)))).toEqual([]);
	});

	it('knows the credential type metaCallingApi', async () => {
		expect(await e2e.rest.credentialTypeNames()).toContain('metaCallingApi');
	});

	it('knows every node type of the package, each using the credential', async () => {
		const types = await e2e.rest.nodeTypes();
		for (const expected of expectedNodeTypes()) {
			const type = types.find((t) => t.name === expected);
			expect({ expected, found: Boolean(type) }).toEqual({ expected, found: true });
			expect(type?.credentials?.map((c) => c.name)).toContain('metaCallingApi');
		}
	});

	it('logged nothing about the package while loading it, and no other warning or error', () => {
		const startup = startupEntries(parseN8nLog(e2e.n8nLogText()));
		// The log is the live instance's and reached the point where n8n serves the editor.
		expect(startup.length).toBeGreaterThan(10);
		// A package that loads fine is not mentioned at all; a failed load names its path or its nodes.
		const aboutUs = startup.filter((e) => /meta-?calling|whatsappcalling|messengercalling/i.test(e.message));
		expect(aboutUs).toEqual([]);
		// A load error may name only what failed (`Cannot find module 'luxon'`): no warning or error is
		// accepted but the notices n8n gives on every start here.
		const complaints = startup.filter(
			(e) => e.level !== 'info' && e.level !== 'debug' && !KNOWN_N8N_NOTICES.some((notice) => notice.test(e.message)),
		);
		expect(complaints).toEqual([]);
	});
});
