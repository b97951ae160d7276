import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Kept apart from vite.config.ts so tests never load the PWA plugin. Each layer is a project:
// `vitest run --project unit` runs one layer; a layer with no test files yet passes.
export default defineConfig({
  plugins: [react()],
  test: {
    passWithNoTests: true,
    // The json report lets .ci/run print the pass/fail counts.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          include: ['tests/app/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/app-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/setup/db-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.{ts,tsx}'],
          environment: 'node',
          globalSetup: ['tests/server/support/postgres-notice.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The test tooling itself: .ci's counting of a run.
          name: 'tools',
          include: ['tests/tools/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.{ts,tsx}'],
          environment: 'node',
          // One browser and one server at a time: the suites share port 8787 and the machine has 2 cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
