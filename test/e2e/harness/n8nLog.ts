/** n8n runs with N8N_LOG_FORMAT=json: one JSON object per line, so tests can read levels exactly. */
export interface N8nLogEntry {
	level: string;
	message: string;
	metadata?: Record<string, unknown>;
}

export function parseN8nLog(text: string): N8nLogEntry[] {
	const entries: N8nLogEntry[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		try {
			const parsed = JSON.parse(line) as N8nLogEntry;
			if (typeof parsed.level === 'string' && typeof parsed.message === 'string') {
				entries.push(parsed);
				continue;
			}
		} catch {
			// Not n8n's logger (a library writing to stdout): kept as is, level unknown.
		}
		entries.push({ level: 'raw', message: line });
	}
	return entries;
}

/** The entries up to the moment n8n serves the editor: the CLI imports and the start, node loading included. */
export function startupEntries(entries: N8nLogEntry[]): N8nLogEntry[] {
	const end = entries.findIndex((e) => e.message.includes('Editor is now accessible via'));
	return end < 0 ? [] : entries.slice(0, end);
}

/** Warnings n8n itself gives on every start in this setup, unrelated to any package. */
export const KNOWN_N8N_NOTICES: RegExp[] = [
	/^Migrations in progress/,
	/Python task runner/,
	/There are deprecations related to your/,
	/Automatic license renewal is disabled/,
];
