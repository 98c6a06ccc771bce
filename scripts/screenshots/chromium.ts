import { spawnSync } from 'child_process';
import { existsSync } from 'fs';

import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium: playwright-core drives it; no browser download (this machine reaches only npm and Debian). */
export const CHROMIUM = '/usr/bin/chromium';

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

/** Installs Debian's chromium when it is missing (as root, or through sudo). */
export function ensureChromium(log: (text: string) => void): void {
	if (existsSync(CHROMIUM)) return;
	log(`${CHROMIUM} is missing: apt-get install -y chromium (a few minutes)`);
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
	return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}
