import { describe, expect, it } from 'vitest'
import { automaticClosureEvent } from '../../src/domain/automatic-closure.ts'
import type { PayloadInput } from '../../src/domain/events.ts'
import { complainantContactable } from '../../src/domain/matter-state.ts'
import {
  aMatter,
  manager,
  officer,
  otherOfficer,
  refusalOf,
  system,
} from './support/matter-builder.ts'

// Stage 1 of the procedure: intake (R1), threshold (R2), neighbour advice (R3), contact attempts
// and the no-contact closure (R4), diary sheets and the no-evidence closure (R5).

const anonymousReport = (
  over: Partial<PayloadInput<'reportReceived'>> = {},
): PayloadInput<'reportReceived'> => ({
  channel: 'online_form',
  receivedAt: '2026-11-02T10:00:00.000Z',
  location: { address: 'Fleet Road car park' },
  category: 'rowdy_behaviour',
  description: 'Youths shouting and revving cars after midnight.',
  anonymous: true,
  ...over,
})

/** A named enquiry with three unanswered calls and the R4 letter sent on `sentOn`. */
const letterSentOn = (sentOn: string) =>
  aMatter().on(sentOn).reported().withPhoneAttempts(3).letterSent()

describe('R1 intake', () => {
  it('R1: a report needs what happened, where and what kind of ASB', () => {
    const refusal = aMatter().try('reportReceived', anonymousReport({ description: '  ' }))
    expect(refusal).toEqual({
      ok: false,
      refusal: { code: 'invalid', message: 'What happened is required.' },
    })
    expect(aMatter().try('reportReceived', anonymousReport()).ok).toBe(true)
  })

  it.each(['phone', 'drop_in', 'email'] as const)(
    'R1: a %s report cannot be anonymous',
    (channel) => {
      const refusal = refusalOf(() => aMatter().reported({ anonymous: true, channel }))
      expect(refusal).toEqual({
        code: 'invalid',
        message: 'Only reports made through the online form can be anonymous.',
      })
    },
  )

  it('R1: an anonymous report keeps no contact details: contact is not possible', () => {
    const withDetails = anonymousReport({
      complainant: { partyId: aMatter().id(), name: 'Pat', contact: { email: 'pat@example.com' } },
    })
    expect(aMatter().try('reportReceived', withDetails)).toEqual({
      ok: false,
      refusal: {
        code: 'invalid',
        message: 'An anonymous report keeps no details of the person reporting.',
      },
    })
    const state = aMatter().reported({ anonymous: true }).state()
    expect(state).toMatchObject({ anonymous: true, channel: 'online_form', parties: [] })
    expect(complainantContactable(state)).toBe(false)
  })

  it('R1: a named report needs at least one way to contact the complainant', () => {
    expect(refusalOf(() => aMatter().reported({ contact: {} }))).toEqual({
      code: 'invalid',
      message: 'Give at least one way to contact the complainant: phone, e-mail or address.',
    })
    const m = aMatter().reported({ channel: 'email', contact: { email: 'alex@example.com' } })
    expect(m.state().parties).toEqual([
      {
        partyId: m.complainantId,
        name: 'Alex Morgan',
        role: 'complainant',
        contact: { email: 'alex@example.com' },
      },
    ])
    expect(complainantContactable(m.state())).toBe(true)
  })

  it('R1: a further report is linked to the open matter instead of keyed twice', () => {
    const m = aMatter().reported()
    expect(m.try('reportReceived', anonymousReport()).ok).toBe(false)
    m.on('2026-11-05').record('reportLinked', {
      channel: 'phone',
      receivedAt: m.now,
      description: 'Same flat, music again until 3am.',
      reporter: { partyId: m.id(), name: 'Jo Neighbour', contact: { phone: '01252 600600' } },
    })
    expect(m.state()).toMatchObject({ linkedReports: 1, lastReportAt: '2026-11-05T10:00:00.000Z' })
    expect(m.state().parties.map((p) => p.role)).toEqual(['complainant', 'witness'])
  })
})

