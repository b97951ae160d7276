import { serveStatic } from '@hono/node-server/serve-static'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'

// The built app (vite's dist/) from the same origin as the API. Files under /assets/ have a
// content hash in their names, so browsers may keep them for a year; everything else (index.html,
// sw.js, registerSW.js, the manifest) must be checked every time, or an update never arrives.
// Any other GET that looks like a page (/matters/123, /report) gets index.html: the app routes it,
// except /diary/*, the complainant's own small app (diary.html; DESIGN.md).

const immutable = 'public, max-age=31536000, immutable'
const revalidate = 'no-cache'

/** A path whose last segment has a dot is a file; a miss there is a 404, not the app. */
const looksLikeFile = (path: string) =>
  /\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1))

export function staticApp(distDir: string) {
  const app = new Hono<AppEnv>()
  app.use('*', async (c, next) => {
    await next()
    if (c.res.ok)
      c.header('Cache-Control', c.req.path.startsWith('/assets/') ? immutable : revalidate)
  })
  app.get('*', serveStatic({ root: distDir }))
  const diary = join(distDir, 'diary.html')
  const serveDiary = serveStatic({ root: distDir, path: 'diary.html' })
  app.get('/diary/*', async (c, next) => {
    if (looksLikeFile(c.req.path) || !existsSync(diary)) return next()
    return serveDiary(c, next)
  })
  app.get('/diary', (c) => c.redirect('/diary/'))
  const index = join(distDir, 'index.html')
  const serveIndex = serveStatic({ root: distDir, path: 'index.html' })
  app.get('*', async (c, next) => {
    if (looksLikeFile(c.req.path) || !existsSync(index)) return next()
    return serveIndex(c, next)
  })
  return app
}
