/**
 * Test tiers run by jest: unit (pure logic) and integration (nodes run by n8n-core against the sandbox);
 * e2e (the built package in real n8n processes) only when asked for: `jest --selectProjects e2e`
 * (npm run test:e2e), so a plain `jest` / `jest --coverage` never starts n8n.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
// .cache/ holds n8n installs and run folders (GBs, duplicate package names): not for jest's module map.
const modulePathIgnorePatterns = ['<rootDir>/.cache/', '<rootDir>/dist/'];

const e2eRequested =
	process.env.META_CALLING_E2E === '1' ||
	process.argv.includes('--selectProjects=e2e') ||
	process.argv.some((arg, i, all) => arg === 'e2e' && /^--select-?[pP]rojects$/.test(all[i - 1] ?? ''));

const e2eProject = {
	displayName: 'e2e',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': tsJest },
	globalSetup: '<rootDir>/test/e2e/harness/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/harness/globalTeardown.ts',
	setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/jestTimeout.ts'],
	modulePathIgnorePatterns,
};

/** @type {import('jest').Config} */
module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
			modulePathIgnorePatterns,
		},
		{
			displayName: 'integration',
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
			modulePathIgnorePatterns,
		},
		...(e2eRequested ? [e2eProject] : []),
	],
	testTimeout: 60000,
	collectCoverageFrom: ['nodes/**/*.ts', 'credentials/**/*.ts', '!**/*.d.ts'],
	coverageReporters: ['text-summary', 'lcov'],
	coverageThreshold: { global: { lines: 90 } },
};
