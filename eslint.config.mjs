import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Dependencies point one way (ARCHITECTURE.md): pages and routes (app/) use components/ and
// lib/; nothing below app/ reaches back up, and only command-line tools use launcher/.
const appImports = { group: ['@/app/*', '**/app/*'], message: 'app/ may import this, not the other way round.' };
const launcherImports = {
  group: ['@/launcher/*', '**/launcher/*'],
  message: 'launcher/ starts processes; put what they need in lib/.',
};
// Workflow code is replayed in Temporal's sandbox: deterministic, no I/O, no activity code.
const workflowImports = [
  { group: ['node:*'], message: 'Workflow code runs in the sandbox, without Node built-ins.' },
  { group: ['@/lib/db/*', '**/lib/db/*'], message: 'Workflow code reaches the database only through activities.' },
  {
    group: ['**/activities', '**/activities/*'],
    allowTypeImports: true,
    message: 'Workflow code names activities by type (proxyActivities), never imports their code.',
  },
];
const restrictImports = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores(['.next/**', '.data/**', 'node_modules/**', 'lib/db/generated/**', 'next-env.d.ts', 'test-results/**']),
  {
    rules: {
      'no-console': ['error', { allow: ['error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['components/**'], rules: restrictImports([appImports]) },
  { files: ['lib/**', 'temporal/**', 'collab-server/**'], rules: restrictImports([appImports, launcherImports]) },
  {
    files: ['temporal/workflows/**'],
    ignores: ['**/*.test.ts'],
    rules: restrictImports([appImports, launcherImports, ...workflowImports]),
  },
  {
    // Command-line tools print to the terminal by design.
    files: ['prisma/**', 'launcher/**', 'bench/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
]);
