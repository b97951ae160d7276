// A screen's first read, started at start-up beside the device database's other reads instead of
// after the screen has rendered "Loading…" and subscribed (issue 5: offline cold start). The screen
// takes the result, once, as its live query's first value; the live query then keeps it current.

const reads = new Map<string, { value: unknown; ready: boolean }>()

/** Starts `read` under `key`; resolves when it has finished, whether it worked or not. */
export function startFirstRead(key: string, read: () => Promise<unknown>): Promise<void> {
  const entry = { value: undefined as unknown, ready: false }
  reads.set(key, entry)
  return read().then(
    (value) => {
      entry.value = value
      entry.ready = true
    },
    // A failed first read is only a lost head start: the screen's own live query reads again and
    // shows what goes wrong.
    () => {
      reads.delete(key)
    },
  )
}

/** The result of the read started under `key`, if it has finished; a second call gets nothing. */
export function takeFirstRead<T>(key: string): T | undefined {
  const entry = reads.get(key)
  if (!entry?.ready) return undefined
  reads.delete(key)
  return entry.value as T
}
