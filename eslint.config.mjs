// Lint for the whole workspace; each Nx project's `lint` target runs `eslint <project dir>`.
// Type-aware rules use the project's own tsconfig (tsconfig.spec.json first: it also covers the
// tests), so every file is checked with the compiler options it is built with.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));
const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const GROUPS = ['libs', 'apps', 'themes', 'modules', 'examples', 'tools'];
// Which tsconfig of a project to ask first; the others follow in name order.
const TSCONFIG_ORDER = ['tsconfig.spec.json', 'tsconfig.json', 'tsconfig.react.json'];

/** One config block per project folder that has a tsconfig: its files are typed by it. */
function projectTypeInfo() {
  const blocks = [];
  for (const group of GROUPS) {
    const groupDir = path.join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = path.join(groupDir, entry.name);
      const tsconfigs = readdirSync(dir)
        .filter((name) => /^tsconfig.*\.json$/.test(name))
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      if (tsconfigs.length === 0) continue;
      blocks.push({
        files: TS_FILES.map((pattern) => `${group}/${entry.name}/${pattern}`),
        languageOptions: {
          parserOptions: { project: tsconfigs.map((name) => path.join(dir, name)), tsconfigRootDir: root },
        },
      });
    }
  }
  return blocks;
}

function rank(name) {
  const index = TSCONFIG_ORDER.indexOf(name);
  return index < 0 ? TSCONFIG_ORDER.length : index;
}

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.nx/**',
      '**/.pilote/**',
      '**/coverage/**',
      'test-results/**',
      'tmp/**',
      '**/*.d.ts',
      '**/vite.config.*.timestamp-*',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
  },

  // JavaScript: configuration files, scripts, benchmarks (CommonJS on Node unless .mjs).
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2023, sourceType: 'commonjs', globals: { ...globals.node } },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-unused-vars': ['warn', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // jsdom test setups and browser scripts (Playwright's page.evaluate callbacks run in the page).
    files: ['**/test/**/*.{js,cjs,mjs}', '**/dev/**/*.{js,cjs,mjs}', 'tools/bench/**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // TypeScript: recommended rules, plus the type-aware ones that catch lost promises and
  // forgotten cases (docs: ../shared/STYLE.md "Lint and habits").
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS_FILES })),
  ...projectTypeInfo(),
  {
    files: TS_FILES,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      // Lazy require() of large JSON data is a deliberate pattern (libs/core territories).
      '@typescript-eslint/no-require-imports': 'off',
      // Warnings, not errors: dead code is reported without blocking CI.
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  { files: TS_FILES.map((pattern) => `libs/${pattern}`), rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  {
    files: ['**/*.tsx', '**/web/**/*.ts', 'apps/web/**/*.ts', 'libs/ui/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
);
