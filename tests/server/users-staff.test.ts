// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { StaffResponse } from '../../src/api/users-staff.ts'
import { testDrivers } from './support/test-databases.ts'
import type { Person } from './support/test-server.ts'
import { people, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// GET /api/users/staff: the directory a manager allocates matters from (issue 4). Names and
// roles of the officers and managers only: nothing a colleague does not need.

describe.each(testDrivers)('GET /api/users/staff on $name', (driver) => {
  const { storage } = useDatabase(driver)

  const staffAs = async (s: ReturnType<typeof testServer>, person: Person) =>
    s.app.request('/api/users/staff', { headers: s.auth(await s.signIn(person)) })

  it.each(['officer1', 'manager1'] as const)(
    'gives %s the officers and managers by name, with id, name and role only',
    async (person) => {
      const s = testServer(storage())
      const res = await staffAs(s, person)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const { officer1, officer2, manager1, manager2 } = people
      const entry = ({ id, name, role }: (typeof people)[Person]) => ({ id, name, role })
      expect((await res.json()) as StaffResponse).toEqual({
        // Dan Hughes, Olivia Price, Priya Shah, Tom Okafor
        staff: [entry(manager2), entry(officer1), entry(manager1), entry(officer2)],
      })
    },
  )

  it('leaks no usernames, password hashes or administrators, and logs no names', async () => {
    const s = testServer(storage())
    const body = await (await staffAs(s, 'officer2')).text()
    for (const p of Object.values(people)) expect(body).not.toContain(`"${p.username}"`)
    expect(body).not.toMatch(/scrypt|password|hash|username/i)
    expect(body).not.toContain(people.admin1.name)
    expect(body).not.toContain(people.admin1.id)
    const logged = JSON.stringify(s.logs)
    for (const p of Object.values(people)) expect(logged).not.toContain(p.name)
  })

  it('answers an administrator 403: case work is for officers and managers', async () => {
    const s = testServer(storage())
    const res = await staffAs(s, 'admin1')
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } })
  })

  it('answers 401 without a token, or with one that is not a session', async () => {
    const s = testServer(storage())
    const none = await s.app.request('/api/users/staff')
    expect(none.status).toBe(401)
    expect(await none.json()).toMatchObject({ error: { code: 'unauthorized' } })
    const unknown = await s.app.request('/api/users/staff', { headers: s.auth('x'.repeat(43)) })
    expect(unknown.status).toBe(401)
  })
})
