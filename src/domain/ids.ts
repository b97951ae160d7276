// Event and matter ids are made on the device, offline: UUIDv7 (RFC 9562), time-ordered so
// IndexedDB and PostgreSQL indexes stay append-friendly. Randomness comes in as an argument to
// keep the domain pure; callers pass crypto.getRandomValues.

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

function format(bytes: Uint8Array): string {
  const h = hex(bytes)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export function uuidV7(unixMs: number, random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('uuidV7 needs 10 random bytes')
  const bytes = new Uint8Array(16)
  let ms = Math.floor(unixMs)
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256
    ms = Math.floor(ms / 256)
  }
  bytes.set(random.subarray(0, 10), 6)
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f)
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f)
  return format(bytes)
}

/**
 * A UUIDv7 source whose ids always sort in the order they were made, even several within one
 * millisecond (RFC 9562 method 3: the clock is kept monotonic and bumped by 1 ms on a tie). The
 * device's outbox is pushed in id order, so a report made in the same millisecond as its
 * assignment must still come first.
 */
export function monotonicUuidV7(random: () => Uint8Array): (unixMs: number) => string {
  let last = 0
  return (unixMs) => {
    last = Math.max(Math.floor(unixMs), last + 1)
    return uuidV7(last, random())
  }
}

/**
 * A UUIDv8 derived from a name: the same name always gives the same id. The server and any
 * device that records the same automatic step (R4, R5) make the same event id, so the sync's
 * idempotency stores it once. FNV-1a over four lanes: not cryptographic, and need not be.
 */
export function uuidFromName(name: string): string {
  const lanes = [0x811c9dc5, 0x01000193 ^ 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35]
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul((lanes[l] ?? 0) ^ (c + l * 31), 0x01000193) >>> 0
  }
  const bytes = new Uint8Array(16)
  lanes.forEach((v, l) => {
    for (let b = 0; b < 4; b++) bytes[l * 4 + b] = (v >>> (24 - b * 8)) & 0xff
  })
  bytes[6] = 0x80 | ((bytes[6] ?? 0) & 0x0f)
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f)
  return format(bytes)
}
