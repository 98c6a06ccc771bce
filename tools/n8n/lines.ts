import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** The two n8n release lines the e2e tier proves the package on (issue 2), from scripts/n8n-versions.json. */
export type N8nLine = '1' | '2';
export const N8N_LINES: Record<N8nLine, string> = JSON.parse(
	readFileSync(join(REPO_ROOT, 'scripts', 'n8n-versions.json'), 'utf8'),
).lines;
export const CACHE_DIR = process.env.META_CALLING_CACHE_DIR ?? join(REPO_ROOT, '.cache');

export interface N8nRuntime {
	line: N8nLine;
	version: string;
	/** Node 24's bin folder, put first on PATH for n8n and its task runner. */
	nodeBinDir: string;
	nodeBinary: string;
	/** n8n's own entry script, run with Node 24 (not through the .bin shim, whose shebang says `node`). */
	n8nEntry: string;
}

/** Reads N8N_LINE (`2` default, or `1`) and points at the cached installs that scripts/n8n-env.sh made. */
export function resolveRuntime(line = process.env.N8N_LINE ?? '2'): N8nRuntime {
	if (line !== '1' && line !== '2') {
		throw new Error(`N8N_LINE must be one of ${Object.keys(N8N_LINES).join(', ')}; got "${line}"`);
	}
	const version = N8N_LINES[line as N8nLine];
	if (!version) throw new Error(`scripts/n8n-versions.json has no n8n version for line ${line}`);
	const nodeBinDir = join(CACHE_DIR, 'node24', 'bin');
	const installDir = join(CACHE_DIR, `n8n-${version}`);
	const runtime: N8nRuntime = {
		line: line as N8nLine,
		version,
		nodeBinDir,
		nodeBinary: join(nodeBinDir, 'node'),
		n8nEntry: join(installDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
	const missing = [runtime.nodeBinary, join(installDir, '.installed'), runtime.n8nEntry].filter((p) => !existsSync(p));
	if (missing.length > 0) {
		throw new Error(
			`n8n ${version} is not installed (missing ${missing.join(', ')}). ` +
				`Run: bash scripts/n8n-env.sh n8n ${version}   (or npm run test:e2e, which does it)`,
		);
	}
	return runtime;
}
