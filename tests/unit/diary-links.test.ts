import { describe, expect, it } from 'vitest'
import { diaryLinkActor, diaryLinkWorks } from '../../src/domain/diary-links.ts'
import type { PayloadInput } from '../../src/domain/events.ts'
import { aMatter, officer, refusalOf } from './support/matter-builder.ts'

// The complainant's own diary by private link (DESIGN.md): the link is issued as diary sheets
// (R5), entries sent from it are diary entries in the link's name, and a revoked link or a closed
// matter takes no more.

const hashOf = (n: number) => n.toString(16).padStart(64, '0')

function withLink(issuedOn = '2026-11-02') {
  const m = aMatter().reported().assigned().thresholdMet()
  const linkId = m.id()
  m.on(issuedOn).record('diarySheetsIssued', {
    issuedOn,
    method: 'private_link',
    link: { linkId, tokenHash: hashOf(1), partyId: m.complainantId },
  })
  return { m, linkId }
}

const entry = (
  at: string,
  over: Partial<PayloadInput<'diaryEntryRecorded'>> = {},
): PayloadInput<'diaryEntryRecorded'> => ({
  happenedAt: at,
  location: 'Outside my front door',
  who: 'The man from number 14',
  what: 'Shouting and kicking the door at 2am.',
  impact: 'I could not sleep and I am scared to go out.',
  ...over,
})

describe('private diary links (R5)', () => {
  it('R5: issuing diary sheets by private link moves the matter into evidence and keeps the link, not its token', () => {
    const { m, linkId } = withLink()
    const state = m.state()
    expect(state.phase).toBe('evidence')
    expect(state.diary.links).toEqual([
      { linkId, partyId: m.complainantId, issuedOn: '2026-11-02', revokedAt: null },
    ])
    expect(JSON.stringify(state)).not.toContain(hashOf(1))
  })

  it('R5: a link needs its hash, and only a private link carries one', () => {
    const m = aMatter().reported().assigned().thresholdMet()
    expect(m.try('diarySheetsIssued', { issuedOn: m.today, method: 'private_link' }).ok).toBe(false)
    const link = { linkId: m.id(), tokenHash: hashOf(2) }
    expect(m.try('diarySheetsIssued', { issuedOn: m.today, method: 'post', link }).ok).toBe(false)
    expect(
      m.try('diarySheetsIssued', { issuedOn: m.today, method: 'private_link', link: { linkId: m.id(), tokenHash: 'abc' } }).ok,
    ).toBe(false)
  })

  it('R5: issuing again (a new link after a lost one) does not restart the 42-day clock', () => {
    const { m } = withLink('2026-11-02')
    m.later(20).record('diarySheetsIssued', {
      issuedOn: m.today,
      method: 'private_link',
      link: { linkId: m.id(), tokenHash: hashOf(3) },
    })
    expect(m.state().diary.sheetsIssuedOn).toBe('2026-11-02')
    expect(m.evaluate().automaticClosure?.deadline).toBe('2026-12-14')
  })

  it('R5: an entry sent from the link is a diary entry in the link’s name, and it stops the six-week clock', () => {
    const { m, linkId } = withLink('2026-11-02')
    m.later(10).as(diaryLinkActor(linkId)).record('diaryEntryRecorded', entry(m.now, { viaLinkId: linkId }))
    expect(m.last().actorId).toBe(`diary-link:${linkId}`)
    expect(m.state().diary).toMatchObject({ entries: 1, asbEntries: 1 })
    expect(m.evaluate('2027-01-31T10:00:00.000Z').automaticClosure).toBeNull()
  })

  it('a link only sends diary entries, only as itself; an officer cannot claim an entry came from a link', () => {
    const { m, linkId } = withLink()
    const link = diaryLinkActor(linkId)
    expect(refusalOf(() => m.as(link).record('diaryEntryRecorded', entry(m.now)))).toMatchObject({ code: 'link_only' })
    const other = diaryLinkActor(m.id())
    expect(refusalOf(() => m.as(other).record('diaryEntryRecorded', entry(m.now, { viaLinkId: linkId })))).toMatchObject({
      code: 'link_only',
    })
    expect(refusalOf(() => m.as(officer).record('diaryEntryRecorded', entry(m.now, { viaLinkId: linkId })))).toMatchObject({
      code: 'link_only',
    })
    expect(refusalOf(() => m.as(link).record('contactMade', { method: 'phone', direction: 'inbound', summary: 'Hi' }))).toMatchObject({
      code: 'role',
    })
  })

  it('R5: a revoked link takes no more entries; it can be revoked once, and only on its own matter', () => {
    const { m, linkId } = withLink()
    m.as(officer).record('diaryLinkRevoked', { linkId, reason: 'Phone lost.' })
    expect(m.state().diary.links?.[0]?.revokedAt).toBe(m.now)
    expect(diaryLinkWorks(m.state(), linkId)).toBe(false)
    expect(
      refusalOf(() => m.as(diaryLinkActor(linkId)).record('diaryEntryRecorded', entry(m.now, { viaLinkId: linkId }))),
    ).toMatchObject({ code: 'link_ended', rule: 'R5' })
    expect(refusalOf(() => m.as(officer).record('diaryLinkRevoked', { linkId }))).toMatchObject({ code: 'link_revoked' })
    expect(refusalOf(() => m.record('diaryLinkRevoked', { linkId: m.id() }))).toMatchObject({ code: 'unknown_link' })
  })

  it('a link ends when its matter closes', () => {
    const { m, linkId } = withLink()
    m.record('matterClosed', { reason: 'insufficient_information', rationale: 'Moved away.' })
    expect(diaryLinkWorks(m.state(), linkId)).toBe(false)
  })

  it('a correction cannot change who sent an entry or which link was issued', () => {
    const { m, linkId } = withLink()
    const issued = m.last()
    m.as(diaryLinkActor(linkId)).record('diaryEntryRecorded', entry(m.now, { viaLinkId: linkId }))
    const sent = m.last()
    const correct = (targetEventId: string, changes: Record<string, unknown>) =>
      refusalOf(() => m.as(officer).record('entryCorrected', { targetEventId, reason: 'Mistake.', changes }))
    expect(correct(sent.id, { viaLinkId: m.id() }).code).toBe('not_correctable')
    expect(correct(issued.id, { method: 'post' }).code).toBe('not_correctable')
  })

  it('a state saved before links existed reads as having none', () => {
    const { m, linkId } = withLink()
    const { links: _links, ...oldDiary } = m.state().diary
    expect(diaryLinkWorks({ ...m.state(), diary: oldDiary }, linkId)).toBe(false)
  })
})
