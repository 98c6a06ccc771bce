import { SECRET_REREAD_MS, SECRET_TTL_MS, SecretCache } from '../../../nodes/shared/webhook/secretCache';

/** The cache on a clock the test moves, and a credential whose reads it counts. */
describe('SecretCache', () => {
	let clock = 0;
	let stored = 'secret-1';
	let reads = 0;
	const read = async () => {
		reads++;
		return stored;
	};
	const cache = () => new SecretCache(SECRET_TTL_MS, () => clock);
	beforeEach(() => {
		clock = 1_000_000;
		stored = 'secret-1';
		reads = 0;
	});

	it('reads once and keeps the secret per key until it expires', async () => {
		const secrets = cache();
		expect(await secrets.secret('wf|node|cred', read)).toBe('secret-1');
		stored = 'secret-2';
		clock += SECRET_TTL_MS - 1;
		expect(await secrets.secret('wf|node|cred', read)).toBe('secret-1');
		expect(reads).toBe(1);
		clock += 1;
		expect(await secrets.secret('wf|node|cred', read)).toBe('secret-2');
		expect(await secrets.secret('wf|other|cred', read)).toBe('secret-2');
		expect(reads).toBe(3);
	});

	it('concurrent requests share one read in flight', async () => {
		const secrets = cache();
		const all = await Promise.all(Array.from({ length: 100 }, () => secrets.secret('k', read)));
		expect(new Set(all)).toEqual(new Set(['secret-1']));
		expect(reads).toBe(1);
	});

	it('after a refusal reads again only when the kept secret is 10 s old, however many refusals come', async () => {
		expect(SECRET_REREAD_MS).toBe(10_000);
		const secrets = cache();
		const kept = await secrets.secret('k', read);
		stored = 'rotated';
		for (let i = 0; i < 1000; i++) {
			clock += 5; // 1,000 forged requests within 5 s
			expect(await secrets.reread('k', read, kept)).toBeUndefined();
		}
		expect(reads).toBe(1);
		clock = 1_000_000 + SECRET_REREAD_MS;
		// the App Secret was rotated in n8n: picked up 10 s after the last read
		expect(await secrets.reread('k', read, kept)).toBe('rotated');
		expect(reads).toBe(2);
		expect(await secrets.secret('k', read)).toBe('rotated');
		// ...and refusals of the new one read again only 10 s later
		expect(await secrets.reread('k', read, 'rotated')).toBeUndefined();
		clock += SECRET_REREAD_MS - 1;
		expect(await secrets.reread('k', read, 'rotated')).toBeUndefined();
		expect(reads).toBe(2);
		clock += 1;
		expect(await secrets.reread('k', read, 'rotated')).toBeUndefined(); // read, unchanged: the refusal stands
		expect(reads).toBe(3);
	});

	it('a concurrent refusal during a fresh read gets the fresh secret without a read of its own', async () => {
		const secrets = cache();
		const kept = await secrets.secret('k', read);
		stored = 'rotated';
		clock += SECRET_REREAD_MS;
		const [first, second] = await Promise.all([secrets.reread('k', read, kept), secrets.reread('k', read, kept)]);
		expect([first, second]).toEqual(['rotated', 'rotated']);
		expect(reads).toBe(2);
	});

	it('keeps "no secret" for 10 s only: a secret added in n8n is used within that time', async () => {
		stored = '';
		const secrets = cache();
		expect(await secrets.secret('k', read)).toBe('');
		stored = 'added';
		clock += SECRET_REREAD_MS - 1;
		expect(await secrets.secret('k', read)).toBe('');
		expect(await secrets.reread('k', read, '')).toBeUndefined();
		expect(reads).toBe(1);
		clock += 1;
		expect(await secrets.secret('k', read)).toBe('added');
		expect(reads).toBe(2);
	});

	it('a failed read is not kept: the next request reads again', async () => {
		const secrets = cache();
		await expect(secrets.secret('k', async () => Promise.reject(new Error('credential gone')))).rejects.toThrow('credential gone');
		expect(await secrets.secret('k', read)).toBe('secret-1');
		expect(reads).toBe(1);
	});

	it('stays bounded: the oldest entry goes first', async () => {
		const secrets = cache();
		for (let i = 0; i < 501; i++) await secrets.secret(`k${i}`, async () => `s${i}`);
		expect(await secrets.secret('k1', read)).toBe('s1');
		expect(await secrets.secret('k500', read)).toBe('s500');
		expect(reads).toBe(0);
		expect(await secrets.secret('k0', read)).toBe('secret-1');
		expect(reads).toBe(1);
	});
});
