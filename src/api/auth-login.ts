import { z } from 'zod'
import { storableString } from '../domain/primitives.ts'
import { roleSchema } from '../domain/vocabulary.ts'

// POST /api/auth/login. The token is opaque; send it as `Authorization: Bearer <token>` until
// `expiresAt` (a fixed working day from sign-in), then sign in again.

export const loginRequestSchema = z.object({
  // Storable: a username goes into a query, and text PostgreSQL cannot hold made it answer 500.
  username: storableString('The username')
    .trim()
    .toLowerCase()
    .min(1, { error: 'Enter your username.' })
    .max(100),
  password: storableString('The password').min(1, { error: 'Enter your password.' }).max(1_000),
})
export type LoginRequest = z.infer<typeof loginRequestSchema>

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
})
export type SessionUser = z.infer<typeof sessionUserSchema>

export const loginResponseSchema = z.object({
  token: z.string(),
  user: sessionUserSchema,
  expiresAt: z.iso.datetime(),
})
export type LoginResponse = z.infer<typeof loginResponseSchema>

/** The same words for an unknown user and a wrong password, so the answer leaks neither. */
export const loginFailedMessage = 'The username or password is not right.'
