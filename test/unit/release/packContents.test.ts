import { statSync } from 'fs';
import { join } from 'path';

import packageJson from '../../../package.json';
import { MAX_PACKED_BYTES, MAX_README_BYTES, packProblems, projectLinkProblems, requiredByManifest } from '../../../scripts/scan/packContents';

const manifest = {
	main: 'dist/index.js',
	n8n: {
		nodes: ['dist/nodes/A/A.node.js'],
		credentials: ['dist/credentials/C.credentials.js'],
	},
};

const good = [
	'package.json',
	'README.md',
	'LICENSE',
	'dist/index.js',
	'dist/nodes/A/A.node.js',
	'dist/nodes/A/A.node.json',
	'dist/nodes/A/a.svg',
	'dist/nodes/A/a.dark.svg',
	'dist/nodes/shared/transport/graph.js',
	'dist/credentials/C.credentials.js',
	'dist/credentials/c.svg',
];

const pack = (paths: string[], size = 50_000) => ({ size, files: paths.map((path) => ({ path })) });

describe('what the published tarball may hold', () => {
	it('the manifest requires main, every node with its codex file, every credential', () => {
		expect(requiredByManifest(manifest)).toEqual([
			'dist/index.js',
			'dist/nodes/A/A.node.js',
			'dist/nodes/A/A.node.json',
			'dist/credentials/C.credentials.js',
		]);
	});

	it('accepts JavaScript, icons, codex files, README, LICENSE and package.json', () => {
		expect(packProblems(pack(good), requiredByManifest(manifest))).toEqual([]);
	});

	it.each([
		'dist/nodes/A/A.node.d.ts',
		'dist/nodes/A/A.node.js.map',
		'dist/test/unit/x.test.js',
		'dist/nodes/A/x.test.js',
		'dist/tsconfig.build.tsbuildinfo',
		'dist/package-lock.json',
		'nodes/A/A.node.ts',
		'test/sandbox/index.js',
		'dist/tools/sandbox/index.js',
		'dist/scripts/start.js',
		'CHANGELOG.md',
	])('refuses %s', (path) => {
		expect(packProblems(pack([...good, path]), requiredByManifest(manifest))).toEqual([
			expect.stringMatching(new RegExp(`^ships ${path.replace(/\./g, '\\.')}:`)),
		]);
	});

	it('names a file the manifest promises and the tarball misses', () => {
		const withoutCodex = good.filter((path) => path !== 'dist/nodes/A/A.node.json');
		expect(packProblems(pack(withoutCodex), requiredByManifest(manifest))).toEqual(['misses dist/nodes/A/A.node.json']);
		expect(packProblems(pack(good.filter((path) => path !== 'LICENSE')), [])).toEqual(['misses LICENSE']);
	});

	it(`allows at most ${MAX_PACKED_BYTES} bytes packed`, () => {
		expect(packProblems(pack(good, MAX_PACKED_BYTES), [])).toEqual([]);
		expect(packProblems(pack(good, MAX_PACKED_BYTES + 1), [])).toEqual([
			`packed size ${MAX_PACKED_BYTES + 1} bytes is over the limit of ${MAX_PACKED_BYTES} bytes`,
		]);
	});

	it(`allows a README.md of at most ${MAX_README_BYTES} bytes`, () => {
		const withReadme = (size: number) => ({ size: 50_000, files: good.map((path) => (path === 'README.md' ? { path, size } : { path, size: 10 })) });
		expect(packProblems(withReadme(MAX_README_BYTES), [])).toEqual([]);
		expect(packProblems(withReadme(MAX_README_BYTES + 1), [])).toEqual([
			`README.md is ${MAX_README_BYTES + 1} bytes, over its limit of ${MAX_README_BYTES}: move reference material into docs/ and link it`,
		]);
	});

	it("keeps this package's README.md within its limit (the reference lives in docs/)", () => {
		expect(statSync(join(__dirname, '../../../README.md')).size).toBeLessThanOrEqual(MAX_README_BYTES);
	});
});

describe("package.json's repository, homepage and bugs", () => {
	const repo = 'https://github.com/owner/name';

	it('agree in this package', () => {
		expect(projectLinkProblems(packageJson)).toEqual([]);
	});

	it.each([
		{ repository: { url: `git+${repo}.git` }, homepage: `${repo}#readme`, bugs: { url: `${repo}/issues` } },
		{ repository: `${repo}.git`, homepage: repo, bugs: `${repo}/issues` },
	])('accepts %j', (manifest) => {
		expect(projectLinkProblems(manifest)).toEqual([]);
	});

	it('names each link that points elsewhere', () => {
		expect(projectLinkProblems({ repository: { url: `${repo}.git` }, homepage: 'https://example.com', bugs: { url: 'https://github.com/other/name/issues' } })).toEqual([
			'homepage "https://example.com" should be https://github.com/owner/name#readme (the repository)',
			'bugs.url "https://github.com/other/name/issues" should be https://github.com/owner/name/issues',
		]);
		expect(projectLinkProblems({ repository: { url: 'https://gitlab.com/owner/name' } })).toEqual([
			'repository.url "https://gitlab.com/owner/name" is not a https://github.com/<owner>/<name> URL',
		]);
	});
});
