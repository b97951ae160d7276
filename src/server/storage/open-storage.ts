import type { Config } from '../config.ts'
import type { Log } from '../logging/log.ts'
import { openPgliteStorage } from './pglite-storage.ts'
import { openPostgresStorage } from './postgres-storage.ts'
import type { Storage } from './storage.ts'

// DESIGN.md "Storage on the server": PostgreSQL at DATABASE_URL when given, otherwise embedded
// PGlite in DATA_DIR.
export function openStorage(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  log: Log,
): Promise<Storage> {
  return config.databaseUrl
    ? Promise.resolve(openPostgresStorage({ connectionString: config.databaseUrl, log }))
    : openPgliteStorage(config.dataDir)
}
