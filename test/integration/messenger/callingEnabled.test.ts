import type { IDataObject } from 'n8n-workflow';

import { DEMO, jsonOf, runMessenger, storedSettings, useSandbox, writes } from './setup';

const sandbox = useSandbox();
const base = { resource: 'callSettings', operation: 'setCallingEnabled' };

describe('callSettings setCallingEnabled (audio_enabled, video_enabled)', () => {
	it('sends only the switches that are not "Keep As Is", in one POST', async () => {
		const before = storedSettings(sandbox.current);
		const [out] = jsonOf(await runMessenger(sandbox.current, { ...base, audioEnabled: 'keep', videoEnabled: 'on' }));
		expect(writes(sandbox.current).map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`)).toEqual([
			`POST /${DEMO.pageId}/messenger_call_settings {"video_enabled":true}`,
		]);
		expect(storedSettings(sandbox.current)).toEqual({ ...before, video_enabled: true });
		expect(out).toEqual({ pageId: DEMO.pageId, success: true, settings: { video_enabled: true } });
	});

	it('switches both off', async () => {
		await runMessenger(sandbox.current, { ...base, audioEnabled: 'off', videoEnabled: 'off' });
		expect(storedSettings(sandbox.current)).toMatchObject({ audio_enabled: false, video_enabled: false });
	});

	it('refuses a run that changes nothing, before any request, in the words on screen', async () => {
		const result = await runMessenger(sandbox.current, { ...base, audioEnabled: 'keep', videoEnabled: 'keep' });
		expect(result.error?.message).toBe('Audio Calls: nothing to change: set Audio Calls or Video Calls to On or Off');
		expect(sandbox.current.requests).toEqual([]);
	});

	it('a dry run sends nothing', async () => {
		const [out] = jsonOf(await runMessenger(sandbox.current, { ...base, audioEnabled: 'off', options: { dryRun: true } }));
		expect(out).toMatchObject({ pageId: DEMO.pageId, dryRun: true, settings: { audio_enabled: false } });
		expect(writes(sandbox.current)).toEqual([]);
	});
});

describe('Close/Restore keep video_enabled in the snapshot', () => {
	it('restores video calls that were switched off after the close', async () => {
		await runMessenger(sandbox.current, { ...base, videoEnabled: 'on' });
		const [closed] = jsonOf(await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'closeCalling', closeMode: 'hideIcon' }));
		expect((closed.snapshot as IDataObject).settings).toMatchObject({ video_enabled: true, audio_enabled: true });
		await runMessenger(sandbox.current, { ...base, videoEnabled: 'off' });
		const [restored] = jsonOf(
			await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'restoreCalling', snapshot: JSON.stringify(closed) }),
		);
		expect(restored.restored).toEqual(['video_enabled', 'icon_enabled']);
		expect(storedSettings(sandbox.current)).toMatchObject({ video_enabled: true, icon_enabled: true });
	});
});
