import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { defaultLimits } from './app-env.ts'
import { countUsers } from './auth/users.ts'
import { loadConfig } from './config.ts'
import { demoSignInText, seedDemoIfEmpty } from './demo/seed-demo.ts'
import { createFileStore, fileBytesFor } from './files/file-store.ts'
import { describeError, jsonLog } from './logging/log.ts'
import { startScheduler } from './scheduler/scheduler.ts'
import { migrate } from './storage/migrate.ts'
import { openStorage } from './storage/open-storage.ts'

// `node src/server/main.ts [--demo]`: opens the database (PGlite in DATA_DIR, or DATABASE_URL),
// applies migrations, seeds the demo council if asked and the database has no users, then serves
// the API and the built app and runs the scheduler. SIGINT/SIGTERM stop it cleanly.

const say = (text: string) => process.stdout.write(`${text}\n`)

const loaded = loadConfig(process.env, process.argv.slice(2))
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`)
  process.exit(1)
}
const config = loaded.config
const log = jsonLog()
const clock = () => new Date()

say(
  config.databaseUrl
    ? 'Opening the PostgreSQL database…'
    : `Opening the database in ${config.dataDir} (the first start takes a few seconds)…`,
)
const storage = await openStorage(config, log).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`)
  process.exit(1)
})
const applied = await migrate(storage)
if (applied.length > 0) say(`Applied migrations: ${applied.join(', ')}`)

if (config.demo) {
  const demo = await seedDemoIfEmpty(storage, clock())
  if (demo.seeded) say(`Created the demo council: ${demo.matters} matters.`)
}
const noOneCanSignIn = (await countUsers(storage)) === 0

const files = createFileStore(storage, fileBytesFor(storage, config.dataDir), {
  maxFileBytes: config.maxFileBytes,
})
const app = createApp({
  storage,
  log,
  clock,
  limits: defaultLimits,
  distDir: config.distDir,
  files,
  trustedProxies: config.trustedProxies,
  council: config.council,
})
const scheduler = startScheduler({
  storage,
  log,
  clock,
  intervalMs: config.schedulerIntervalMs,
  files: { store: files, orphanAfterMs: config.orphanFileHours * 3_600_000 },
})
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const url = `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}/`
  say(`Casebook is running at ${url} (database: ${storage.driver})`)
  if (config.demo) say(demoSignInText(url))
  if (noOneCanSignIn)
    say(
      'No one can sign in yet: npm run user:add -- --username <name> --role officer|manager|admin',
    )
})
server.on('error', (error) => {
  log({ level: 'error', msg: 'server failed', ...describeError(error) })
  void shutdown(1)
})

let stopping = false
async function shutdown(code: number): Promise<void> {
  if (stopping) process.exit(1)
  stopping = true
  say('Stopping…')
  // Finish the requests in flight (at most 5 s), then the scheduler's tick, then the database.
  await new Promise<void>((resolve) => {
    server.close(() => resolve())
    setTimeout(resolve, 5_000).unref()
  })
  await scheduler.stop()
  await storage.close()
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))