describe('R2 threshold', () => {
  it('R2: threshold not met closes the enquiry as insufficient information and asks to advise the complainant', () => {
    const m = aMatter().on('2026-12-24').reported().thresholdNotMet()
    expect(m.state()).toMatchObject({ phase: 'closed', threshold: { met: false } })
    expect(m.state().closure).toMatchObject({
      reason: 'insufficient_information',
      automatic: false,
      approvedBy: null,
    })
    // Two working days after Thursday 24 December 2026: not Christmas Day, the weekend or Boxing Day's Monday.
    expect(m.evaluate().dueActions).toEqual([
      expect.objectContaining({
        kind: 'advise_closure',
        rule: 'R2',
        dueOn: '2026-12-30',
        status: 'upcoming',
      }),
    ])
    m.on('2026-12-29').record('closureAdvised', { method: 'phone', advisedOn: '2026-12-29' })
    expect(m.evaluate().dueActions).toEqual([])
  })

  it('R2: no one to advise when the report was anonymous', () => {
    const m = aMatter().reported({ anonymous: true }).thresholdNotMet()
    expect(m.state().closure.reason).toBe('insufficient_information')
    expect(m.evaluate().dueActions).toEqual([])
  })

  // decisions.md "Closing an unassigned enquiry": the closing officer takes it on first.
  it('R2: an officer who closes an unassigned enquiry becomes its officer; without that the closure is refused', () => {
    const m = aMatter().as(manager).reported()
    const notMet = { met: false, reason: 'One party last summer.' } as const
    const withdrawn = { reason: 'withdrawn', rationale: 'The complainant withdrew.' } as const
    for (const refused of [m.as(officer).try('thresholdAssessed', notMet), m.as(otherOfficer).try('matterClosed', withdrawn)]) {
      expect(refused).toMatchObject({
        ok: false,
        refusal: { code: 'unassigned', message: 'Take the enquiry on (assign it to yourself) before closing it, so that it stays with you once closed.' },
      })
    }
    // Taking an open enquiry on, or a threshold that is met, needs no one first.
    expect(m.as(officer).try('thresholdAssessed', { ...notMet, met: true }).ok).toBe(true)
    // The way the device records it (the builder does the same): taken on, then closed.
    m.as(otherOfficer).thresholdNotMet()
    expect(m.events.map((e) => e.type)).toEqual(['reportReceived', 'matterAssigned', 'thresholdAssessed'])
    expect(m.state()).toMatchObject({ phase: 'closed', assignedOfficerId: otherOfficer.id })
  })

  it('R2: a manager closes an unassigned enquiry as it is: no officer is recorded', () => {
    const m = aMatter().reported().as(manager).record('matterClosed', { reason: 'withdrawn', rationale: 'Withdrawn.' })
    expect(m.events.map((e) => e.type)).toEqual(['reportReceived', 'matterClosed'])
    expect(m.state()).toMatchObject({ phase: 'closed', assignedOfficerId: null })
  })

  it('R2: an officer closing an enquiry already theirs, or another officer’s, is not asked to take it on', () => {
    const mine = aMatter().reported().assigned(officer).thresholdNotMet()
    expect(mine.events.map((e) => e.type)).toEqual(['reportReceived', 'matterAssigned', 'thresholdAssessed'])
    const theirs = aMatter(2).reported().as(manager).assigned(otherOfficer)
    expect(theirs.as(officer).try('matterClosed', { reason: 'withdrawn', rationale: 'Withdrawn.' }).ok).toBe(true)
  })

  it('R2: threshold met keeps the enquiry open, and the assessment is made in the enquiry only', () => {
    const m = aMatter().reported().assigned().thresholdMet()
    expect(m.state()).toMatchObject({ phase: 'enquiry', threshold: { met: true } })
    m.diarySheetsIssued()
    expect(refusalOf(() => m.thresholdNotMet()).code).toBe('wrong_phase')
  })
})

