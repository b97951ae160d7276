import { loadConfig } from '../config.ts'
import { createFileStore, fileBytesFor } from '../files/file-store.ts'
import type { FileFault } from '../files/verify-files.ts'
import { verifyFiles } from '../files/verify-files.ts'
import { silentLog } from '../logging/log.ts'
import { migrate } from '../storage/migrate.ts'
import { openStorage } from '../storage/open-storage.ts'

// npm run verify-files: re-hashes every evidence file the server holds and names each whose bytes
// no longer match its SHA-256 (a flipped bit on disk, a bad restore). Exits 1 when any does, so
// a nightly job can alert. Uses the server's DATABASE_URL / DATA_DIR; on the embedded database,
// stop the server first (it holds the data directory). The event hash chain is `npm run verify`.

const problems: Record<FileFault['problem'], string> = {
  changed: 'its bytes have changed',
  wrong_size: 'it is not the size it was uploaded at',
  unreadable: 'its bytes cannot be read',
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}

const loaded = loadConfig(process.env)
if (!loaded.ok) fail(loaded.message)
const storage = await openStorage(loaded.config, silentLog).catch((error: Error) =>
  fail(error.message),
)
const report = await migrate(storage)
  .then(() => verifyFiles(createFileStore(storage, fileBytesFor(storage, loaded.config.dataDir))))
  .finally(() => storage.close())

if (report.faults.length === 0) {
  process.stdout.write(`Checked ${report.checked} files: every one matches its SHA-256.\n`)
} else {
  const lines = report.faults.map((f) => `  ${f.sha256}: ${problems[f.problem]}`)
  process.stderr.write(
    `Checked ${report.checked} files; ${report.faults.length} no longer match:\n${lines.join('\n')}\n`,
  )
  process.exit(1)
}
