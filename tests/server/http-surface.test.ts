// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDrivers } from './support/test-databases.ts'
import { testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// Health, the built app from the same origin, security headers and request logs.

describe.each(testDrivers)('HTTP surface on $name', (driver) => {
  const { storage } = useDatabase(driver)
  let dist = ''

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'casebook-dist-'))
    mkdirSync(join(dist, 'assets'))
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>Casebook</title><div id="root"></div>',
    )
    writeFileSync(join(dist, 'assets', 'index-Bx1y2z3.js'), 'console.log("app")')
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})')
    writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Casebook"}')
    writeFileSync(join(dist, 'diary.html'), '<!doctype html><title>Your diary</title><main id="diary"></main>')
  })
  afterAll(() => rmSync(dist, { recursive: true, force: true }))

  const app = () => testServer(storage(), { distDir: dist })

  it('GET /api/health says the server is up and which database it uses', async () => {
    const res = await app().app.request('/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, db: driver.name })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('GET /api/health answers 503 when the database does not answer', async () => {
    const broken = { ...storage(), query: () => Promise.reject(new Error('connection refused')) }
    const res = await testServer(broken).app.request('/api/health')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ error: { code: 'unavailable' } })
  })

  it('sends security headers on API responses and pages alike', async () => {
    const s = app()
    for (const path of ['/api/health', '/', '/assets/index-Bx1y2z3.js']) {
      const headers = (await s.app.request(path)).headers
      const csp = headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-inline')
      expect(headers.get('x-content-type-options')).toBe('nosniff')
      expect(headers.get('referrer-policy')).toBe('no-referrer')
      expect(headers.get('x-frame-options')).toBe('DENY')
      expect(headers.get('permissions-policy')).toContain('geolocation=()')
    }
  })

  it('serves hashed assets for a year, and the shell, service worker and manifest fresh', async () => {
    const s = app()
    const asset = await s.app.request('/assets/index-Bx1y2z3.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toMatch(/javascript/)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const res = await s.app.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('no-cache')
    }
  })

  it.each(['/matters/0190a1b2-0000-7000-8000-000000000001', '/report', '/dashboard/overdue'])(
    'answers the deep link %s with the app, which routes it',
    async (path) => {
      const res = await app().app.request(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      expect(await res.text()).toContain('<div id="root">')
      expect(res.headers.get('cache-control')).toBe('no-cache')
    },
  )

  it.each(['/diary/', `/diary/${'A'.repeat(43)}`, '/diary/anything-at-all'])(
    'answers %s with the complainant’s diary page, not the officer app',
    async (path) => {
      const res = await app().app.request(path)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<main id="diary">')
      expect(res.headers.get('cache-control')).toBe('no-cache')
    },
  )

  it('404s a missing file instead of answering with the app', async () => {
    const res = await app().app.request('/assets/index-gone.js')
    expect(res.status).toBe(404)
  })

  it('404s an unknown API route as JSON, never with the app', async () => {
    const res = await app().app.request('/api/matters/123')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } })
  })

  it('logs one line per request with the route pattern, never the raw path or query', async () => {
    const s = app()
    await s.app.request('/matters/private-looking-id?name=Alex')
    await s.pull(await s.signIn('officer1'), 0, 10)
    const logged = JSON.stringify(s.logs)
    expect(logged).not.toContain('private-looking-id')
    expect(logged).not.toContain('Alex')
    expect(logged).not.toContain('limit=10')
    expect(s.logs).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        method: 'GET',
        route: '/api/sync/pull',
        status: 200,
      }),
    )
    expect(s.logs.every((e) => e.msg !== 'request' || typeof e.ms === 'number')).toBe(true)
  })
})
