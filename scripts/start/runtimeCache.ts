import { existsSync } from 'fs';
import { join } from 'path';

/**
 * Whether scripts/n8n-env.sh will find Node 24 and this n8n version already installed: the same markers it
 * checks (`.installed` written last, and the binaries). `npm start` says "this downloads for several
 * minutes" only when it will.
 */
export function runtimeInstalled(repoRoot: string, version: string, env: NodeJS.ProcessEnv = process.env): boolean {
	const cache = env.META_CALLING_CACHE_DIR ?? join(repoRoot, '.cache');
	const node24 = join(cache, 'node24');
	const n8n = join(cache, `n8n-${version}`);
	return (
		existsSync(join(node24, '.installed')) &&
		existsSync(join(node24, 'bin', 'node')) &&
		existsSync(join(n8n, '.installed')) &&
		existsSync(join(n8n, 'node_modules', '.bin', 'n8n'))
	);
}
