import { parseArgs } from 'node:util'
import { verifyReport } from '../chain/verify-report.ts'
import { loadConfig } from '../config.ts'
import { silentLog } from '../logging/log.ts'
import { openStorage } from '../storage/open-storage.ts'

// npm run verify [-- --matter ASB-2026-000123]
// Recomputes the tamper-evident chain of every matter (or one) from the stored events and names
// every event that no longer matches (domain/event-chain.ts). Exits 1 when any link is broken,
// 0 when all are intact, 2 when it could not check. Reads only; uses the same DATABASE_URL /
// DATA_DIR as the server (with the embedded database, stop the server first).

const usage = 'Usage: npm run verify [-- --matter <reference>]'

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}

function parsedArgs() {
  try {
    return parseArgs({ options: { matter: { type: 'string' } } }).values
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`)
  }
}

const args = parsedArgs()
const loaded = loadConfig(process.env)
if (!loaded.ok) fail(loaded.message)
const storage = await openStorage(loaded.config, silentLog).catch((error: Error) =>
  fail(error.message),
)
const reference = args.matter?.trim()
const code = await verifyReport(
  storage,
  reference === undefined ? {} : { reference },
  (line) => process.stdout.write(`${line}\n`),
)
  .catch((error: Error) =>
    fail(
      /chain_head|hash/.test(error.message)
        ? 'This database has no event chain yet: start the server once to apply its migrations.'
        : `Could not check the chains: ${error.message}`,
    ),
  )
  .finally(() => storage.close())
process.exit(code)
