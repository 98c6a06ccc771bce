// n8n's community-node rules: the new flat-config plugin plus the classic n8n-nodes-base rule sets.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const tsFiles = ['**/*.ts'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.cache/**', '.tmp/**', 'docs/**'] },
	...tseslint.configs.recommended.map((config) => ({ ...config, files: tsFiles })),
	{
		files: tsFiles,
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	{
		...n8nCommunityNodesPlugin.configs.recommended,
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// For n8n's own repository (docs slugs); a community credential links a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// n8n's scanner switches this one off too: the community-nodes credential-password-field rule decides.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		// One function is read at once: a longer one is split into named steps (issue 22).
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		rules: { 'max-lines-per-function': ['error', { max: 60 }] },
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Our descriptions are split over files; these two rules only understand one-file nodes.
			'n8n-nodes-base/node-filename-against-convention': 'off',
			'n8n-nodes-base/node-dirname-against-convention': 'off',
			// As in n8n's scanner (scan-community-package buildScanConfig): inputs and outputs are written as
			// NodeConnectionTypes.Main, which these two older rules do not know.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts', 'tools/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
	{
		// Tooling points one way: scripts/ and tools/ serve the tests, never import from them (shared code lives in tools/).
		files: ['scripts/**/*.ts', 'tools/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)test/', message: 'scripts/ and tools/ import nothing from test/: move shared code into tools/.' }] }],
		},
	},
];
