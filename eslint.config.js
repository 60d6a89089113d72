// Lint rules for every workspace: TypeScript strictness plus Svelte's own checks.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.svelte-kit/**',
      'web/build/**',
      'shared/src/i18n/paraglide/**',
      'dist/**',
      '**/cdk.out/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      '.test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // No import cycles: a cycle between stores means one of them holds a rule or a helper that
    // belongs lower down (db/operations.ts, a pure module). Type-only imports do not count.
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
    rules: {
      'svelte/no-at-html-tags': 'error',
      // Links are built with resolve() for their path; links with a query string or an external
      // address are the rule's known blind spot, so it checks goto() and history calls only.
      'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true }],
    },
  },
  {
    // Code that runs in the browser never imports data access: SvelteKit's server-only guard looks
    // only inside web/, so a component importing a shared/ store would ship the AWS SDK to every
    // visitor without an error. The build check (web/client-chunks.test.ts) backs this up.
    // Every module in web/src may reach the browser (universal loads, param matchers, helpers
    // beside a route) except what SvelteKit keeps on the server: *.server.ts, +server.ts,
    // $lib/server. Tests run in Node only.
    files: ['web/src/**/*.svelte', 'web/src/**/*.ts'],
    ignores: [
      'web/src/lib/server/**',
      'web/src/**/*.server.ts',
      'web/src/**/+server.ts',
      'web/src/**/*.test.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@aws-sdk/*',
                '@smithy/*',
                '**/*.store',
                '**/*.store.ts',
                '@kohtaamo/shared/db/*',
                '@kohtaamo/shared/storage/*',
              ],
              allowTypeImports: true,
              message:
                'Browser code must not import data access (stores, the AWS SDK): move the pure part to its own module.',
            },
          ],
        },
      ],
    },
  },
);
