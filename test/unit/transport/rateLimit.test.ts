import {
	backoffDelayMs,
	classifyAnswer,
	isRateLimitCode,
	nextWaitMs,
	parseRetryAfterMs,
	parseUsageHeaders,
	provesNotProcessed,
	RATE_LIMIT_CODES,
} from '../../../nodes/shared/transport/rateLimit';

describe('classifyAnswer', () => {
	it.each(RATE_LIMIT_CODES)('treats Meta code %i as a rate limit whatever the HTTP status', (code) => {
		expect(classifyAnswer({ statusCode: 400, errorCode: code })).toBe('rateLimit');
		expect(classifyAnswer({ statusCode: 403, errorCode: code })).toBe('rateLimit');
		expect(isRateLimitCode(code)).toBe(true);
	});

	it('treats HTTP 429 as a rate limit even without an envelope', () => {
		expect(classifyAnswer({ statusCode: 429 })).toBe('rateLimit');
	});

	it('treats 5xx, is_transient and dropped connections as transient', () => {
		expect(classifyAnswer({ statusCode: 500 })).toBe('transient');
		expect(classifyAnswer({ statusCode: 503, errorCode: 2 })).toBe('transient');
		expect(classifyAnswer({ statusCode: 400, errorCode: 1, isTransient: true })).toBe('transient');
		expect(classifyAnswer({ networkErrorCode: 'ECONNRESET' })).toBe('transient');
		expect(classifyAnswer({ networkErrorCode: 'ETIMEDOUT' })).toBe('transient');
	});

	it('treats other errors as final, and a clean 2xx as success', () => {
		expect(classifyAnswer({ statusCode: 400, errorCode: 100 })).toBe('failure');
		expect(classifyAnswer({ statusCode: 401, errorCode: 190 })).toBe('failure');
		expect(classifyAnswer({ networkErrorCode: 'ENOTFOUND' })).toBe('failure');
		expect(classifyAnswer({ networkErrorCode: 'ECONNREFUSED' })).toBe('failure');
		expect(classifyAnswer({ networkErrorCode: 'ERR_CANCELED' })).toBe('failure');
		expect(classifyAnswer({ statusCode: 200 })).toBe('success');
		expect(classifyAnswer({ statusCode: 200, errorCode: 100 })).toBe('failure');
	});

	it('does not count codes near the rate-limit codes', () => {
		for (const code of [3, 5, 16, 18, 31, 33, 612, 614, 80006, 80008, 130428, 130430]) {
			expect(isRateLimitCode(code)).toBe(false);
		}
	});
});

describe('provesNotProcessed', () => {
	it('is true for rate-limit envelopes and any 4xx', () => {
		expect(provesNotProcessed({ statusCode: 500, errorCode: 4 })).toBe(true);
		expect(provesNotProcessed({ statusCode: 429 })).toBe(true);
		expect(provesNotProcessed({ statusCode: 400, errorCode: 100 })).toBe(true);
	});

	it('is false for 5xx, timeouts and dropped connections', () => {
		expect(provesNotProcessed({ statusCode: 500 })).toBe(false);
		expect(provesNotProcessed({ statusCode: 502, isTransient: true, errorCode: 2 })).toBe(false);
		expect(provesNotProcessed({ networkErrorCode: 'ECONNRESET' })).toBe(false);
		expect(provesNotProcessed({ networkErrorCode: 'ETIMEDOUT' })).toBe(false);
	});
});

describe('parseUsageHeaders', () => {
	it('takes the highest counter of X-App-Usage', () => {
		const report = parseUsageHeaders({ 'x-app-usage': '{"call_count":28,"total_time":85,"total_cputime":12}' });
		expect(report).toEqual({ maxPercent: 85 });
	});

	it('reads X-Business-Use-Case-Usage with estimated_time_to_regain_access in minutes', () => {
		const header = JSON.stringify({
			'2000000000000001': [
				{ type: 'whatsapp_business_management', call_count: 100, total_cputime: 7, total_time: 9, estimated_time_to_regain_access: 2 },
			],
			'2000000000000002': [{ type: 'whatsapp_business_management', call_count: 40, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 }],
		});
		expect(parseUsageHeaders({ 'X-Business-Use-Case-Usage': header })).toEqual({ maxPercent: 100, regainAccessMs: 120_000 });
	});

	it('combines both headers and ignores garbage', () => {
		expect(
			parseUsageHeaders({
				'x-app-usage': '{"call_count":90}',
				'x-business-use-case-usage': 'not json',
			}),
		).toEqual({ maxPercent: 90 });
		expect(parseUsageHeaders({})).toEqual({});
		expect(parseUsageHeaders(undefined)).toEqual({});
		expect(parseUsageHeaders({ 'x-app-usage': '' })).toEqual({});
	});

	it('reads Retry-After seconds', () => {
		expect(parseRetryAfterMs({ 'Retry-After': '3' })).toBe(3000);
		expect(parseRetryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
		expect(parseRetryAfterMs({})).toBeUndefined();
	});
});

describe('backoff', () => {
	const settings = { baseMs: 100, capMs: 1000 };

	it('draws uniformly below an exponentially growing, capped ceiling (full jitter)', () => {
		expect(backoffDelayMs(0, settings, 0.999)).toBe(99);
		expect(backoffDelayMs(1, settings, 0.999)).toBe(199);
		expect(backoffDelayMs(3, settings, 0.999)).toBe(799);
		expect(backoffDelayMs(4, settings, 0.999)).toBe(999);
		expect(backoffDelayMs(60, settings, 0.999)).toBe(999);
		expect(backoffDelayMs(3, settings, 0)).toBe(0);
		expect(backoffDelayMs(3, settings, 0.5)).toBe(400);
	});

	it('never lets the waits of one request add up past the budget', () => {
		const budget = 2500;
		let waited = 0;
		for (let attempt = 0; attempt < 50; attempt++) {
			const wait = nextWaitMs(attempt, settings, 0.999, undefined, budget - waited);
			if (wait === undefined) break;
			waited += wait;
		}
		expect(waited).toBeLessThanOrEqual(budget);
		expect(waited).toBeGreaterThan(budget - 1000);
		expect(nextWaitMs(0, settings, 0.5, undefined, 0)).toBeUndefined();
	});

	it('follows Meta’s estimate when it fits the budget and gives up when it does not', () => {
		expect(nextWaitMs(0, settings, 0.1, 120_000, 180_000)).toBe(120_000);
		expect(nextWaitMs(0, settings, 0.1, 120_000, 60_000)).toBeUndefined();
	});
});
