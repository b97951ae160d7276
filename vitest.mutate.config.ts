import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config.ts'

// The test run StrykerJS uses (stryker.config.mjs): the layers that exercise the mutated code in
// Node — the domain rules (unit), the device store (db) and the sync server (server). Not the
// browser layers: jsdom and Chromium add minutes per mutant and test the same rules through the
// screens. MUTATE_LAYERS narrows it (`npm run mutate:domain` proves the domain by its own tests).
// No json report: it would overwrite the one `.ci/run` counts.
const layers = new Set((process.env.MUTATE_LAYERS ?? 'unit,db,server').split(','))

export default mergeConfig(
  { ...base, test: { ...base.test, projects: [] } },
  defineConfig({
    test: {
      reporters: ['default'],
      outputFile: {},
      // Instrumented code on a shared 2-core machine runs several times slower than usual.
      testTimeout: 120_000,
      hookTimeout: 60_000,
      projects: (base.test?.projects ?? []).filter(
        (p) => typeof p === 'object' && 'test' in p && typeof p.test?.name === 'string' && layers.has(p.test.name),
      ),
    },
  }),
)
