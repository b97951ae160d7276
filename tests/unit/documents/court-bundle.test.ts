import { describe, expect, it } from 'vitest'
import { buildCourtBundle } from '../../../src/documents/court-bundle/build-court-bundle.ts'
import { aCase, manager } from '../support/matter-builder.ts'
import { bundleInput, onServer } from './support/bundle-input.ts'
import { pagesOf, pdfText } from './support/pdf-text.ts'

const chronologyOf = (text: string) => text.slice(text.indexOf('Chronology'))
const entryHeadings = (text: string) =>
  [...chronologyOf(text).matchAll(/Entry (\d+): ([^\n]+)/g)].map((m) => [Number(m[1]), m[2]])

/** A case with an intervention, a breach, a legal step, a MARAC meeting and a corrected diary entry. */
const aBusyCase = () => {
  const matter = aCase({ on: '2026-11-02' })
  const diary = matter.events.find((e) => e.type === 'diaryEntryRecorded')!
  matter.later(1).intervention('warning_letter', { complyBy: '2026-11-20' })
  const interventionId = matter.state().interventions[0]!.interventionId
  matter
    .later(2)
    .record('interventionBreached', {
      interventionId,
      occurredOn: matter.today,
      details: 'Music at 2am again.',
    })
  matter
    .later(1)
    .record('meetingHeld', {
      kind: 'marac',
      heldOn: matter.today,
      attendees: 'Police, housing',
      summary: 'Safety plan agreed for the victim.',
    })
  matter
    .later(1)
    .record('entryCorrected', {
      targetEventId: diary.id,
      reason: 'The complainant gave the right time.',
      changes: { what: 'Music at full volume from 01:00 to 03:30.' },
    })
  matter.later(1).legalDecision()
  matter.record('legalStepTaken', {
    kind: 'letter_before_action',
    stepId: matter.id(),
    partyIds: [matter.perpetratorId],
    servedOn: matter.today,
  })
  return { matter, diary }
}

