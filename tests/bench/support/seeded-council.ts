import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultLimits } from '../../../src/server/app-env.ts'
import { createApp } from '../../../src/server/app.ts'
import { createFileStore } from '../../../src/server/files/file-store.ts'
import { silentLog } from '../../../src/server/logging/log.ts'
import { migrate } from '../../../src/server/storage/migrate.ts'
import { openPostgresStorage } from '../../../src/server/storage/postgres-storage.ts'
import type { StorageDriver } from '../../../src/server/storage/storage.ts'
import type { Council } from '../generate-council.ts'
import { cacheDir, projectRoot } from '../generate-council.ts'
import type { BenchContext } from './bench-context.ts'
import { sharedOnce } from './bench-context.ts'
import type { BenchDatabase } from './bench-storage.ts'
import { createPostgresDatabase, openBenchDatabase } from './bench-storage.ts'
import type { PushTotals } from './council-sync.ts'
import { addCouncilUsers, allUserIds, pushCouncil, sessionTokens } from './council-sync.ts'

// A server database holding the whole council, pushed through the sync API in-process. PGlite's
// is kept in reports/bench-cache as a data directory (keyed by the council and by the server's
// sources, which decide what is stored) and copied for each run, so seeding happens once.

function serverHash(): string {
  const hash = createHash('sha256')
  const walk = (dir: string): string[] =>
    readdirSync(join(projectRoot, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
    )
  for (const f of [...walk('src/server'), ...walk('src/api')].sort())
    hash.update(f).update(readFileSync(join(projectRoot, f)))
  return hash.digest('hex').slice(0, 12)
}

/** Pushes the council into a fresh, migrated database through the API, as its people. */
export async function seedDatabase(
  db: BenchDatabase,
  council: Council,
  onProgress?: (t: PushTotals) => void,
): Promise<PushTotals> {
  await addCouncilUsers(db.storage, council.meta)
  const tokens = await sessionTokens(db.storage, allUserIds(council.meta))
  const app = createApp({
    storage: db.storage,
    log: silentLog,
    clock: () => new Date(),
    limits: defaultLimits,
    files: createFileStore(db.storage),
  })
  return pushCouncil(
    (path, init) => Promise.resolve(app.request(path, init)),
    tokens,
    council.events(),
    onProgress,
  )
}

const progress = (ctx: BenchContext, total: number) => (t: PushTotals) => {
  if (t.requests % 100 === 0)
    ctx.log(
      `seeding: ${t.events.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} events`,
    )
}

export function pgliteSnapshotDir(council: Council): string {
  return join(cacheDir, `pglite-${council.meta.key}-${serverHash()}`)
}

/** Keeps a seeded PGlite data directory as the snapshot, if there is none yet. */
export function keepSnapshot(council: Council, dataDir: string): boolean {
  const target = pgliteSnapshotDir(council)
  if (existsSync(target)) return false
  renameSync(dataDir, target)
  return true
}

async function pgliteSnapshot(ctx: BenchContext): Promise<string> {
  const council = await ctx.council()
  const dir = pgliteSnapshotDir(council)
  if (existsSync(dir)) return dir
  ctx.log(
    `Seeding a PGlite database with the ${ctx.size} council through the API (kept in ${cacheDir})…`,
  )
  const db = await openBenchDatabase('pglite')
  try {
    await seedDatabase(db, council, progress(ctx, council.meta.events))
  } catch (error) {
    await db.close()
    throw error
  }
  await db.close({ keep: true })
  if (!keepSnapshot(council, db.where)) rmSync(db.where, { recursive: true, force: true })
  return dir
}

export type SeededDatabase = {
  driver: StorageDriver
  env: Record<string, string>
  dispose(): Promise<void>
}

/**
 * A seeded database for a real server process: a copy of the PGlite snapshot in a fresh data
 * directory, or a new PostgreSQL database seeded for this run (dropped at the end of the run).
 */
export async function seededDatabase(
  ctx: BenchContext,
  driver: StorageDriver,
): Promise<SeededDatabase> {
  if (driver === 'pglite') {
    const snapshot = await sharedOnce(ctx, 'pglite-snapshot', () => pgliteSnapshot(ctx))
    const dataDir = mkdtempSync(join(tmpdir(), 'casebook-bench-server-'))
    cpSync(snapshot, dataDir, { recursive: true })
    return {
      driver,
      env: { DATA_DIR: dataDir },
      dispose() {
        rmSync(dataDir, { recursive: true, force: true })
        return Promise.resolve()
      },
    }
  }
  const council = await ctx.council()
  const pgDb = await createPostgresDatabase()
  // Dropped at the end of the run even if this bench fails half-way.
  ctx.onClose(() => pgDb.drop())
  ctx.log(`Seeding PostgreSQL database ${pgDb.name} with the ${ctx.size} council through the API…`)
  const storage = openPostgresStorage({ connectionString: pgDb.url, log: silentLog })
  try {
    await migrate(storage)
    await seedDatabase(
      { driver, storage, where: pgDb.url, close: () => storage.close() },
      council,
      progress(ctx, council.meta.events),
    )
  } finally {
    await storage.close()
  }
  return { driver, env: { DATABASE_URL: pgDb.url }, dispose: () => pgDb.drop() }
}
