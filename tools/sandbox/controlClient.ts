/**
 * A call to a running sandbox's control API (`/__sandbox/<path>`: state, reset, emit, requests; see
 * README.md), from another process: the e2e tier and the bench. Throws with the sandbox's answer on a
 * status other than 2xx; an empty answer is `undefined`.
 */
export async function sandboxControl<T = unknown>(sandboxUrl: string, method: string, path: string, body?: unknown, timeoutMs = 30000): Promise<T> {
	const response = await fetch(`${sandboxUrl}/__sandbox/${path.replace(/^\/+/, '')}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
	return (text ? JSON.parse(text) : undefined) as T;
}
