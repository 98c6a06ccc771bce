/**
 * Test tiers run by jest: unit (pure logic) and integration (nodes run by n8n-core against the sandbox);
 * e2e (the built package in real n8n processes) and e2e-queue (n8n's queue mode: main, two workers, a
 * webhook processor, Postgres, Redis) only when asked for: `jest --selectProjects e2e` (npm run test:e2e),
 * `jest --selectProjects e2e-queue` (bash test/e2e-queue/run.sh), so a plain `jest` / `jest --coverage`
 * never starts n8n.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
// .cache/ holds n8n installs and run folders (GBs, duplicate package names): not for jest's module map.
const modulePathIgnorePatterns = ['<rootDir>/.cache/', '<rootDir>/dist/'];

const projectRequested = (name, envFlag) =>
	process.env[envFlag] === '1' ||
	process.argv.includes(`--selectProjects=${name}`) ||
	process.argv.some((arg, i, all) => arg === name && /^--select-?[pP]rojects$/.test(all[i - 1] ?? ''));
const e2eRequested = projectRequested('e2e', 'META_CALLING_E2E');
const e2eQueueRequested = projectRequested('e2e-queue', 'META_CALLING_E2E_QUEUE');

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

const e2eQueueProject = {
	displayName: 'e2e-queue',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e-queue'],
	testMatch: ['<rootDir>/test/e2e-queue/**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': tsJest },
	globalSetup: '<rootDir>/test/e2e-queue/harness/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e-queue/harness/globalTeardown.ts',
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
		...(e2eQueueRequested ? [e2eQueueProject] : []),
	],
	testTimeout: 60000,
	collectCoverageFrom: ['nodes/**/*.ts', 'credentials/**/*.ts', '!**/*.d.ts'],
	coverageReporters: ['text-summary', 'lcov'],
	coverageThreshold: { global: { lines: 90 } },
};
