import { existsSync } from 'node:fs'
import { Hono } from 'hono'
import { routePath } from 'hono/route'
import type { AppDeps, AppEnv } from './app-env.ts'
import { errorResponse } from './http/error-response.ts'
import { logUnhandled, requestLog } from './http/request-log.ts'
import { securityHeaders } from './http/security-headers.ts'
import { staticApp } from './http/static-app.ts'
import { authRoutes } from './routes/auth-routes.ts'
import { fileRoutes } from './routes/file-routes.ts'
import { diaryLinkRoutes } from './routes/diary-link-routes.ts'
import { healthRoute } from './routes/health-route.ts'
import { publicReportRoutes } from './routes/public-report-routes.ts'
import { syncRoutes } from './routes/sync-routes.ts'
import { usersRoutes } from './routes/users-routes.ts'

// The whole HTTP surface: /api (JSON, never cached) and the built app, on one origin.
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  app.use('*', requestLog(deps.log))
  app.use('*', securityHeaders)
  app.use('/api/*', async (c, next) => {
    await next()
    // Case data must not linger in browser or proxy caches; the device keeps its own copy.
    // Evidence files say their own (`private`: a browser may keep them, a proxy never).
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store')
  })
  // Each route that reads a body sets its own size limit (login 4 KB, push 4 MB, public
  // reports 16 KB, files MAX_FILE_BYTES, streamed); GET routes never read one.

  app.route('/api/health', healthRoute(deps))
  app.route('/api/auth', authRoutes(deps))
  app.route('/api/sync', syncRoutes(deps))
  app.route('/api/users', usersRoutes(deps))
  app.route('/api/files', fileRoutes(deps))
  app.route('/api/public', publicReportRoutes(deps))
  app.route('/api/public', diaryLinkRoutes(deps))
  app.all('/api/*', (c) => errorResponse(c, 404, 'not_found', 'There is no such API route.'))

  if (deps.distDir && existsSync(deps.distDir)) app.route('/', staticApp(deps.distDir))
  app.notFound((c) => errorResponse(c, 404, 'not_found', 'Not found.'))
  app.onError((error, c) => {
    logUnhandled(deps.log, error, routePath(c))
    return errorResponse(
      c,
      500,
      'internal',
      'Something went wrong on the server. Your entries are kept on your device; try again later.',
    )
  })
  return app
}

export type App = ReturnType<typeof createApp>
