import { describe, expect, it } from 'vitest'
import { buildPartnerPack } from '../../../src/documents/partner-pack/build-partner-pack.ts'
import type { PartnerPackInput } from '../../../src/documents/partner-pack/partner-pack-input.ts'
import { aCase } from '../support/matter-builder.ts'
import { onServer, staff } from './support/bundle-input.ts'
import { pdfText, testFonts } from './support/pdf-text.ts'

const photo = 'cd34'.repeat(16)
const video = 'ef56'.repeat(16)

const aCaseWithEvidence = () => {
  const m = aCase({ on: '2026-11-02' })
  m.record('partyAdded', {
    partyId: m.id(),
    role: 'witness',
    name: 'Wendy Hart',
    contact: { phone: '07700 900123' },
  })
  m.later(1).record('evidenceAdded', {
    evidenceId: m.id(),
    kind: 'photo',
    description: 'Speakers on the balcony.',
    source: 'Complainant',
    obtainedOn: m.today,
    independent: false,
    files: [
      { sha256: photo, size: 2_000, mediaType: 'image/jpeg', name: 'balcony.jpg' },
      { sha256: video, size: 9_000, mediaType: 'video/mp4', name: 'night.mp4' },
    ],
  })
  m.later(1).record('meetingHeld', {
    kind: 'marac',
    heldOn: m.today,
    attendees: 'Police, housing',
    summary: 'Safety plan agreed.',
  })
  m.later(1).record('incidentRecorded', {
    happenedAt: m.now,
    summary: 'Shouting in the stairwell.',
    reportedBy: 'Victim',
  })
  return m
}

const packInput = async (
  m: ReturnType<typeof aCase>,
  over: Partial<PartnerPackInput> = {},
): Promise<PartnerPackInput> => ({
  fonts: await testFonts(),
  councilName: 'Hart District Council',
  events: onServer(m),
  staff,
  period: { from: '2026-11-02', to: '2026-11-04' },
  recipient: 'PC Dan Hughes',
  organisation: 'Hampshire Constabulary',
  purpose: 'Joint visit to the alleged perpetrator.',
  evidence: [photo],
  includeThirdParties: [],
  producedBy: staff['officer-1'],
  producedAt: '2026-12-05T14:05:00.000Z',
  ...over,
})

describe('the partner case pack', () => {
  it('redacts third parties unless the officer includes them, and never shares a MARAC entry', async () => {
    const m = aCaseWithEvidence()
    const pack = await buildPartnerPack(await packInput(m))
    const text = await pdfText(pack.pdf)
    expect(text).toContain('Alex Morgan')
    expect(text).not.toContain('Sam Reed')
    expect(text).not.toContain('Wendy Hart')
    expect(text).not.toContain('07700 900123')
    expect(text).toContain('[redacted]')
    expect(text).not.toContain('Safety plan agreed.')
    expect(pack.json).not.toContain('Sam Reed')

    const shared = await buildPartnerPack(
      await packInput(m, { includeThirdParties: [m.perpetratorId] }),
    )
    expect(await pdfText(shared.pdf)).toContain('Sam Reed')
    expect(shared.disclosure.includedThirdParties).toEqual([m.perpetratorId])
  })

  it('has the chronology between the chosen dates and only the chosen evidence, and records what it shared', async () => {
    const m = aCaseWithEvidence()
    const pack = await buildPartnerPack(await packInput(m))
    const text = await pdfText(pack.pdf)
    expect(text).toContain(`SHA-256 ${photo}`)
    expect(text).not.toContain(video)
    expect(text).not.toContain('Shouting in the stairwell.')
    const json = JSON.parse(pack.json) as {
      chronology: { title: string }[]
      evidence: { sha256: string }[]
    }
    expect(json.evidence.map((f) => f.sha256)).toEqual([photo])
    const shownIds = m.events
      .filter((e) => e.type !== 'meetingHeld' && e.type !== 'incidentRecorded')
      .map((e) => e.id)
    expect(pack.disclosure).toMatchObject({
      recipient: 'PC Dan Hughes',
      organisation: 'Hampshire Constabulary',
      from: '2026-11-02',
      to: '2026-11-04',
      fileHashes: [photo],
    })
    expect([...pack.disclosure.eventIds].sort()).toEqual([...shownIds].sort())
    expect(json.chronology).toHaveLength(shownIds.length)
    // The pack's own record passes the domain's checks.
    m.record('disclosureMade', pack.disclosure)
    expect(m.last().type).toBe('disclosureMade')
  })
})
