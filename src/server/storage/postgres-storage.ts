import pg from 'pg'
import type { Log } from '../logging/log.ts'
import { describeError } from '../logging/log.ts'
import type { Row, Sql, Storage } from './storage.ts'

// A PostgreSQL server through a `pg` pool: the same SQL and migrations as PGlite. Each
// transaction has its own connection, so pushes run concurrently and meet at the seq counter's
// row lock (see event-log.ts).

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>

function sqlOf(db: Queryable): Sql {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<T>(text, params as unknown[])
      return result.rows
    },
    async exec(text: string) {
      await db.query(text)
    },
  }
}

/**
 * A transaction's queries, run one after another in the order they are asked for. The event log
 * sends a chunk of inserts and goes on checking (event-log.ts), so a query may be asked for while
 * another runs; `pg` queues that itself only with a deprecation warning (it will refuse in pg 9).
 */
function inTurn(client: pg.PoolClient): Sql {
  const sql = sqlOf(client)
  let last: Promise<unknown> = Promise.resolve()
  const next = <T>(run: () => Promise<T>): Promise<T> => {
    const result = last.then(run, run)
    last = result.catch(() => undefined)
    return result
  }
  return {
    query: (text, params) => next(() => sql.query(text, params)),
    exec: (text) => next(() => sql.exec(text)),
  }
}

export type PostgresOptions = {
  connectionString: string
  /** Tests run each file in its own schema so files can run side by side. */
  searchPath?: string
  max?: number
  log: Log
}

export function openPostgresStorage({
  connectionString,
  searchPath,
  max = 10,
  log,
}: PostgresOptions): Storage {
  const pool = new pg.Pool({
    connectionString,
    max,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  })
  // An idle client losing its connection (a database restart) must not crash the server: the
  // pool drops that client and the next query opens a new one.
  pool.on('error', (error) =>
    log({ level: 'warn', msg: 'idle database connection lost', ...describeError(error) }),
  )
  return {
    driver: 'postgres',
    ...sqlOf(pool),
    async transaction(fn) {
      const client = await pool.connect()
      const tx = inTurn(client)
      let broken: Error | undefined
      try {
        await tx.exec('BEGIN')
        const result = await fn(tx)
        await tx.exec('COMMIT')
        return result
      } catch (error) {
        // After any query still running. If even ROLLBACK fails the connection is unusable:
        // release it as broken so the pool closes it, and report the original error.
        await tx.exec('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError))
        throw error
      } finally {
        client.release(broken)
      }
    },
    close: () => pool.end(),
  }
}
