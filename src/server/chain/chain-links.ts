import { createHash } from 'node:crypto'
import type { ChainRecord } from '../../domain/event-chain.ts'
import { chainInput } from '../../domain/event-chain.ts'

// The server's side of the chain of domain/event-chain.ts: the same bytes hashed with
// node:crypto, which hashes a small input synchronously and several times faster than WebCrypto's
// promise per event (a push links every event it accepts). tests/unit/event-chain.test.ts checks
// that both give the same link.

export function linkAfter(previous: string, record: ChainRecord): string {
  return createHash('sha256').update(chainInput(previous, record), 'utf8').digest('hex')
}

/** The record of a stored event: its body with the server's seq and arrival time. */
export function recordOf(body: object, seq: number, receivedAt: string): ChainRecord {
  return { ...body, seq, receivedAt }
}

/**
 * `received_at` as the text the chain hashes: UTC to the millisecond, as toISOString writes the
 * instant the event log stores (event-log.ts), so what is read back is what was hashed.
 */
export const receivedAtText = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
