import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { runtimeInstalled } from '../../../scripts/start/runtimeCache';

describe('runtimeInstalled (npm start says "downloading" only when n8n-env.sh will download)', () => {
	let cache: string;
	beforeEach(() => {
		cache = mkdtempSync(join(tmpdir(), 'runtime-cache-'));
	});
	afterEach(() => rmSync(cache, { recursive: true, force: true }));

	function touch(...parts: string[]): void {
		mkdirSync(join(cache, ...parts.slice(0, -1)), { recursive: true });
		writeFileSync(join(cache, ...parts), '');
	}

	it('is false on an empty cache and with only some of the markers', () => {
		const env = { META_CALLING_CACHE_DIR: cache };
		expect(runtimeInstalled('/nowhere', '2.40.7', env)).toBe(false);
		touch('node24', '.installed');
		touch('node24', 'bin', 'node');
		expect(runtimeInstalled('/nowhere', '2.40.7', env)).toBe(false);
		touch('n8n-2.40.7', '.installed');
		expect(runtimeInstalled('/nowhere', '2.40.7', env)).toBe(false);
	});

	it('is true once Node 24 and that n8n version carry their markers and binaries', () => {
		const env = { META_CALLING_CACHE_DIR: cache };
		touch('node24', '.installed');
		touch('node24', 'bin', 'node');
		touch('n8n-2.40.7', '.installed');
		touch('n8n-2.40.7', 'node_modules', '.bin', 'n8n');
		expect(runtimeInstalled('/nowhere', '2.40.7', env)).toBe(true);
		expect(runtimeInstalled('/nowhere', '1.123.81', env)).toBe(false);
	});
});
