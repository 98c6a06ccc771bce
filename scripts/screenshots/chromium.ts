import { spawnSync } from 'child_process';
import { existsSync } from 'fs';

import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium: playwright-core drives it; no browser download (this machine reaches only npm and Debian). */
const CHROMIUM = '/usr/bin/chromium';

/**
 * Browsers already on the machine, first found wins: META_CALLING_CHROMIUM, Debian's chromium, then a
 * Chrome that a CI image ships (CHROME_BIN, /usr/bin/google-chrome: GitHub's Ubuntu runners come with
 * Google Chrome, and the e2e tier's node-panel test needs a browser there too).
 */
function candidates(env: NodeJS.ProcessEnv = process.env): string[] {
	return [env.META_CALLING_CHROMIUM, CHROMIUM, env.CHROME_BIN, '/usr/bin/google-chrome'].filter((path): path is string => Boolean(path));
}

/** The browser to drive, or undefined when none is installed. */
function findChromium(): string | undefined {
	return candidates().find((path) => existsSync(path));
}

const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Installs Debian's chromium when no browser is found (as root, or through sudo). */
export function ensureChromium(log: (text: string) => void): void {
	if (findChromium()) return;
	log(`no browser (${candidates().join(', ')}): apt-get install -y chromium (a few minutes)`);
	const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
	for (const args of [
		['apt-get', 'update'],
		['apt-get', 'install', '-y', 'chromium'],
	]) {
		const command = [...sudo, ...args];
		const result = spawnSync(command[0], command.slice(1), {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		if (result.status !== 0) throw new Error(`${command.join(' ')} failed (exit ${result.status})`);
	}
	if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} does not exist`);
}

export async function launchChromium(): Promise<Browser> {
	const executablePath = findChromium();
	if (!executablePath) throw new Error(`no browser found (${candidates().join(', ')}); call ensureChromium first`);
	return await chromium.launch({ executablePath, headless: true, args: FLAGS });
}