describe('R3 neighbour engagement', () => {
  const neighbourly = { neighbourOnly: true, lowLevel: true, neighboursHaveSpoken: false }

  it('R3: recommends speaking to the neighbour with the 10 tips when it is neighbour-only, low level and unspoken', () => {
    const m = aMatter().reported().thresholdMet(neighbourly)
    expect(m.evaluate().recommendations).toEqual([
      expect.objectContaining({
        rule: 'R3',
        title: 'Encourage the complainant to speak to their neighbour',
      }),
    ])
    expect(m.evaluate().recommendations[0]?.detail).toContain(
      '10 tips on speaking to your neighbours',
    )
  })

  it.each([
    ['not neighbour-only', { neighbourOnly: false }],
    ['not low level', { lowLevel: false }],
    ['the neighbours have spoken', { neighboursHaveSpoken: true }],
  ])('R3: no recommendation when %s', (_, change) => {
    expect(
      aMatter()
        .reported()
        .thresholdMet({ ...neighbourly, ...change })
        .evaluate().recommendations,
    ).toEqual([])
  })

  it('R3: records the advice, how and when; the enquiry stays open until the officer closes it as advice given', () => {
    const m = aMatter().reported().thresholdMet(neighbourly)
    expect(
      refusalOf(() => m.record('matterClosed', { reason: 'advice_given', rationale: 'Advised.' })),
    ).toEqual({
      code: 'advice_not_recorded',
      message: 'Record the neighbour advice given before closing for that reason.',
      rule: 'R3',
    })
    m.record('neighbourAdviceGiven', { method: 'visit', givenOn: '2026-11-02' })
    expect(m.state()).toMatchObject({
      phase: 'enquiry',
      neighbourAdvice: { method: 'visit', givenOn: '2026-11-02' },
    })
    expect(m.evaluate().recommendations).toEqual([])
    m.record('matterClosed', {
      reason: 'advice_given',
      rationale: 'Complainant will speak to the neighbour first.',
    })
    expect(m.state()).toMatchObject({
      phase: 'closed',
      closure: { reason: 'advice_given', approvedBy: null },
    })
  })
})

describe('R4 contact attempts', () => {
  it('R4: after three unanswered calls a due action asks for a letter or e-mail', () => {
    const m = aMatter().reported().withPhoneAttempts(2)
    expect(m.evaluate().dueActions).toEqual([])
    m.record('contactAttempted', { method: 'email', outcome: 'other' })
    expect(m.evaluate().dueActions).toEqual([])
    m.on('2026-11-04').withPhoneAttempts(1)
    expect(m.evaluate().dueActions).toEqual([
      expect.objectContaining({
        kind: 'send_contact_letter',
        rule: 'R4',
        dueOn: '2026-11-04',
        status: 'due',
      }),
    ])
    m.letterSent()
    expect(m.evaluate().dueActions).toEqual([])
  })

  it('R4: the letter is refused before three unanswered calls', () => {
    const m = aMatter().reported().withPhoneAttempts(2)
    expect(refusalOf(() => m.letterSent())).toEqual({
      code: 'phone_attempts_required',
      message: 'Try the complainant by phone three times first (2 so far).',
      rule: 'R4',
    })
  })

  // Worked by hand from the gov.uk bank holiday lists.
  it.each([
    // Fri 18 Dec 2026: 21–24 Dec (4), Christmas Fri 25 and Boxing Day's substitute Mon 28 skipped,
    // 29–31 Dec (7), New Year's Day Fri 1 Jan skipped, 4–6 Jan 2027 (10). GMT: ends at midnight UTC.
    ['over Christmas and New Year', '2026-12-18', '2027-01-06', '2027-01-07T00:00:00.000Z'],
    // Mon 30 Mar 2026: 31 Mar–2 Apr (3), Good Friday 3 Apr and Easter Monday 6 Apr skipped, 7–10 Apr (7),
    // 13–15 Apr (10). BST: the London day ends at 23:00 UTC.
    ['over Easter', '2026-03-30', '2026-04-15', '2026-04-15T23:00:00.000Z'],
    ['in an ordinary fortnight', '2026-11-02', '2026-11-16', '2026-11-17T00:00:00.000Z'],
  ])(
    'R4: closes the assessment after 10 working days without contact (%s)',
    (_, sentOn, deadline, closesAt) => {
      const m = letterSentOn(sentOn)
      expect(m.evaluate().automaticClosure).toEqual({
        rule: 'R4',
        reason: 'no_contact',
        deadline,
        closesAt,
      })
    },
  )

  it('R4: the closure is due exactly at the end of the tenth working day in London, not a minute before', () => {
    const m = letterSentOn('2026-03-30')
    expect(m.evaluate('2026-04-15T22:59:00.000Z').automaticClosureDue).toBeNull()
    expect(m.evaluate('2026-04-15T23:00:00.000Z').automaticClosureDue).toMatchObject({
      deadline: '2026-04-15',
    })

    const winter = letterSentOn('2026-12-18')
    expect(winter.evaluate('2027-01-06T23:59:00.000Z').automaticClosureDue).toBeNull()
    expect(winter.evaluate('2027-01-07T00:00:00.000Z').automaticClosureDue).toMatchObject({
      reason: 'no_contact',
    })
  })

  it('R4: the system records the closure as no contact once it is due', () => {
    const m = letterSentOn('2026-12-18').at('2027-01-07T06:00:00.000Z')
    const event = automaticClosureEvent(m.state(), m.now, 'server')
    expect(event).toMatchObject({
      actorId: 'system',
      occurredAt: '2027-01-07T00:00:00.000Z',
      recordedAt: m.now,
    })
    m.add(event, system)
    expect(m.state()).toMatchObject({
      phase: 'closed',
      closure: { reason: 'no_contact', automatic: true },
    })
    // No advise-the-complainant action: there was no contact to be had.
    expect(m.evaluate().dueActions).toEqual([])
  })

  it('R4: any successful contact stops the clock', () => {
    const m = letterSentOn('2026-11-02').on('2026-11-16').contactMade()
    expect(m.evaluate('2026-12-01T10:00:00.000Z')).toMatchObject({
      automaticClosure: null,
      automaticClosureDue: null,
    })
    expect(refusalOf(() => m.letterSent()).code).toBe('contact_established')
  })

  it('R4: instants with or without milliseconds are stored alike, so the latest contact is the latest in time', () => {
    const contact = { method: 'phone', direction: 'inbound', summary: 'She rang back.' } as const
    const m = aMatter().reported().at('2026-11-16T10:00:00.500Z').record('contactMade', contact)
    // From another client, written to the second: half a second EARLIER than the first contact.
    m.add({ ...m.propose('contactMade', contact), occurredAt: '2026-11-16T10:00:00Z' })

    expect(m.last().occurredAt).toBe('2026-11-16T10:00:00.000Z')
    // Compared as written, '…00Z' sorts after '…00.500Z'.
    expect(m.state().contact.lastContactAt).toBe('2026-11-16T10:00:00.500Z')
  })

  it('R4: contact made before three calls means no letter is needed', () => {
    const m = aMatter().reported().withPhoneAttempts(1).contactMade().withPhoneAttempts(2)
    expect(m.state().contact).toMatchObject({ established: true, failedPhoneAttempts: 1 })
    expect(m.evaluate().dueActions).toEqual([])
  })

  it('R4: not applicable to anonymous reports', () => {
    const m = aMatter().reported({ anonymous: true })
    // R1: there is no complainant to call, so a contact attempt must name who it was with.
    expect(refusalOf(() => m.withPhoneAttempts(1))).toMatchObject({ code: 'anonymous', rule: 'R1' })
    expect(m.evaluate().dueActions).toEqual([])
    expect(refusalOf(() => m.letterSent())).toMatchObject({ code: 'anonymous', rule: 'R4' })
    expect(m.evaluate('2027-06-01T10:00:00.000Z').automaticClosure).toBeNull()
  })
})