describe('the court bundle', () => {
  it('shows every entry once, in the order things happened, attributed by name and role', async () => {
    const { matter } = aBusyCase()
    matter.as(manager).later(1).record('riskChangeNoted', { summary: 'Threats made at the door.' })
    const text = await pdfText(await buildCourtBundle(await bundleInput(matter)), true)
    const headings = entryHeadings(text)
    expect(headings.map(([n]) => n)).toEqual(headings.map((_, i) => i + 1))
    // Every event appears once: a correction has its own entry, beside its original.
    expect(headings).toHaveLength(matter.events.length)
    const chronology = chronologyOf(text)
    expect(chronology).toMatch(/Recorded by\s+Olivia Price \(officer\)/)
    expect(chronology).toMatch(/Recorded by\s+Maya Jones \(manager\)/)
    expect(chronology).not.toMatch(/a colleague/i)
    expect(chronology.indexOf('Intervention: ')).toBeLessThan(chronology.indexOf('Breach recorded'))
    expect(chronology.indexOf('Breach recorded')).toBeLessThan(chronology.indexOf('Legal step: '))
  })

  it('shows a correction straight after the entry it corrects, the original wording kept', async () => {
    const { matter } = aBusyCase()
    const headings = entryHeadings(await pdfText(await buildCourtBundle(await bundleInput(matter))))
    const diaryAt = headings.findIndex(([, title]) => title === 'Diary entry')
    expect(headings[diaryAt + 1]).toEqual([diaryAt + 2, `Correction of entry ${diaryAt + 1}`])
    const text = await pdfText(await buildCourtBundle(await bundleInput(matter)))
    expect(text).toContain('Music at full volume from 00:30 to 03:00.')
    expect(text).toContain('Music at full volume from 01:00 to 03:30.')
    expect(text).toContain('The complainant gave the right time.')
  })

  it('gives diary entries in full, risk answers, legal dates, and when each entry reached the server', async () => {
    const { matter } = aBusyCase()
    const events = onServer(matter, matter.events.length - 1)
    const text = await pdfText(await buildCourtBundle(await bundleInput(matter, { events })), true)
    expect(text).toContain('Could not sleep; missed work the next day.')
    expect(text).toMatch(/Risk level\s+Standard \(score \d+/)
    expect(text).toMatch(/Served on\s+\w{3} \d+ Nov 2026/)
    expect(text).toMatch(/Reached the server\s+Mon 2 Nov 2026 10:01/)
    expect(text).toMatch(/Reached the server\s+Not yet on the server/)
  })

  it('numbers every page "Page N of M" and prints the chain head on the cover', async () => {
    const { matter } = aBusyCase()
    const text = await pdfText(
      await buildCourtBundle(
        await bundleInput(matter, { chainHead: 'c0ffee'.repeat(10) + 'abcd' }),
      ),
      true,
    )
    const pages = pagesOf(text)
    expect(pages.length).toBeGreaterThan(2)
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`))
    expect(pages[0]).toMatch(
      new RegExp(
        `Chain head \\(SHA-256 of the matter’s record on the server\\)\\s+${'c0ffee'.repeat(10)}abcd`,
      ),
    )
    const pending = await pdfText(
      await buildCourtBundle(await bundleInput(matter, { chainHead: null })),
    )
    expect(pending).toContain('Not yet on the server (no chain head has been received)')
  })

  it('lists an entry private to the council that the officer left out, and only such entries can be', async () => {
    const { matter } = aBusyCase()
    const marac = matter.events.find((e) => e.type === 'meetingHeld')!
    const breach = matter.events.find((e) => e.type === 'interventionBreached')!
    const text = await pdfText(
      await buildCourtBundle(await bundleInput(matter, { leaveOut: [marac.id, breach.id] })),
      true,
    )
    expect(chronologyOf(text)).not.toContain('Safety plan agreed')
    expect(chronologyOf(text)).toContain('Music at 2am again.')
    const index = text.slice(text.indexOf('Index'), text.indexOf('Chronology'))
    expect(index.replace(/\s+/g, ' ')).toMatch(
      /Left out of this bundle \w{3} \d+ Nov 2026 \d\d:\d\d — Entry private to the council \(Meeting: marac\), recorded by Olivia Price \(officer\), left out by the officer\./,
    )
    expect(entryHeadings(text)).toHaveLength(matter.events.length - 1)
  })

  it('says so when the period has no entries, and lists each file with its full SHA-256', async () => {
    const { matter } = aBusyCase()
    const empty = await pdfText(
      await buildCourtBundle(
        await bundleInput(matter, { period: { from: '2025-01-01', to: '2025-01-31' } }),
      ),
      true,
    )
    expect(empty).toContain('No entries were recorded in this period.')
    expect(empty).toMatch(/Period covered\s+Wed 1 Jan 2025 to Fri 31 Jan 2025/)
    expect(entryHeadings(empty)).toEqual([])
    const sha256 = 'ab12'.repeat(16)
    matter.later(1).record('evidenceAdded', {
      evidenceId: matter.id(),
      kind: 'photo',
      description: 'Photo of the speakers on the balcony.',
      source: 'Complainant',
      obtainedOn: matter.today,
      independent: false,
      files: [{ sha256, size: 123_456, mediaType: 'image/jpeg', name: 'balcony.jpg' }],
    })
    const withFile = await pdfText(
      await buildCourtBundle(await bundleInput(matter, { missingFiles: [sha256] })),
      true,
    )
    const evidence = withFile.slice(withFile.lastIndexOf('Evidence files'))
    expect(evidence).toMatch(new RegExp(`SHA-256 ${sha256}`))
    expect(evidence).toContain('The file’s bytes were not held where this bundle was made.')
  })

  it(
    'makes a correct document of 5,000 entries with long, emoji and right-to-left text',
    { timeout: 300_000 },
    async () => {
      const matter = aCase({ on: '2026-01-05' })
      const long = `${'Shouting and banging on the wall. '.repeat(290)}😀 👨‍👩‍👧 שלום مرحبا`.slice(
        -10_000,
      )
      const incident = matter
        .later(1)
        .record('incidentRecorded', { happenedAt: matter.now, summary: long, reportedBy: 'Victim' })
        .last()
      // Copies of one checked incident: recording 5,000 through the guards refolds the matter each time.
      for (let i = 1; i < 4_990; i += 1) {
        const at = new Date(Date.parse(incident.occurredAt) + i * 3_600_000).toISOString()
        const summary = i % 500 === 0 ? long : `Incident ${i + 1}: music.`
        matter.events.push({
          ...incident,
          id: matter.id(),
          occurredAt: at,
          recordedAt: at,
          payload: { ...incident.payload, happenedAt: at, summary },
        } as typeof incident)
      }
      const text = await pdfText(await buildCourtBundle(await bundleInput(matter)))
      const headings = entryHeadings(text)
      expect(headings).toHaveLength(matter.events.length)
      expect(headings.at(-1)).toEqual([matter.events.length, 'Incident'])
      expect(text).toContain('Incident 4990: music.')
      // Right-to-left words come back in the order they were drawn: check the letters, not the word.
    expect(text).toMatch(/[\u0590-\u05FF]{4}/)
    expect(text).toMatch(/[\u0600-\u06FF]{5}/)
      expect(text).toContain('\uFFFD')
    },
  )
})
