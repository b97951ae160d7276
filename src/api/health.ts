import { z } from 'zod'

// GET /api/health: the server is up and its database answers.
export const storageDrivers = ['pglite', 'postgres'] as const

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  db: z.enum(storageDrivers),
})
export type HealthResponse = z.infer<typeof healthResponseSchema>
