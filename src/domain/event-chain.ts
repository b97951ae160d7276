// The tamper-evident chain of a matter's events (DESIGN.md "Tamper evidence and the court
// bundle"), defined once for the server that keeps it and the devices that check it.
//
// For the reader who has to vouch for it (a council lawyer's expert):
//
// - Each matter has its own chain. Its events are taken in the order the server stored them
//   (their `seq`, a gap-free number the server gives every event it accepts).
// - The record of an event is the event exactly as the server stored it and as the server sends
//   it to devices: its body (id, matter, type, payload, who recorded it, on which device, when it
//   happened, when it was recorded) together with `seq` and `receivedAt` (when it reached the
//   server). So the order and the server's own timestamp are covered as well as the content.
// - The record is written as canonical JSON (`canonicalJson` below): object keys sorted by their
//   UTF-16 code units, no whitespace, strings and numbers written as JavaScript's JSON.stringify
//   writes them. That is the JSON Canonicalization Scheme of RFC 8785 for the values events hold
//   (strings, finite numbers, booleans, null, arrays, objects). The same value always gives the
//   same bytes, whatever order its keys arrived in and however the database keeps its text.
// - link = SHA-256( previous link as 64 lowercase hex characters, followed by the record's
//   canonical JSON, all encoded as UTF-8 ), written as 64 lowercase hex characters. The first
//   event's "previous link" is `genesisHash` (64 zeros).
// - The matter's head is the link of its last event. Changing, removing, inserting or reordering
//   any stored event changes every link from that point on, so a head printed in a court bundle
//   (or held by a device) can no longer be reproduced from the altered events.
//
// Why the record is stable: the server stores the body as the JSON text of the event it
// accepted, sends that same body in a pull (with `seq`, `receivedAt` and `hash` beside it), and
// never rewrites it: events are immutable facts, corrections are new events. `receivedAt` is kept
// to the millisecond, as `Date.prototype.toISOString` writes it.

export const genesisHash = '0'.repeat(64)

export const hashPattern = /^[0-9a-f]{64}$/

/** What is hashed for one event: the stored body with the server's `seq` and `receivedAt`. */
export type ChainRecord = { seq: number; receivedAt: string } & Record<string, unknown>

/**
 * RFC 8785-style canonical JSON. Keys whose value is `undefined` are left out and `undefined` in
 * an array becomes null, as JSON.stringify does; a value JSON cannot carry (a function, a bigint,
 * NaN, Infinity) is a bug in the caller and throws.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as JSON.`)
      return JSON.stringify(value)
    case 'object':
      if (Array.isArray(value))
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
      return canonicalObject(value as Record<string, unknown>)
    default:
      throw new Error(`Cannot write a ${typeof value} as JSON.`)
  }
}

function canonicalObject(value: Record<string, unknown>): string {
  // The default sort compares UTF-16 code units, the order RFC 8785 asks for (not localeCompare).
  // A loop rather than filter/map/join: a push links every event, and verify a council's worth.
  let out = '{'
  for (const key of Object.keys(value).sort()) {
    const v = value[key]
    if (v === undefined) continue
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`
  }
  return `${out}}`
}

/** The text whose UTF-8 bytes are hashed into the link after `previous`. */
export function chainInput(previous: string, record: ChainRecord): string {
  return previous + canonicalJson(record)
}

/** The record of an event as a device or the server holds it: its fields, minus the link itself. */
export function chainRecordOf(event: Record<string, unknown> & { seq: number; receivedAt: string }): ChainRecord {
  const { hash: _hash, ...record } = event
  return record
}

/** The next link, with WebCrypto (browsers and Node alike). The server may hash `chainInput` itself. */
export async function nextLink(previous: string, record: ChainRecord): Promise<string> {
  const bytes = new TextEncoder().encode(chainInput(previous, record))
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return hex(new Uint8Array(digest))
}

function hex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}
