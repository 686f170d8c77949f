// n8n's community-node lint rules (the plugin's recommended config) on everything the package ships: nodes/,
// credentials/, core/ and package.json. TypeScript is parsed with typescript-eslint; package.json is parsed by the
// same parser as JSON (the plugin's package rules read the whole object). Tests, the harness and dev scripts are
// not shipped and not linted here.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts', 'core/**/*.ts', 'package.json'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'harness/**', 'scripts/**', 'templates/**'] },
	{
		files: shipped,
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
	},
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: shipped },
	{
		// The domain core must not import n8n (see the brief): it raises its own InputError, which the node shells
		// turn into NodeOperationError with the item index. The rule asking for n8n's errors cannot apply there.
		files: ['core/**/*.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
];
