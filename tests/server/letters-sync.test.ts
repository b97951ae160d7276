// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { aMatter, officer, proposed } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import { testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// Issue 13: the letter a step sent travels with it and comes back word for word; the server
// checks the letter rules again (R1), whatever the device did.

const letterOf = (text: string) => ({ templateId: 'r3-neighbour-advice', templateVersion: 1, title: 'Advice on speaking to your neighbour (10 tips)', text })

describe.each(testDrivers)('letters through sync on $name', (driver) => {
  const { storage } = useDatabase(driver)

  it('R3: a step keeps its 50,000-character letter, emoji and right-to-left text included, exactly as sent', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const text = `Dear Alex Morgan, 👋 שלום مرحبا\n\n${'Please speak to your neighbour. '.repeat(1_560)}`.slice(0, 50_000).trimEnd()
    const m = aMatter().on('2026-11-02').reported()
    const advice = proposed(m, officer, 'neighbourAdviceGiven', { method: 'letter', givenOn: '2026-11-02', letter: letterOf(text) })
    const results = await s.push(token, [...m.events, advice])
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted'])
    const pulled = await s.pullAll(token)
    const back = pulled.events.find((e) => e.id === advice.id)
    expect(back?.payload).toMatchObject({ letter: { templateId: 'r3-neighbour-advice', templateVersion: 1, text } })
  })

  it('R1: a letter to the complainant of an anonymous report is refused by the server; the rest of the batch is kept', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = aMatter().on('2026-11-02').reported({ anonymous: true })
    const withLetter = proposed(m, officer, 'neighbourAdviceGiven', { method: 'letter', givenOn: '2026-11-02', letter: letterOf('Dear resident,') })
    const without = proposed(m, officer, 'neighbourAdviceGiven', { method: 'visit', givenOn: '2026-11-02' })
    const results = await s.push(token, [...m.events, withLetter, without])
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted'])
    expect(results[1]).toMatchObject({ reason: { code: 'anonymous_letter', rule: 'R1' } })
  })
})
