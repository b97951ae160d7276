// Structured logs: one JSON object a line on stdout, for a log shipper to read. Callers pass
// only what is safe to keep: ids, route patterns, statuses, timings, counts. Never bodies,
// names, tokens or raw URLs (a query string or a path can carry personal data).

export type LogEntry = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>
export type Log = (entry: LogEntry) => void

export function jsonLog(write: (line: string) => void = (line) => process.stdout.write(line)): Log {
  return (entry) => write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`)
}

/** For tests, and for tools whose output is for a person. */
export const silentLog: Log = () => undefined

/** What is safe to log about an error: its kind and code, not values that may quote personal data. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error }
  const code = (error as { code?: unknown }).code
  return {
    error: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    stack: error.stack?.split('\n').slice(0, 6).join('\n'),
  }
}
