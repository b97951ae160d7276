import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-env.ts'
import { requireUser } from '../auth/require-user.ts'
import { receiveUpload } from '../files/receive-upload.ts'
import { sendFile } from '../files/send-file.ts'

// PUT and GET /api/files/<sha256> (api/files.ts) for officers and managers. Evidence is case
// work: an administrator gets 403, as for sync.

export function fileRoutes(deps: AppDeps) {
  const { files, clock } = deps
  const routes = new Hono<AppEnv>()
  const caseWorker = requireUser(deps, ['officer', 'manager'])

  routes.put('/:sha256', caseWorker, (c) =>
    receiveUpload(files, c, c.req.param('sha256'), { userId: c.get('user').id }, { now: clock() }),
  )
  routes.get('/:sha256', caseWorker, (c) =>
    sendFile(files, c, c.req.param('sha256'), c.get('user')),
  )

  return routes
}
