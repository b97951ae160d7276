import { describe, expect, it } from 'vitest'
import { cleanFileName } from '../../src/domain/files.ts'
import {
  findUnstorableText,
  longText,
  optionalText,
  shortText,
} from '../../src/domain/primitives.ts'

// Issue 14: text PostgreSQL cannot store (NUL, half of a surrogate pair) is refused where it is
// typed, with the field's own label, instead of failing in the database.

describe('text the database can store', () => {
  it.each([
    ['a lone high surrogate', 'Loud \uD83D music'],
    ['a lone low surrogate at the start', '\uDE00 Loud music'],
    ['a NUL character', 'Loud\u0000music'],
  ])('refuses %s in short, long and optional text, naming the field', (_what, text) => {
    for (const schema of [shortText('The name'), longText('The name'), optionalText('The name')]) {
      const parsed = schema.safeParse(text)
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues[0]?.message).toMatch(
        /^The name contains a character that cannot be stored/,
      )
    }
  })

  it('keeps whole emoji, accents and other scripts', () => {
    for (const text of ['Café 😀 noise', 'Zoë Ødegaard', '噪音', '👩‍👩‍👧 family']) {
      expect(shortText('The name').parse(text)).toBe(text)
    }
  })

  it('finds unstorable text anywhere in a value, keys included, and says where', () => {
    expect(findUnstorableText({ a: ['ok', { b: 'x\uD800' }] })).toEqual(['a', 1, 'b'])
    expect(findUnstorableText({ changes: { ['bad\u0000key']: 1 } })).toEqual([
      'changes',
      'bad\u0000key',
    ])
    expect(findUnstorableText({ a: 'fine 😀', n: 3, none: null })).toBeNull()
  })

  it('cuts a long file name without splitting an emoji in half', () => {
    const name = `${'a'.repeat(194)}😀😀.jpeg`
    const cleaned = cleanFileName(name)
    expect(cleaned.length).toBeLessThanOrEqual(200)
    expect(findUnstorableText(cleaned)).toBeNull()
    expect(cleaned.endsWith('.jpeg')).toBe(true)
  })
})
