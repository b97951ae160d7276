// @ts-check
// Lint enforces the architecture in DESIGN.md: imports flow inward (app, db, sync → domain;
// server → domain, api), only src/db touches Dexie, nothing imports src/app, and no cycles.
import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// The only packages src/domain and src/api may import: they run unchanged in the browser and on Node.
const pureLayerPackages = ['zod']

const dexieOnlyInDb = {
  paths: [{ name: 'dexie', message: 'Only src/db imports Dexie: call the store module instead.' }],
  patterns: [
    { group: ['dexie/*'], message: 'Only src/db imports Dexie: call the store module instead.' },
  ],
}

/**
 * @param {string} layer
 * @param {string[]} packages
 */
const pureLayerImports = (layer, packages = pureLayerPackages) => ({
  patterns: [
    {
      // Anything that is neither relative nor an allowed package, so no React, Dexie, fetch wrappers or node:*.
      regex: `^(?!\\.{1,2}/|(${packages.join('|')})(/|$))`,
      message: `${layer} is shared by the browser and the server: it imports only ${packages.join(', ')} and its own files.`,
    },
  ],
})

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dev-dist/',
      'node_modules/',
      'reports/',
      'data/',
      'coverage/',
      'test-results/',
    ],
  },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },

  {
    files: ['**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },

  {
    files: [
      'src/app/**',
      'src/db/**',
      'src/sync/**',
      'src/pwa/**',
      'src/diary/**',
      'tests/app/**',
      'tests/setup/**',
    ],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'src/server/**',
      'tests/server/**',
      'tests/e2e/**',
      'tests/bench/**',
      'tests/tools/**',
      '.ci/**',
      'scripts/**',
      '*.config.{js,mjs,ts}',
    ],
    languageOptions: { globals: globals.node },
  },

  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // Our imports carry explicit .ts/.tsx extensions, so the built-in resolver finds them without
      // eslint-import-resolver-typescript.
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: './src',
              except: ['./domain'],
              message: 'src/domain is pure: it imports nothing of ours outside src/domain.',
            },
            {
              target: './src/documents',
              from: './src',
              except: ['./domain', './documents'],
              message:
                'src/documents turns events into document bytes: it imports only src/domain (DESIGN.md "Shape").',
            },
            {
              target: './src/api',
              from: './src',
              except: ['./domain', './api'],
              message: 'src/api is the wire contract: it imports only src/domain.',
            },
            {
              // src/domain and src/api are covered by their own zones above.
              target: ['./src/db', './src/sync', './src/pwa', './src/server'],
              from: './src/app',
              message: 'Nothing imports src/app: it sits on top.',
            },
            {
              // The complainant's diary is its own small app: it shares only the wire contract and
              // the domain's schemas, so its bundle stays small (DESIGN.md "Shape").
              target: './src/diary',
              from: ['./src/app', './src/db', './src/sync', './src/pwa', './src/server'],
              message: 'src/diary imports only src/api and src/domain: it is its own small app.',
            },
            {
              target: ['./src/app', './src/db', './src/sync', './src/pwa', './src/server'],
              from: './src/diary',
              message: 'Nothing imports src/diary: it is the complainant’s own app.',
            },
            {
              target: './src/server',
              from: ['./src/db', './src/sync', './src/pwa'],
              message: 'The server shares only src/domain and src/api with the browser.',
            },
            {
              target: ['./src/app', './src/pwa'],
              from: './src/server',
              message:
                'Browser code reaches the server over HTTP through src/sync, never by import.',
            },
            {
              target: './src/db',
              from: ['./src/sync', './src/server'],
              message: 'src/db is the device store: it must not import src/sync or src/server.',
            },
            {
              target: './src/sync',
              from: './src/server',
              message: 'src/sync talks to the server over HTTP, never by import.',
            },
          ],
        },
      ],
    },
  },

  {
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message:
            'Use an `as const` tuple with z.enum(...) instead of a TypeScript enum (STYLE.md 13).',
        },
      ],
      'no-restricted-imports': ['error', dexieOnlyInDb],
      'no-console': 'warn',
    },
  },
  {
    files: ['src/db/**', 'tests/db/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/domain/**'],
    rules: { 'no-restricted-imports': ['error', pureLayerImports('src/domain')] },
  },
  {
    files: ['src/api/**'],
    rules: { 'no-restricted-imports': ['error', pureLayerImports('src/api')] },
  },
  {
    // Documents are made on the device (offline) and by the server's CLI: no node:*, no React, no Dexie.
    files: ['src/documents/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        pureLayerImports('src/documents', ['zod', 'pdf-lib', '@pdf-lib/fontkit']),
      ],
    },
  },
  {
    files: ['src/server/logging/**', 'src/server/logging.ts', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
)
