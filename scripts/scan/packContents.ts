/**
 * What the published tarball may hold, as a pure rule over `npm pack --json`'s answer: the compiled
 * JavaScript, the icons and codex files n8n reads, README, LICENSE and package.json — nothing else (no
 * declarations, no source maps, no tests) — and it must stay small.
 */

/** The upper bound of the packed (gzipped) tarball, in bytes. */
export const MAX_PACKED_BYTES = 100_000;

/**
 * README.md's own bound, unpacked. npm ships the README whatever `files` says, so it is the user's guide
 * and links to docs/ (not shipped) for the reference; at 37 KB it alone took 14 KB of the tarball and
 * pushed it over MAX_PACKED_BYTES. 12,000 bytes is about 5 KB packed.
 */
export const MAX_README_BYTES = 12_000;

/** The part of one `npm pack --json` entry this rule reads (`size` of a file: unpacked bytes). */
export interface PackReport {
	size: number;
	files: Array<{ path: string; size?: number }>;
}

const TOP_LEVEL_FILES = ['package.json', 'README.md', 'LICENSE'];

function isShippable(path: string): boolean {
	if (TOP_LEVEL_FILES.includes(path)) return true;
	if (!path.startsWith('dist/')) return false;
	if (path.endsWith('.d.ts') || path.endsWith('.map')) return false;
	// Tests and the tooling they share with scripts/ (the sandbox, the n8n harness) never ship.
	if (/\.test\.js$/.test(path) || /\/(test|tools|scripts)\//.test(path)) return false;
	return path.endsWith('.js') || path.endsWith('.svg') || path.endsWith('.node.json');
}

/**
 * Every problem with the tarball, as readable lines; empty when it is fine. `required` lists the files
 * that must be in it (package.json's `main`, n8n.nodes and n8n.credentials).
 */
export function packProblems(report: PackReport, required: string[]): string[] {
	const problems: string[] = [];
	const shipped = new Set(report.files.map((file) => file.path));
	for (const path of [...shipped].sort()) {
		if (!isShippable(path)) problems.push(`ships ${path}: only dist/**/*.js, icons (.svg), codex files (.node.json), README.md, LICENSE and package.json belong in the package`);
	}
	for (const path of [...TOP_LEVEL_FILES, ...required]) {
		if (!shipped.has(path)) problems.push(`misses ${path}`);
	}
	if (report.size > MAX_PACKED_BYTES) {
		problems.push(`packed size ${report.size} bytes is over the limit of ${MAX_PACKED_BYTES} bytes`);
	}
	const readmeBytes = report.files.find((file) => file.path === 'README.md')?.size ?? 0;
	if (readmeBytes > MAX_README_BYTES) {
		problems.push(`README.md is ${readmeBytes} bytes, over its limit of ${MAX_README_BYTES}: move reference material into docs/ and link it`);
	}
	return problems;
}

/**
 * The files package.json promises n8n and Node: `main`, every node with its codex file next to it
 * (`X.node.js` → `X.node.json`, where n8n reads the node's categories and links), every credential.
 */
export function requiredByManifest(manifest: { main?: string; n8n?: { nodes?: string[]; credentials?: string[] } }): string[] {
	const clean = (path: string) => path.replace(/^\.\//, '');
	const nodes = (manifest.n8n?.nodes ?? []).map(clean);
	return [
		...(manifest.main ? [clean(manifest.main)] : []),
		...nodes,
		...nodes.map((path) => path.replace(/\.js$/, '.json')),
		...(manifest.n8n?.credentials ?? []).map(clean),
	];
}

/** The part of package.json that says where the project lives. */
export interface ProjectLinks {
	homepage?: string;
	repository?: string | { url?: string };
	bugs?: string | { url?: string };
}

/**
 * package.json's `repository`, `homepage` and `bugs` must name one GitHub repository: npm refuses a
 * provenance publish whose `repository` is not the repository the workflow ran in, and n8n links users
 * to the other two.
 */
export function projectLinkProblems(manifest: ProjectLinks): string[] {
	const repositoryUrl = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
	const match = /^(?:git\+)?https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(repositoryUrl ?? '');
	if (!match) return [`repository.url ${JSON.stringify(repositoryUrl)} is not a https://github.com/<owner>/<name> URL`];
	const home = `https://github.com/${match[1]}/${match[2]}`;
	const problems: string[] = [];
	if (manifest.homepage !== home && manifest.homepage !== `${home}#readme`) {
		problems.push(`homepage ${JSON.stringify(manifest.homepage)} should be ${home}#readme (the repository)`);
	}
	const bugsUrl = typeof manifest.bugs === 'string' ? manifest.bugs : manifest.bugs?.url;
	if (bugsUrl !== `${home}/issues`) problems.push(`bugs.url ${JSON.stringify(bugsUrl)} should be ${home}/issues`);
	return problems;
}
