import { SECRET_TTL_MS, SecretCache } from '../../../nodes/shared/webhook/secretCache';

describe('SecretCache', () => {
	let clock = 0;
	const cache = () => new SecretCache(SECRET_TTL_MS, () => clock);
	beforeEach(() => {
		clock = 1_000_000;
	});

	it('keeps a secret per key until it expires', () => {
		const secrets = cache();
		secrets.set('wf|node|cred', 'secret-1');
		secrets.set('wf|other|cred', 'secret-2');
		clock += SECRET_TTL_MS - 1;
		expect(secrets.get('wf|node|cred')).toBe('secret-1');
		expect(secrets.get('wf|other|cred')).toBe('secret-2');
		clock += 1;
		expect(secrets.get('wf|node|cred')).toBeUndefined();
		expect(secrets.size).toBe(1); // the expired entry is dropped when looked at
	});

	it('a new read replaces the kept secret and restarts its time', () => {
		const secrets = cache();
		secrets.set('k', 'old');
		clock += SECRET_TTL_MS / 2;
		secrets.set('k', 'new');
		clock += SECRET_TTL_MS - 1;
		expect(secrets.get('k')).toBe('new');
	});

	it('never keeps an empty secret, and forgets the kept one when the credential has none any more', () => {
		const secrets = cache();
		secrets.set('k', '');
		expect(secrets.get('k')).toBeUndefined();
		secrets.set('k', 'secret');
		secrets.set('k', '');
		expect(secrets.get('k')).toBeUndefined();
		expect(secrets.size).toBe(0);
	});

	it('stays bounded: the oldest entry goes first', () => {
		const secrets = cache();
		for (let i = 0; i < 501; i++) secrets.set(`k${i}`, `s${i}`);
		expect(secrets.size).toBe(500);
		expect(secrets.get('k0')).toBeUndefined();
		expect(secrets.get('k1')).toBe('s1');
		expect(secrets.get('k500')).toBe('s500');
	});
});