describe('R5 diary sheets', () => {
  it('R5: diary sheets are issued once the threshold is met, and move the matter into evidence', () => {
    const m = aMatter().reported().assigned()
    expect(refusalOf(() => m.diarySheetsIssued()).code).toBe('threshold_required')
    expect(refusalOf(() => m.diaryEntry()).code).toBe('diary_sheets_required')
    m.thresholdMet().diarySheetsIssued()
    expect(m.state()).toMatchObject({
      phase: 'evidence',
      diary: { sheetsIssuedOn: '2026-11-02', entries: 0 },
    })
  })

  it('R5: diary sheets wait for an officer to be assigned: past the enquiry no officer would see the matter', () => {
    const m = aMatter().as(manager).reported().thresholdMet()
    expect(refusalOf(() => m.diarySheetsIssued())).toEqual({
      code: 'unassigned',
      message: 'Assign the matter to an officer before issuing diary sheets.',
      rule: 'R5',
    })
    m.assigned(otherOfficer).as(otherOfficer).diarySheetsIssued()
    expect(m.state()).toMatchObject({ phase: 'evidence', assignedOfficerId: otherOfficer.id })
  })

  it.each([
    ['what happened', { what: '' }, 'What happened is required.'],
    [
      'the impact on the complainant',
      { impact: ' ' },
      'The impact on the complainant is required.',
    ],
  ])('R5: a diary entry needs %s', (_, change, message) => {
    const m = aMatter().reported().assigned().thresholdMet().diarySheetsIssued()
    const entry = {
      happenedAt: m.now,
      location: 'Flat 3',
      who: 'Neighbour',
      what: 'Music.',
      impact: 'No sleep.',
    }
    expect(m.try('diaryEntryRecorded', { ...entry, ...change })).toEqual({
      ok: false,
      refusal: { code: 'invalid', message },
    })
    expect(m.try('diaryEntryRecorded', entry).ok).toBe(true)
  })

  it('R5: closes automatically at the end of the 42nd day after the sheets were issued with no ASB recorded', () => {
    const m = aMatter()
      .reported()
      .assigned()
      .thresholdMet()
      .diarySheetsIssued('2026-11-02')
      .later(3)
      .diaryEntry({ recordsAsb: false })
    expect(m.evaluate().automaticClosure).toEqual({
      rule: 'R5',
      reason: 'no_evidence',
      deadline: '2026-12-14',
      closesAt: '2026-12-15T00:00:00.000Z',
    })
    expect(m.evaluate('2026-12-14T23:59:00.000Z').automaticClosureDue).toBeNull()
    m.at('2026-12-15T00:00:00.000Z').add(automaticClosureEvent(m.state(), m.now, 'server'), system)
    expect(m.state()).toMatchObject({
      phase: 'closed',
      closure: { reason: 'no_evidence', automatic: true },
    })
  })

  it.each([
    ['a diary entry that records ASB', (m: ReturnType<typeof aMatter>) => m.diaryEntry()],
    ['independent evidence', (m: ReturnType<typeof aMatter>) => m.independentEvidence()],
  ])('R5: %s stops the clock', (_, provide) => {
    const m = provide(aMatter().reported().assigned().thresholdMet().diarySheetsIssued('2026-11-02').later(40))
    expect(m.evaluate('2027-01-31T10:00:00.000Z')).toMatchObject({
      automaticClosure: null,
      automaticClosureDue: null,
    })
  })
})

