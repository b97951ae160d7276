// Server project global setup: without TEST_DATABASE_URL every server suite runs on PGlite only,
// and what only concurrent connections can break goes unproved. The run says so, once, at the
// start (each suite also shows a skipped test with the reason: support/test-databases.ts).
export default function postgresNotice(): void {
  if (process.env.TEST_DATABASE_URL) return
  process.stdout.write(
    '\nServer tests: PostgreSQL skipped (TEST_DATABASE_URL is not set). They run on embedded PGlite only,\n' +
      'which has one connection: gap-free seq under concurrent pushes and two servers sharing a database\n' +
      'are NOT proved. Run with TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to prove them.\n\n',
  )
}
