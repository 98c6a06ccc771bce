import { examplesMissingFrom } from '../../../scripts/start/examples';

const examples = ['exWaHolidays0001', 'exMsHolidayEve01', 'exWaRestricted01', 'exMsCallPrompt01', 'exMsClosures0005', 'exWaCallMeBack01'].map((id) => ({ id }));

describe('npm start on a kept instance: examples added since it was set up', () => {
	it('imports only the examples the marker does not list', () => {
		const marker = { sandboxUrl: 'http://127.0.0.1:8787', examples: examples.slice(0, 5).map((e) => e.id) };
		expect(examplesMissingFrom(marker, examples)).toEqual([{ id: 'exWaCallMeBack01' }]);
		expect(examplesMissingFrom({ ...marker, examples: examples.map((e) => e.id) }, examples)).toEqual([]);
	});

	it('reads a marker written before it listed examples as holding examples 1-5', () => {
		expect(examplesMissingFrom({ sandboxUrl: 'http://127.0.0.1:8787' }, examples)).toEqual([{ id: 'exWaCallMeBack01' }]);
	});
});
