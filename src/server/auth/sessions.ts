import { createHash, randomBytes } from 'node:crypto'
import type { SessionUser } from '../../api/auth-login.ts'
import type { Role } from '../../domain/vocabulary.ts'
import type { Sql } from '../storage/storage.ts'

// Sessions: an opaque random token for the device, only its SHA-256 in the database. A session
// lasts a fixed 12 hours from sign-in (a long working day), not sliding: an officer signs in
// again each day, and a token copied off a lost tablet stops working by the next morning. The
// device keeps working offline after that; it signs in again to sync.

export const sessionLifetimeMs = 12 * 60 * 60 * 1000

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export type NewSession = { token: string; expiresAt: string }

export async function createSession(sql: Sql, userId: string, now: Date): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs).toISOString()
  await sql.query(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [hashToken(token), userId, now.toISOString(), expiresAt],
  )
  return { token, expiresAt }
}

export type SessionLookup =
  { status: 'valid'; user: SessionUser } | { status: 'expired' | 'unknown' }

export async function findSession(sql: Sql, token: string, now: Date): Promise<SessionLookup> {
  const [row] = await sql.query<{ id: string; name: string; role: Role; expired: boolean }>(
    `SELECT u.id, u.name, u.role, s.expires_at <= $2 AS expired
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [hashToken(token), now.toISOString()],
  )
  if (!row) return { status: 'unknown' }
  if (row.expired) return { status: 'expired' }
  return { status: 'valid', user: { id: row.id, name: row.name, role: row.role } }
}

export async function deleteSession(sql: Sql, token: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)])
}

/** Expired sessions are useless; the scheduler clears them so the table does not grow forever. */
export async function deleteExpiredSessions(sql: Sql, now: Date): Promise<number> {
  const rows = await sql.query('DELETE FROM sessions WHERE expires_at <= $1 RETURNING token_hash', [
    now.toISOString(),
  ])
  return rows.length
}
