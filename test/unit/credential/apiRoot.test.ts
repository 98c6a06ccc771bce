import { Workflow, type ICredentialDataDecryptedObject, type INode } from 'n8n-workflow';

import { MetaCallingApi } from '../../../credentials/MetaCallingApi.credentials';
import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { MessengerCallingTrigger } from '../../../nodes/MessengerCallingTrigger/MessengerCallingTrigger.node';
import { graphApiRoot } from '../../../nodes/shared/transport/connection';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { WhatsAppCallingTrigger } from '../../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';
import { SingleNodeTypes } from '../../integration/harness';

const credential = new MetaCallingApi();

/** The credential test's URL as n8n builds it: its baseURL expression evaluated with $credentials, plus url. */
function credentialTestUrl(data: ICredentialDataDecryptedObject): string {
	const node: INode = { id: 'n', name: 'N', type: 'test.node', typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new SingleNodeTypes({ 'test.node': new WhatsAppCalling() }),
	});
	const { baseURL, url } = credential.test.request;
	const root = workflow.expression.getSimpleParameterValue(node, baseURL, 'internal', { $credentials: data } as never);
	return `${String(root)}${url}`;
}

const BASE_URLS = ['', '   ', 'https://graph.facebook.com', 'https://graph.facebook.com/', 'http://127.0.0.1:8787', 'http://127.0.0.1:8787//', ' http://proxy.example/graph/ '];
const VERSIONS = ['', ' ', 'v26.0', 'v23.0', 'v24.0/', '/v25.0/', ' v23.0 '];

describe('the credential test calls exactly the URL the nodes call', () => {
	it.each(BASE_URLS.flatMap((baseUrl) => VERSIONS.map((graphApiVersion) => [baseUrl, graphApiVersion])))(
		'Base URL %j, Graph API Version %j',
		(baseUrl, graphApiVersion) => {
			expect(credentialTestUrl({ accessToken: 't', baseUrl, graphApiVersion })).toBe(`${graphApiRoot(baseUrl, graphApiVersion)}/me`);
		},
	);

	it('fields missing from the stored data (older credentials) mean the defaults too', () => {
		expect(credentialTestUrl({ accessToken: 't' })).toBe('https://graph.facebook.com/v26.0/me');
		expect(graphApiRoot(undefined, undefined)).toBe('https://graph.facebook.com/v26.0');
	});

	it.each([
		['', '', 'https://graph.facebook.com/v26.0'],
		['https://graph.facebook.com/', 'v23.0', 'https://graph.facebook.com/v23.0'],
		['http://127.0.0.1:8787//', '/v24.0/', 'http://127.0.0.1:8787/v24.0'],
		[' http://proxy.example/graph/ ', ' ', 'http://proxy.example/graph/v26.0'],
	])('graphApiRoot(%j, %j) = %s', (baseUrl, graphApiVersion, expected) => {
		expect(graphApiRoot(baseUrl, graphApiVersion)).toBe(expected);
	});

	it('the credential form shows the same defaults', () => {
		const defaults = Object.fromEntries(credential.properties.map((p) => [p.name, p.default]));
		expect(`${defaults.baseUrl}/${defaults.graphApiVersion}`).toBe(graphApiRoot('', ''));
	});
});

describe('credential test wiring', () => {
	it('is declarative (no deprecated request helper): GET /me with rules for the refusals', () => {
		expect(credential.test.request).toMatchObject({ method: 'GET', url: '/me' });
		expect((credential.test.rules ?? []).map((rule) => rule.type === 'responseCode' && rule.properties.value)).toEqual([400, 401, 403, 404]);
	});

	it.each([new WhatsAppCalling(), new MessengerCalling(), new WhatsAppCallingTrigger(), new MessengerCallingTrigger()])(
		'%p declares the credential without a testedBy function',
		(node) => {
			expect(node.description.credentials).toEqual([{ name: 'metaCallingApi', required: true }]);
			// methods hold the "From List" searches and the calendar's country list; no credentialTest (testedBy).
			const methods = (node as { methods?: Record<string, unknown> }).methods ?? {};
			expect(Object.keys(methods).filter((key) => key !== 'listSearch' && key !== 'loadOptions')).toEqual([]);
			expect(node.description.credentials?.[0]).not.toHaveProperty('testedBy');
		},
	);
});
