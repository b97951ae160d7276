import { parseArgs } from 'node:util'
import { roles, roleSchema } from '../domain/vocabulary.ts'
import { createUser } from './auth/users.ts'
import { readPassword } from './cli/read-password.ts'
import { loadConfig } from './config.ts'
import { silentLog } from './logging/log.ts'
import { migrate } from './storage/migrate.ts'
import { openStorage } from './storage/open-storage.ts'

// npm run user:add -- --username jsmith --role officer [--name "Jo Smith"]
// Adds a person who can sign in; the password is asked for (not echoed) or read from stdin.
// Uses the same DATABASE_URL / DATA_DIR as the server (with PGlite, stop the server first).

const usage = `Usage: npm run user:add -- --username <name> --role ${roles.join('|')} [--name "Full Name"]`

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

function parsedArgs() {
  try {
    return parseArgs({
      options: { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    }).values
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`)
  }
}

const args = parsedArgs()
if (!args.username) fail(usage)
const role = roleSchema.safeParse(args.role)
if (!role.success) fail(`--role must be one of ${roles.join(', ')}.\n${usage}`)
const loaded = loadConfig(process.env)
if (!loaded.ok) fail(loaded.message)

const password = await readPassword().catch((error: Error) => fail(error.message))
const storage = await openStorage(loaded.config, silentLog).catch((error: Error) =>
  fail(error.message),
)
const created = await migrate(storage)
  .then(() =>
    createUser(
      storage,
      {
        username: args.username ?? '',
        role: role.data,
        name: args.name ?? args.username ?? '',
        password,
      },
      new Date(),
    ),
  )
  .finally(() => storage.close())
if (!created.ok) fail(created.message)
process.stdout.write(
  `Added ${created.user.role} ${args.username.trim().toLowerCase()} (${created.user.name}).\n`,
)