describe('R4, R5: automatic closures are recorded once, by the system', () => {
  it('R4: automaticClosureEvent gives the same event, and the same id, every time', () => {
    const m = letterSentOn('2026-11-02')
    const first = automaticClosureEvent(m.state(), '2026-11-20T09:00:00.000Z', 'server')
    const again = automaticClosureEvent(m.state(), '2026-11-20T09:00:00.000Z', 'server')
    const elsewhere = automaticClosureEvent(m.state(), '2026-11-21T09:00:00.000Z', 'tablet-7')
    expect(first).not.toBeNull()
    expect(again).toEqual(first)
    expect(elsewhere?.id).toBe(first?.id)
    expect(letterSentOn('2026-11-03').evaluate().automaticClosure?.deadline).toBe('2026-11-17')
    expect(
      automaticClosureEvent(
        letterSentOn('2026-11-03').state(),
        '2026-11-20T09:00:00.000Z',
        'server',
      )?.id,
    ).not.toBe(first?.id)
  })

  it('R4: nothing to record before the deadline', () => {
    expect(
      automaticClosureEvent(
        letterSentOn('2026-11-02').state(),
        '2026-11-16T23:59:00.000Z',
        'server',
      ),
    ).toBeNull()
  })

  it('R5: the server accepts the system closure only when it is due, and only once', () => {
    const m = aMatter().reported().assigned().thresholdMet().diarySheetsIssued('2026-11-02')
    const event = automaticClosureEvent(m.state(), '2026-12-15T00:00:00.000Z', 'server')
    expect(m.check(event, system, '2026-12-14T23:59:00.000Z')).toEqual({
      ok: false,
      refusal: { code: 'not_due', message: 'No automatic closure is due on this matter now.' },
    })
    expect(m.check(event, system, '2026-12-15T00:00:00.000Z').ok).toBe(true)
    m.at('2026-12-15T00:00:00.000Z').add(event, system)
    expect(m.check(event, system).ok).toBe(false)
  })

  it('R4: a person cannot record an automatic closure, and the system records nothing else', () => {
    const m = letterSentOn('2026-11-02').at('2026-11-20T09:00:00.000Z')
    const event = automaticClosureEvent(m.state(), m.now, 'server')
    for (const person of [officer, manager]) {
      expect(m.check({ ...event, actorId: person.id }, person)).toMatchObject({
        ok: false,
        refusal: { code: 'automatic_only' },
      })
      const byHand = m
        .as(person)
        .try('matterClosed', { reason: 'no_contact', rationale: 'Never called back.' })
      expect(byHand).toMatchObject({ ok: false, refusal: { code: 'automatic_only' } })
    }
    const systemNote = m
      .as(system)
      .try('contactAttempted', { method: 'phone', outcome: 'no_answer' })
    expect(systemNote).toMatchObject({ ok: false, refusal: { code: 'role' } })
  })
})
