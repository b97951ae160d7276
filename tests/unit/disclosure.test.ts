import { describe, expect, it } from 'vitest'
import { aCase, refusalOf } from './support/matter-builder.ts'

const aDisclosure = (m: ReturnType<typeof aCase>, over: Record<string, unknown> = {}) => ({
  recipient: 'PC Dan Hughes',
  organisation: 'Hampshire Constabulary',
  purpose: 'Referral for a joint visit to the alleged perpetrator.',
  from: '2026-11-01',
  to: m.today,
  eventIds: m.events.map((e) => e.id),
  fileHashes: [],
  ...over,
})

describe('a partner pack is recorded as a disclosure', () => {
  it('records what was shared, with whom and why, without changing where the matter stands', () => {
    const m = aCase()
    const before = m.state()
    m.record('disclosureMade', aDisclosure(m, { includedThirdParties: [m.perpetratorId] }))
    expect(m.last().type).toBe('disclosureMade')
    expect({ ...m.state(), eventCount: 0, updatedAt: '' }).toEqual({ ...before, eventCount: 0, updatedAt: '' })
  })

  it('is refused for a period that ends before it starts, or starts in the future', () => {
    const m = aCase()
    expect(refusalOf(() => m.record('disclosureMade', aDisclosure(m, { from: '2026-11-10', to: '2026-11-01' }))).message).toBe(
      'The end of the period is before its start.',
    )
    expect(refusalOf(() => m.record('disclosureMade', aDisclosure(m, { from: '2027-01-01', to: '2027-01-02' }))).code).toBe('in_future')
  })

  it('names only parties of the matter as third parties shown', () => {
    const m = aCase()
    const other = '0190b3c1-0000-7000-8000-000000000000'
    expect(refusalOf(() => m.record('disclosureMade', aDisclosure(m, { includedThirdParties: [other] }))).code).toBe('unknown_party')
  })
})
