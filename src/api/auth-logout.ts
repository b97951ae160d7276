import { z } from 'zod'

// POST /api/auth/logout with the bearer token: ends that session on the server. No body.
export const logoutResponseSchema = z.object({ ok: z.literal(true) })
export type LogoutResponse = z.infer<typeof logoutResponseSchema>
