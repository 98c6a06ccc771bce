import fc from 'fast-check';

import { readCallSettingsAnswer } from '../../../nodes/MessengerCalling/helpers/callSettings';
import { settingsWriteRequests } from '../../../nodes/MessengerCalling/actions/api';
import {
	CLOSE_MODES,
	closeChanges,
	restoreChanges,
	snapshotToKeep,
	takeSnapshot,
	type CallSettingsSnapshot,
	type CloseMode,
} from '../../../nodes/MessengerCalling/helpers/snapshot';
import { snapshotFromParameter } from '../../../nodes/MessengerCalling/helpers/snapshotInput';
import { InputError } from '../../../nodes/shared/validation';
import { answerOf, answerStyleArb, canonical, pageStateArb, post, type AnswerStyle, type PageState } from './pageModel';

const PAGE = '4000000000000001';
const now = new Date('2026-05-01T18:00:00Z');

/** closeCalling's steps on the model: read, keep a snapshot, write the close. */
function close(
	state: PageState,
	mode: CloseMode,
	style: AnswerStyle,
	stored?: CallSettingsSnapshot,
): { state: PageState; snapshot: CallSettingsSnapshot; writes: number } {
	const fresh = takeSnapshot(PAGE, readCallSettingsAnswer(answerOf(state, style)), now);
	const { snapshot } = snapshotToKeep(fresh, stored);
	const requests = settingsWriteRequests(PAGE, closeChanges(fresh.settings, mode), 'close');
	const after = requests.reduce((s, request) => post(s, request.body as Record<string, unknown>), state);
	return { state: after, snapshot, writes: requests.length };
}

/** restoreCalling's steps: read, write only what differs from the snapshot. */
function restore(state: PageState, snapshot: CallSettingsSnapshot, style: AnswerStyle) {
	const current = readCallSettingsAnswer(answerOf(state, style)).settings;
	const plan = restoreChanges(snapshot.settings, current);
	const requests = settingsWriteRequests(PAGE, plan.changes, 'restore');
	const after = requests.reduce((s, request) => post(s, request.body as Record<string, unknown>), state);
	return { state: after, plan, writes: requests.length };
}

const modeArb = fc.constantFrom(...CLOSE_MODES);

describe('closeCalling then restoreCalling (property, on a model of Meta)', () => {
	it('returns any Page to exactly its settings, or refuses before writing anything', () => {
		fc.assert(
			fc.property(pageStateArb, modeArb, answerStyleArb, answerStyleArb, (original, mode, style1, style2) => {
				let closed: ReturnType<typeof close>;
				try {
					closed = close(original, mode, style1);
				} catch (error) {
					// The only refusal: closing by hours a Page that has none (it could never be undone).
					expect(error).toBeInstanceOf(InputError);
					expect(mode).toBe('closeHours');
					expect(original.call_hours).toBeNull();
					return;
				}
				// The snapshot travels as JSON through the workflow (the restore node's `snapshot` parameter).
				const passed = snapshotFromParameter(JSON.stringify({ snapshot: closed.snapshot }), PAGE);
				const restored = restore(closed.state, passed!, style2);
				expect(restored.plan.notRestored).toEqual([]);
				expect(canonical(restored.state)).toEqual(canonical(original));
			}),
			{ numRuns: 500 },
		);
	});

	it('closes: nothing callable remains that the mode covers', () => {
		fc.assert(
			fc.property(pageStateArb, modeArb, answerStyleArb, (original, mode, style) => {
				fc.pre(!(mode === 'closeHours' && original.call_hours === null));
				const { state } = close(original, mode, style);
				if (mode !== 'closeHours') expect(state.icon_enabled).toBe(false);
				if (mode !== 'hideIcon') {
					// Hours are closed by emptying the week in the same timezone; a Page without hours gets none.
					if (original.call_hours === null) expect(state.call_hours).toBeNull();
					else expect(state.call_hours).toEqual({ timezone_id: original.call_hours.timezone_id, weekly_operating_hours: [] });
				}
				expect(state.call_routing).toEqual(original.call_routing);
				expect(state.audio_enabled).toBe(original.audio_enabled);
			}),
			{ numRuns: 300 },
		);
	});

	it('survives closing twice (any modes) before the restore: the first snapshot is kept', () => {
		fc.assert(
			fc.property(pageStateArb, modeArb, modeArb, answerStyleArb, (original, first, second, style) => {
				fc.pre(original.call_hours !== null || (first !== 'closeHours' && second !== 'closeHours'));
				const once = close(original, first, style);
				const twice = close(once.state, second, style, once.snapshot);
				const restored = restore(twice.state, twice.snapshot, style);
				expect(canonical(restored.state)).toEqual(canonical(original));
			}),
			{ numRuns: 300 },
		);
	});

	it('restoring twice changes nothing the second time', () => {
		fc.assert(
			fc.property(pageStateArb, modeArb, answerStyleArb, (original, mode, style) => {
				fc.pre(!(mode === 'closeHours' && original.call_hours === null));
				const closed = close(original, mode, style);
				const first = restore(closed.state, closed.snapshot, style);
				const second = restore(first.state, closed.snapshot, style);
				expect(second.writes).toBe(0);
			}),
			{ numRuns: 200 },
		);
	});
});
