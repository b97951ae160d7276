import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { isIsoDate } from '../../domain/calendar.ts'
import { buildCourtBundle } from '../../documents/court-bundle/build-court-bundle.ts'
import { loadConfig } from '../config.ts'
import { courtBundleInputFrom } from '../documents/court-bundle-from-storage.ts'
import { readPdfFonts } from '../documents/read-fonts.ts'
import { silentLog } from '../logging/log.ts'
import { migrate } from '../storage/migrate.ts'
import { openStorage } from '../storage/open-storage.ts'

// npm run bundle -- --matter <reference> --out <file.pdf> [--from YYYY-MM-DD] [--to YYYY-MM-DD]
// The court bundle of one matter, made on the server from its database (DESIGN.md "Tamper evidence
// and the court bundle"): the same pure builder the device runs offline. Uses the server's
// DATABASE_URL / DATA_DIR; the embedded database is locked while the server runs, so stop it first
// (or run on PostgreSQL). COUNCIL_NAME names the council on the cover.

const usage =
  'Usage: npm run bundle -- --matter <reference> --out <file.pdf> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by "Your name"]'

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

function parsedArgs() {
  try {
    return parseArgs({
      options: {
        matter: { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        by: { type: 'string' },
      },
    }).values
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`)
  }
}

const args = parsedArgs()
if (!args.matter || !args.out) fail(usage)
for (const [name, value] of [
  ['--from', args.from],
  ['--to', args.to],
] as const) {
  if (value !== undefined && !isIsoDate(value))
    fail(`${name} must be a date as YYYY-MM-DD.\n${usage}`)
}
if (args.from && args.to && args.from > args.to) fail('--from is after --to.')
const loaded = loadConfig(process.env)
if (!loaded.ok) fail(loaded.message)

const storage = await openStorage(loaded.config, silentLog).catch((error: Error) =>
  fail(
    loaded.config.databaseUrl
      ? error.message
      : `${error.message}\nThe embedded database (DATA_DIR) is locked while the Casebook server runs: stop the server, or run both on PostgreSQL (DATABASE_URL).`,
  ),
)
const source = await migrate(storage)
  .then(async () =>
    courtBundleInputFrom(storage, {
      reference: args.matter ?? '',
      from: args.from,
      to: args.to,
      fonts: await readPdfFonts(),
      councilName: process.env.COUNCIL_NAME?.trim() || 'Casebook',
      producedBy: { name: args.by?.trim() || 'The Casebook server', role: 'npm run bundle' },
      now: new Date(),
    }),
  )
  .finally(() => storage.close())
if (!source.ok) fail(source.message)
const pdf = await buildCourtBundle(source.input)
await writeFile(args.out, pdf).catch((error: Error) =>
  fail(`Could not write ${args.out}: ${error.message}`),
)
process.stdout.write(
  `Wrote the court bundle of ${args.matter} to ${args.out} (${pdf.length.toLocaleString('en-GB')} bytes).\n`,
)
