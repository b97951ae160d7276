import { randomBytes } from 'node:crypto'
import { uuidV7 } from '../domain/ids.ts'

/** A fresh UUIDv7, the same kind of id devices make for events and matters. */
export function newId(now: Date): string {
  return uuidV7(now.getTime(), randomBytes(10))
}
