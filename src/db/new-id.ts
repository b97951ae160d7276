import { monotonicUuidV7 } from '../domain/ids.ts'

// One id source for the whole device, so ids sort in the order entries were made.
const nextId = monotonicUuidV7(() => crypto.getRandomValues(new Uint8Array(10)))

export function newId(now: string): string {
  return nextId(Date.parse(now))
}
