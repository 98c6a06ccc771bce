import type { INodeProperties } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { snapshotFromParameter } from '../../../nodes/MessengerCalling/helpers/snapshotInput';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';

/*
 * n8n's editor lints every `type: 'json'` field with a JSON parser (CodeMirror's jsonParseLinter in
 * editor-ui's JsonEditor.vue), even an empty one: a default of '' showed a red "Unexpected end of JSON
 * input" in an optional field whose description says to leave it empty (example 5's Snapshot). So every
 * json field's default is JSON, and the optional snapshot fields take `{}` as "none given" (and still ''
 * as saved by workflows made before).
 */
function jsonFields(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		...(property.type === 'json' ? [property] : []),
		...jsonFields(((property.options ?? []) as INodeProperties[]).filter((option) => typeof option === 'object' && 'type' in option)),
	]);
}

const fields = [new WhatsAppCalling(), new MessengerCalling()].flatMap((node) =>
	jsonFields(node.description.properties).map((field) => [`${node.description.displayName} › ${field.displayName}`, field] as const),
);

describe('json fields show no error while they hold their default', () => {
	it('finds the json fields', () => {
		expect(fields.map(([name]) => name)).toEqual(
			expect.arrayContaining(['Messenger Calling › Snapshot', 'Messenger Calling › Kept Snapshot', 'WhatsApp Calling › Holidays (JSON)']),
		);
	});

	it.each(fields)('%s', (_name, field) => {
		expect(() => JSON.parse(String(field.default))).not.toThrow();
	});

	it.each(['{}', ' { } ', '', {}, undefined])('the snapshot fields read %p as "none given"', (value) => {
		expect(snapshotFromParameter(value, '4000000000000001')).toBeUndefined();
	});
});
