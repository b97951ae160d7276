import { z } from 'zod'
import { defaultMaxFileBytes } from '../domain/files.ts'
import { parseTrustedProxies } from './http/trusted-proxies.ts'
import type { CouncilContact } from '../api/public-diary.ts'

// The server's settings, from the environment (and `--demo` on the command line). Checked once
// at start: a bad value stops the server with a sentence saying which, instead of a crash later.

const flag = z
  .enum(['', '0', '1', 'false', 'true', 'no', 'yes'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes')

const envSchema = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.string().regex(/^\d+$/).transform(Number).pipe(z.int().min(0).max(65_535)).default(8787),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, { error: 'Give a postgres:// URL.' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DIST_DIR: z.string().trim().min(1).default('./dist'),
  DEMO: flag.default(false),
  // Shown to complainants on their private diary page (DESIGN.md): who to contact, and how.
  COUNCIL_NAME: z.string().trim().min(1).max(200).optional(),
  COUNCIL_PHONE: z.string().trim().min(1).max(50).optional(),
  COUNCIL_EMAIL: z.string().trim().email().max(200).optional(),
  COUNCIL_HOURS: z.string().trim().min(1).max(200).optional(),
  SCHEDULER_INTERVAL_MS: z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.int().min(1_000))
    .default(60_000),
  MAX_FILE_BYTES: z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.int().min(1).max(Number.MAX_SAFE_INTEGER))
    .default(defaultMaxFileBytes),
  ORPHAN_FILE_HOURS: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number)
    .pipe(z.number().positive())
    .default(72),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const parsed = parseTrustedProxies(value)
      if (parsed.ok) return parsed.entries
      ctx.addIssue({
        code: 'custom',
        message: `Give addresses or CIDR ranges separated by commas; not ${parsed.bad.join(', ')}.`,
      })
      return z.NEVER
    }),
})

export type Config = {
  host: string
  port: number
  dataDir: string
  databaseUrl: string | undefined
  distDir: string
  demo: boolean
  schedulerIntervalMs: number
  /** The largest evidence file accepted, in bytes. */
  maxFileBytes: number
  /** How long a file uploaded and never referenced is kept. */
  orphanFileHours: number
  trustedProxies: string[]
  council: CouncilContact
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string }

export function loadConfig(
  env: Record<string, string | undefined>,
  argv: readonly string[] = [],
): ConfigResult {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    return { ok: false, message: `The server's settings are not valid:\n  ${lines.join('\n  ')}` }
  }
  const e = parsed.data
  return {
    ok: true,
    config: {
      host: e.HOST,
      port: e.PORT,
      dataDir: e.DATA_DIR,
      databaseUrl: e.DATABASE_URL,
      distDir: e.DIST_DIR,
      demo: e.DEMO || argv.includes('--demo'),
      schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
      maxFileBytes: e.MAX_FILE_BYTES,
      orphanFileHours: e.ORPHAN_FILE_HOURS,
      trustedProxies: e.TRUSTED_PROXIES,
      council: {
        name: e.COUNCIL_NAME ?? 'The Community Safety team',
        ...(e.COUNCIL_PHONE ? { phone: e.COUNCIL_PHONE } : {}),
        ...(e.COUNCIL_EMAIL ? { email: e.COUNCIL_EMAIL } : {}),
        ...(e.COUNCIL_HOURS ? { hours: e.COUNCIL_HOURS } : {}),
      },
    },
  }
}
