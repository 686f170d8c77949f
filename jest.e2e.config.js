/**
 * End-to-end suite: the packed package inside a real n8n (see test/e2e/README.md). Run with `npm run test:e2e`.
 * Kept apart from the unit tests (`npm test`), which never start n8n.
 */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2021' } }] },
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
	// Installing n8n happens in globalSetup (no per-test limit); each test carries its own bound.
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
	verbose: true,
};
