import { z } from 'zod'
import type { SessionUser } from '../../api/auth-login.ts'
import type { StaffMember } from '../../api/users-staff.ts'
import type { Role } from '../../domain/vocabulary.ts'
import { roleSchema } from '../../domain/vocabulary.ts'
import { newId } from '../new-id.ts'
import type { Sql } from '../storage/storage.ts'
import { hashPassword } from './password.ts'

// The people who sign in. Created by `npm run user:add` or the demo seed; there is no sign-up.

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, {
    error: 'A username is 3–40 letters, digits, dots, dashes or underscores.',
  })

export const newPasswordSchema = z
  .string()
  .min(12, { error: 'A password needs at least 12 characters.' })
  .max(200, { error: 'A password has at most 200 characters.' })

export const newUserSchema = z.object({
  username: usernameSchema,
  name: z.string().trim().min(1).max(100),
  role: roleSchema,
  password: newPasswordSchema,
})
export type NewUser = z.input<typeof newUserSchema>

export type StoredUser = SessionUser & { username: string; passwordHash: string }

type UserRow = { id: string; username: string; name: string; role: Role; password_hash: string }

export async function findUserByUsername(sql: Sql, username: string): Promise<StoredUser | null> {
  const [row] = await sql.query<UserRow>(
    'SELECT id, username, name, role, password_hash FROM users WHERE username = $1',
    [username.trim().toLowerCase()],
  )
  return row
    ? {
        id: row.id,
        username: row.username,
        name: row.name,
        role: row.role,
        passwordHash: row.password_hash,
      }
    : null
}

export async function countUsers(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number | string }>('SELECT count(*) AS n FROM users')
  return Number(row?.n ?? 0)
}

export type CreateUserResult =
  { ok: true; user: SessionUser } | { ok: false; code: 'invalid' | 'duplicate'; message: string }

/** Adds a user; `id` is for tests and fixtures, real users get a fresh UUIDv7. */
export async function createUser(
  sql: Sql,
  input: NewUser,
  now: Date,
  id?: string,
): Promise<CreateUserResult> {
  const parsed = newUserSchema.safeParse(input)
  if (!parsed.success)
    return {
      ok: false,
      code: 'invalid',
      message: parsed.error.issues[0]?.message ?? 'Not a valid user.',
    }
  const u = parsed.data
  const userId = id ?? newId(now)
  const hash = await hashPassword(u.password)
  const inserted = await sql.query(
    `INSERT INTO users (id, username, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [userId, u.username, u.name, u.role, hash, now.toISOString()],
  )
  if (inserted.length === 0)
    return {
      ok: false,
      code: 'duplicate',
      message: `There is already a user called ${u.username}.`,
    }
  return { ok: true, user: { id: userId, name: u.name, role: u.role } }
}

/** Whether `id` is someone a matter can be assigned to: an officer or a manager. */
export async function isCaseworker(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.query(
    "SELECT 1 FROM users WHERE id = $1 AND role IN ('officer', 'manager')",
    [id],
  )
  return rows.length > 0
}

const byName = new Intl.Collator('en-GB', { sensitivity: 'base' })

/**
 * The officers and managers, by name, with nothing but id, name and role. Sorted here rather
 * than by ORDER BY: PGlite and a PostgreSQL server may collate text differently.
 */
export async function listCaseworkers(sql: Sql): Promise<StaffMember[]> {
  const rows = await sql.query<StaffMember>(
    "SELECT id, name, role FROM users WHERE role IN ('officer', 'manager')",
  )
  return rows
    .map(({ id, name, role }) => ({ id, name, role }))
    .sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id))
}
