import { Hono } from 'hono'
import type { HealthResponse } from '../../api/health.ts'
import type { AppDeps, AppEnv } from '../app-env.ts'
import { errorResponse } from '../http/error-response.ts'
import { describeError } from '../logging/log.ts'

// GET /api/health: up, and the database answers (503 when it does not).
export function healthRoute({ storage, log }: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    try {
      await storage.query('SELECT 1')
    } catch (error) {
      log({ level: 'error', msg: 'health check: database not answering', ...describeError(error) })
      return errorResponse(c, 503, 'unavailable', 'The database is not answering.')
    }
    const response: HealthResponse = { ok: true, db: storage.driver }
    return c.json(response)
  })
}
