// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/server/config.ts'

describe('server settings', () => {
  it('runs on 127.0.0.1:8787 with PGlite in ./data by default', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      config: {
        host: '127.0.0.1',
        port: 8787,
        dataDir: './data',
        databaseUrl: undefined,
        distDir: './dist',
        demo: false,
        schedulerIntervalMs: 60_000,
        maxFileBytes: 200 * 1024 * 1024,
        orphanFileHours: 72,
        trustedProxies: [],
        council: { name: 'The Community Safety team' },
      },
    })
  })

  it('takes the evidence file limit and the orphan file time from the environment', () => {
    expect(loadConfig({ MAX_FILE_BYTES: '1048576', ORPHAN_FILE_HOURS: '0.5' })).toMatchObject({
      ok: true,
      config: { maxFileBytes: 1_048_576, orphanFileHours: 0.5 },
    })
    const bad = loadConfig({ MAX_FILE_BYTES: '10MB', ORPHAN_FILE_HOURS: '-1' })
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      for (const name of ['MAX_FILE_BYTES', 'ORPHAN_FILE_HOURS']) expect(bad.message).toContain(name)
  })

  it('takes the council contact details shown on the complainant’s diary page', () => {
    const env = { COUNCIL_NAME: 'Hart District Council', COUNCIL_PHONE: '01252 622122', COUNCIL_EMAIL: 'asb@hart.example' }
    expect(loadConfig(env)).toMatchObject({
      ok: true,
      config: { council: { name: 'Hart District Council', phone: '01252 622122', email: 'asb@hart.example' } },
    })
    expect(loadConfig({ COUNCIL_EMAIL: 'not an address' }).ok).toBe(false)
  })

  it('takes PostgreSQL, demo mode and the scheduler interval from the environment or --demo', () => {
    const env = {
      DATABASE_URL: 'postgres://casebook@db/casebook',
      DEMO: '1',
      SCHEDULER_INTERVAL_MS: '5000',
      PORT: '9000',
    }
    expect(loadConfig(env)).toMatchObject({
      ok: true,
      config: { databaseUrl: env.DATABASE_URL, demo: true, schedulerIntervalMs: 5000, port: 9000 },
    })
    expect(loadConfig({}, ['--demo'])).toMatchObject({ ok: true, config: { demo: true } })
  })

  it('takes the trusted reverse proxies as addresses and CIDR ranges, and refuses anything else', () => {
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.5, 10.1.0.0/16,2001:db8::/32 ' })).toMatchObject({
      ok: true,
      config: { trustedProxies: ['10.0.0.5', '10.1.0.0/16', '2001:db8::/32'] },
    })
    for (const bad of ['proxy.internal', '10.0.0.0/33', '10.0.0.1/8/2', '::1/129']) {
      const result = loadConfig({ TRUSTED_PROXIES: `10.0.0.5, ${bad}` })
      expect(result).toMatchObject({ ok: false })
      if (!result.ok)
        expect(result.message).toContain(
          `TRUSTED_PROXIES: Give addresses or CIDR ranges separated by commas; not ${bad}.`,
        )
    }
  })

  it('stops with a sentence naming each bad setting', () => {
    const result = loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO: 'maybe' })
    expect(result.ok).toBe(false)
    if (!result.ok)
      for (const name of ['PORT', 'DATABASE_URL', 'DEMO']) expect(result.message).toContain(name)
  })
})
