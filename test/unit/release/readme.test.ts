import { existsSync, readdirSync, readFileSync } from 'fs';
import { dirname, join, relative } from 'path';

import { DateTime } from 'luxon';

import { headingAnchors, headingSlug, relativeLinks } from '../../../scripts/docs/markdownLinks';
import { readExamples, tryItCommand, whatsAppTriggerOf } from '../../../scripts/start/examples';
import { readSettings } from '../../../scripts/start/settings';
import { N8N_LINES, REPO_ROOT } from '../../../tools/n8n/lines';
import { n8nEnvironment } from '../../../tools/n8n/n8nProcess';

/*
 * The README says what `npm start` prints and what its commands produce; these tests hold it to that,
 * and keep every relative link of the README and docs/ pointing at a file and heading that exist.
 */

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

describe('Markdown link rules', () => {
	it("names headings as GitHub's anchors do", () => {
		expect(headingSlug('Credential: Meta Calling API')).toBe('credential-meta-calling-api');
		expect(headingSlug('Scaling out (queue mode)')).toBe('scaling-out-queue-mode');
		expect(headingSlug('Concurrent writers (`nodes/shared/execution/accountUpdate.ts`)')).toBe(
			'concurrent-writers-nodessharedexecutionaccountupdatets',
		);
		expect(headingSlug('Call Setting → Get')).toBe('call-setting--get');
		expect([...headingAnchors('# A\n## Notes\n```\n# not a heading\n```\n### Notes\n')]).toEqual(['a', 'notes', 'notes-1']);
	});

	it('finds relative links and images, not web links or code', () => {
		const page = 'See [a](docs/a.md#x) and ![b](b.png "title").\n[web](https://example.com) [top](#top)\n```sh\n[no](c.md)\n```\n';
		expect(relativeLinks(page)).toEqual([
			{ target: 'docs/a.md#x', line: 1 },
			{ target: 'b.png', line: 1 },
			{ target: '#top', line: 2 },
		]);
	});
});

describe('the README and docs/ link only to what exists', () => {
	const pages = [
		'README.md',
		'CHANGELOG.md',
		...readdirSync(join(REPO_ROOT, 'docs'))
			.filter((file) => file.endsWith('.md'))
			.map((file) => `docs/${file}`),
		'tools/sandbox/README.md',
		...['e2e', 'e2e-queue'].map((tier) => `test/${tier}/README.md`),
	];

	it.each(pages)('%s', (page) => {
		const broken: string[] = [];
		for (const { target, line } of relativeLinks(read(page))) {
			const [pathPart, anchor] = target.split('#');
			const file = pathPart === '' ? join(REPO_ROOT, page) : join(REPO_ROOT, dirname(page), decodeURIComponent(pathPart));
			if (!existsSync(file)) {
				broken.push(`${page}:${line} ${target}: no ${relative(REPO_ROOT, file)}`);
			} else if (anchor !== undefined && file.endsWith('.md') && !headingAnchors(readFileSync(file, 'utf8')).has(anchor)) {
				broken.push(`${page}:${line} ${target}: no heading #${anchor} in ${relative(REPO_ROOT, file)}`);
			}
		}
		expect(broken).toEqual([]);
	});
});

describe("the README's examples say what their commands do", () => {
	const readme = read('README.md');
	const settings = readSettings([], {});
	// What npm start prints: the sandbox and n8n on their default ports.
	const urls = { n8n: `http://127.0.0.1:${settings.n8nPort}`, sandbox: `http://127.0.0.1:${settings.sandboxPort}` };
	const examples = readExamples();

	/** The README's shell block, with `\`-continued lines joined as the shell joins them. */
	const readmeCommands = (/```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '')
		.replace(/ \\\n\s*/g, ' ')
		.split('\n')
		.filter((line) => line.startsWith('curl '));

	it('lists exactly the commands npm start prints to try the examples', () => {
		const printed = examples.flatMap((example) => tryItCommand(example, urls).split('\n')).filter((command) => command.startsWith('curl '));
		expect(printed.length).toBeGreaterThan(0);
		for (const command of printed) expect(readmeCommands).toContain(command);
	});

	it("quotes example 3's alert as the workflow writes it for that command's restriction", () => {
		const example = examples.find((candidate) => whatsAppTriggerOf(candidate));
		if (!example) throw new Error('no example with a WhatsApp Calling Trigger');
		const payload = JSON.parse(/-d '(.+)'$/.exec(tryItCommand(example, urls))?.[1] ?? 'null');
		const value = payload.body.entry[0].changes[0].value;
		const restriction = value.restriction_info[0];

		const assignments = (example.nodes.find((node) => node.type === 'n8n-nodes-base.set')?.parameters?.assignments as {
			assignments: Array<{ name: string; value: string }>;
		}).assignments;
		const expression = (name: string) => assignments.find((assignment) => assignment.name === name)?.value ?? '';
		const text = expression('text');
		// The Set node: the restriction's words, then " until " and expiresAt (the trigger's ISO form of
		// Meta's `expiration`) formatted in $now's zone, which is n8n's GENERIC_TIMEZONE under npm start.
		const words = new RegExp(`${restriction.restriction_type}: '([^']+)'`).exec(text)?.[1];
		const format = /\.setZone\(\$now\.zoneName\)\.toFormat\('([^']+)'\)/.exec(text)?.[1];
		expect(text).toContain("' until ' + DateTime.fromISO(r.expiresAt)");
		const zone = n8nEnvironment({
			runtime: { line: settings.line, version: N8N_LINES[settings.line], nodeBinDir: '', nodeBinary: '', n8nEntry: '' },
			userFolder: '',
			port: settings.n8nPort,
			brokerPort: settings.brokerPort,
			logFile: '',
		}).GENERIC_TIMEZONE;
		if (!words || !format || !zone) throw new Error(`cannot read the alert text of ${example.file}`);
		const until = DateTime.fromISO(new Date(restriction.expiration * 1000).toISOString()).setZone(zone).toFormat(format);

		expect(`${words} until ${until}`).toBe('customers cannot call you until Tue 1 Jan 2030, 00:00 UTC');
		expect(expression('subject')).toContain("'Meta paused WhatsApp calling' : ");
		expect(expression('subject')).toContain(' for {{ $json.phoneNumber || ');
		for (const page of ['README.md', 'docs/examples.md']) {
			expect(read(page)).toContain(`"Meta paused WhatsApp calling for ${value.phone_number}" / "${words} until ${until}"`);
		}
	});
});
