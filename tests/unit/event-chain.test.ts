import { describe, expect, it } from 'vitest'
import type { ChainedEvent } from '../../src/domain/chain-check.ts'
import { checkChain } from '../../src/domain/chain-check.ts'
import type { ChainRecord } from '../../src/domain/event-chain.ts'
import { canonicalJson, genesisHash, nextLink } from '../../src/domain/event-chain.ts'
import { aMatter } from './support/matter-builder.ts'

// The tamper-evident chain's definition (domain/event-chain.ts): canonical JSON, the link, and
// the device's check of what it holds.

describe('canonical JSON', () => {
  it('is the same text whatever order the keys came in, with no whitespace', () => {
    const a = { type: 'contactMade', payload: { notes: 'x', method: 'phone' }, seq: 3 }
    const b = { seq: 3, payload: { method: 'phone', notes: 'x' }, type: 'contactMade' }
    expect(canonicalJson(a)).toBe('{"payload":{"method":"phone","notes":"x"},"seq":3,"type":"contactMade"}')
    expect(canonicalJson(b)).toBe(canonicalJson(a))
  })

  it('sorts keys by UTF-16 code units, as RFC 8785 does (not by locale or code point)', () => {
    // RFC 8785 section 3.2.3's own example: the emoji (a surrogate pair, 0xD83D…) sorts before
    // U+FB33, though its code point is higher.
    const value = { '\u20ac': 'Euro', '\r': 'CR', '\ufb33': 'Hebrew', '1': 'One', '\ud83d\ude00': 'Smiley', '\u0080': 'Control', '\u00f6': 'Latin' }
    // Read from the text: Object.keys would put the integer-like key '1' first whatever the text.
    const keys = [...canonicalJson(value).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`) as string)
    expect(keys).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'])
    expect(canonicalJson({ b: 1, B: 2, a: 3 })).toBe('{"B":2,"a":3,"b":1}')
  })

  it('keeps arrays in their order and nests', () => {
    expect(canonicalJson([3, 1, { z: [], y: {} }])).toBe('[3,1,{"y":{},"z":[]}]')
  })

  it('writes unicode as itself: emoji, right-to-left text, and escapes only what JSON must', () => {
    expect(canonicalJson({ t: 'Noise 😡 — ضوضاء ليلية' })).toBe('{"t":"Noise 😡 — ضوضاء ليلية"}')
    expect(canonicalJson('tab\tquote"back\\slash\u0001')).toBe('"tab\\tquote\\"back\\\\slash\\u0001"')
    // A lone surrogate cannot be UTF-8: it is escaped, so the bytes hashed are always valid.
    expect(canonicalJson('\ud800')).toBe('"\\ud800"')
  })

  it('writes numbers as ECMAScript does (RFC 8785 number vectors)', () => {
    expect(canonicalJson([1.0, 4.5, 2e-3, 1e30, 1e-27, -0, Number('333333333.33333329'), 9007199254740991])).toBe(
      '[1,4.5,0.002,1e+30,1e-27,0,333333333.3333333,9007199254740991]',
    )
  })

  it('leaves out undefined properties as JSON does, and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: null, c: [undefined] })).toBe('{"b":null,"c":[null]}')
    expect(() => canonicalJson({ n: Number.NaN })).toThrow()
    expect(() => canonicalJson({ n: Infinity })).toThrow()
    expect(() => canonicalJson({ n: 10n })).toThrow()
  })

  it('gives back what JSON.parse reads from it', () => {
    const value = { b: [1, 'two', null, true], a: { d: 'é', c: 0.1 } }
    expect(JSON.parse(canonicalJson(value))).toEqual(value)
  })
})

describe('the chain link', () => {
  const record: ChainRecord = { id: 'e1', matterId: 'm1', payload: { notes: 'Büro 😀' }, seq: 7, receivedAt: '2026-12-05T10:00:00.000Z' }

  it('is SHA-256 of the previous link followed by the canonical JSON, as UTF-8 hex', async () => {
    // Written out by hand, so a change to the definition cannot pass unnoticed.
    const text = `${genesisHash}{"id":"e1","matterId":"m1","payload":{"notes":"Büro 😀"},"receivedAt":"2026-12-05T10:00:00.000Z","seq":7}`
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
    const expected = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
    expect(await nextLink(genesisHash, record)).toBe(expected)
    expect(genesisHash).toBe('0'.repeat(64))
  })
})

describe('a device checking its copy of a matter against the chain', () => {
  async function chained(): Promise<ChainedEvent[]> {
    const events = aMatter().reported().assigned().withPhoneAttempts(3).contactMade().events
    let previous = genesisHash
    const out: ChainedEvent[] = []
    for (const [i, e] of events.entries()) {
      const stored = { ...e, seq: 10 + 3 * i, receivedAt: '2026-11-02T10:05:00.000Z' }
      previous = await nextLink(previous, stored)
      out.push({ ...stored, hash: previous })
    }
    return out
  }

  it('reproduces the head the server sent, whatever order the events are held in', async () => {
    const events = await chained()
    const check = await checkChain([...events].reverse())
    expect(check).toEqual({ status: 'verified', head: events.at(-1)!.hash, entries: events.length, unsent: 0 })
  })

  it('counts entries not yet sent apart: they are not in the chain yet', async () => {
    const events = await chained()
    const pending = { ...events[0]!, id: 'pending-1', seq: null, hash: undefined, receivedAt: undefined }
    const check = await checkChain([...events, pending])
    expect(check).toMatchObject({ status: 'verified', unsent: 1 })
  })

  it('names the entry whose content was changed on the device', async () => {
    const events = await chained()
    const altered = events.map((e, i) => (i === 2 ? { ...e, occurredAt: '2026-11-01T09:00:00.000Z' } : e))
    const check = await checkChain(altered)
    expect(check).toMatchObject({ status: 'broken', eventId: events[2]!.id, seq: events[2]!.seq })
    expect(check.status === 'broken' && check.reason).toMatch(/^entry 3 of 6, recorded Mon 2 Nov 2026, differs/)
  })

  it('notices an entry missing from the device', async () => {
    const events = await chained()
    const check = await checkChain(events.filter((_, i) => i !== 1))
    expect(check).toMatchObject({ status: 'broken', eventId: events[2]!.id })
  })

  it('says it cannot verify events that came before the server kept a chain', async () => {
    const events = await chained()
    const old = events.map(({ hash: _h, receivedAt: _r, ...e }) => e)
    const check = await checkChain(old)
    expect(check).toMatchObject({ status: 'unverified' })
    expect(check.status === 'unverified' && check.reason).toMatch(/^6 entries came to this device without/)
    expect(await checkChain([])).toMatchObject({ status: 'unverified' })
  })
})
