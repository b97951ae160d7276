import { Hono } from 'hono'
import type { StaffResponse } from '../../api/users-staff.ts'
import { caseworkerRoles } from '../../api/users-staff.ts'
import type { AppDeps, AppEnv } from '../app-env.ts'
import { listCaseworkers } from '../auth/users.ts'
import { requireUser } from '../auth/require-user.ts'

// GET /api/users/staff: the directory a manager allocates matters from, and every device shows
// names from. Case workers only, as sync: an administrator manages users and gets 403 here.

export function usersRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>()

  routes.get('/staff', requireUser(deps, caseworkerRoles), async (c) => {
    const response: StaffResponse = { staff: await listCaseworkers(deps.storage) }
    return c.json(response)
  })

  return routes
}
