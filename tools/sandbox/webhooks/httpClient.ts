import http from 'http';
import https from 'https';

export interface PlainResponse {
	status: number;
	body: string;
}

/**
 * One HTTP request with a hard timeout and no keep-alive (agent: false), so a finished test leaves no
 * open socket behind. Used for webhook deliveries and callback verification.
 */
export function plainRequest(
	url: string,
	options: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<PlainResponse> {
	return new Promise((resolve, reject) => {
		const target = new URL(url);
		const client = target.protocol === 'https:' ? https : http;
		const req = client.request(
			target,
			{ method: options.method, headers: options.headers, agent: false, timeout: options.timeoutMs },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			},
		);
		req.on('timeout', () => req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)));
		req.on('error', reject);
		req.end(options.body);
	});
}
