import { describe, expect, it } from 'vitest'
import { addWorkingDays } from '../../src/domain/calendar.ts'
import { demoCouncil } from '../../src/domain/council-details.ts'
import { contactDeadline } from '../../src/domain/deadlines.ts'
import { maxLetterChars } from '../../src/domain/letter-sent.ts'
import type { LetterTemplate } from '../../src/documents/letters/letter-template.ts'
import { checkTemplate } from '../../src/documents/letters/letter-template.ts'
import type { LetterContext, StepFacts } from '../../src/documents/letters/letter-values.ts'
import { letterValues } from '../../src/documents/letters/letter-values.ts'
import { draftLetter, finalTextProblem, sentLetter } from '../../src/documents/letters/fill-letter.ts'
import { letterNotPossible, templatesFor } from '../../src/documents/letters/letters-for-step.ts'
import { letterDate } from '../../src/documents/letters/merge-fields.ts'
import type { MergeValues } from '../../src/documents/letters/merge-fields.ts'
import { neighbourTips } from '../../src/documents/letters/templates/neighbour-tips.ts'
import { letterTemplateSet } from '../../src/documents/letters/templates/letter-templates.ts'
import type { MatterBuilder } from './support/matter-builder.ts'
import { aCase, aMatter } from './support/matter-builder.ts'

// Issue 13 "Paper out": every letter the procedure sends, filled from a built matter.

const withAddress = { phone: '01252 622122', address: '12 Elm Road\nFleet\nGU51 4AE' }

function template(id: string): LetterTemplate {
  const found = letterTemplateSet.templates.find((t) => t.id === id)
  if (!found) throw new Error(`no template ${id}`)
  return found
}

function draft(id: string, m: MatterBuilder, step: StepFacts = {}, extra: Partial<LetterContext> & { values?: MergeValues } = {}) {
  const t = template(id)
  const ctx: LetterContext = { state: m.state(), council: demoCouncil, officer: { name: 'Olivia Price' }, today: m.today, step, ...extra }
  return draftLetter(t, { ...letterValues(t, ctx), ...extra.values })
}

function complete(d: ReturnType<typeof draftLetter>): string {
  expect(d.missing).toEqual([])
  expect(finalTextProblem(d.text)).toBeNull()
  return d.text
}

describe('letter templates', () => {
  it('every template passes its own check and has a unique id', () => {
    for (const t of letterTemplateSet.templates) expect(checkTemplate(t)).toEqual({ ok: true, template: t })
    const ids = letterTemplateSet.templates.map((t) => t.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('a template naming a field that does not exist is refused, naming it', () => {
    const bad = { ...template('r2-closure-advice'), body: 'Dear {{complainant.nickname}}, see {{council.name}}.' }
    const result = checkTemplate(bad)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems).toEqual(['The body names a field that does not exist: {{complainant.nickname}}.'])
  })

  it('stray braces and an empty body are refused too', () => {
    const stray = checkTemplate({ ...template('r2-closure-advice'), subject: 'About {{ matter address }}' })
    expect(stray.ok).toBe(false)
    if (!stray.ok) expect(stray.problems[0]).toMatch(/braces that are not a field/)
    const empty = checkTemplate({ ...template('r2-closure-advice'), body: '   ' })
    expect(empty.ok).toBe(false)
  })

  it('dates read as a letter writes them', () => {
    expect(letterDate('2026-12-07')).toBe('7 December 2026')
    expect(letterDate('2026-02-30')).toBeUndefined()
  })
})

describe('filling letters from the matter', () => {
  it('R2: the closure advice says why the enquiry closed, in plain words, with the date and reference', () => {
    const m = aMatter().on('2026-11-02').reported({ contact: withAddress }).thresholdNotMet()
    const text = complete(draft('r2-closure-advice', m, { sentOn: '2026-11-04' }))
    expect(text).toContain('Dear Alex Morgan,')
    expect(text).toContain('4 November 2026')
    expect(text).toContain('which you reported on 2 November 2026')
    expect(text).toContain(m.state().reference)
    expect(text).toContain('we are not able to take this further')
    expect(text).not.toMatch(/insufficient_information|\{\{|undefined/)
    expect(templatesFor(letterTemplateSet, 'closureAdvised', {}).map((t) => t.id)).toEqual(['r2-closure-advice'])
  })

  it('R2: a missing value is reported, never printed empty; the officer can then supply it', () => {
    const m = aMatter().on('2026-11-02').reported().thresholdNotMet()
    const d = draft('r2-closure-advice', m)
    expect(d.missing).toEqual(['recipient.address'])
    expect(d.parts).toContainEqual({ missing: 'recipient.address', label: 'Their postal address' })
    expect(finalTextProblem(d.text)).toBe('The letter still needs: their postal address.')
    const supplied = draft('r2-closure-advice', m, {}, { values: { 'recipient.address': '12 Elm Road, Fleet' } })
    expect(complete(supplied)).toContain('12 Elm Road, Fleet')
    const blank = draft('r2-closure-advice', m, {}, { values: { 'recipient.address': '   ' } })
    expect(blank.missing).toEqual(['recipient.address'])
  })

  it("R3: the neighbour advice carries the council's 10 tips, numbered", () => {
    const m = aMatter().on('2026-11-02').reported({ contact: withAddress })
    const text = complete(draft('r3-neighbour-advice', m))
    expect(neighbourTips).toHaveLength(10)
    neighbourTips.forEach((tip, i) => expect(text).toContain(`${i + 1}. ${tip}`))
    expect(text).toContain('Your enquiry stays open')
  })

  it('R4: the reply date is 10 working days after sending, across Christmas and New Year', () => {
    const m = aMatter().on('2026-12-14').reported({ contact: withAddress }).withPhoneAttempts(3).on('2026-12-18')
    const text = complete(draft('r4-contact-letter', m, { sentOn: '2026-12-18' }))
    // Fri 18 Dec: 25 and 28 Dec (Boxing Day substitute) and 1 Jan are bank holidays.
    expect(text).toContain('by 6 January 2027')
    expect(text).toContain('by the end of 6 January 2027')
  })

  it('R4: the date in the letter is the day the matter closes automatically without contact', () => {
    const m = aMatter().on('2026-11-02').reported({ contact: withAddress }).withPhoneAttempts(3).letterSent('2026-11-05')
    const deadline = contactDeadline(m.state())?.deadline ?? ''
    expect(deadline).toBe(addWorkingDays('2026-11-05', 10))
    expect(draft('r4-contact-letter', m, { sentOn: '2026-11-05' }).text).toContain(`by the end of ${letterDate(deadline)}`)
  })

  it('R4: the e-mail is offered when the step says e-mail, the letter when it says letter', () => {
    expect(templatesFor(letterTemplateSet, 'contactLetterSent', { method: 'email' }).map((t) => t.id)).toEqual(['r4-contact-email'])
    expect(templatesFor(letterTemplateSet, 'contactLetterSent', { method: 'letter' }).map((t) => t.id)).toEqual(['r4-contact-letter'])
    const m = aMatter().on('2026-11-02').reported().withPhoneAttempts(3)
    const text = complete(draft('r4-contact-email', m, { sentOn: '2026-11-05' }))
    expect(text.startsWith(`Subject: Your report about 12 Elm Road, Fleet: please get in touch (${m.state().reference})`)).toBe(true)
    expect(text).toContain('by 19 November 2026')
  })

  it('R5: diary sheets give the review date six weeks from the first issue; the link letter asks for the link', () => {
    const m = aMatter().on('2026-11-02').reported({ contact: withAddress }).assigned().thresholdMet().diarySheetsIssued('2026-11-03')
    expect(complete(draft('r5-diary-sheets', m, { sentOn: '2026-11-20' }))).toContain('review your case on 15 December 2026')
    const link = draft('r5-diary-link', m)
    expect(link.missing).toEqual(['diaryLink'])
    const withLink = draft('r5-diary-link', m, {}, { diaryLink: 'https://casebook.example/diary/abc' })
    expect(complete(withLink)).toContain('https://casebook.example/diary/abc')
  })

  it('R12: the advice letter goes to the person it is for and asks what behaviour it is about', () => {
    const m = aCase().later(3)
    const d = draft('r12-advice-letter', m, { partyIds: [m.perpetratorId] }, { values: { 'recipient.address': 'Flat 3, 12 Elm Road' } })
    expect(d.missing).toEqual(['warning.conduct'])
    const text = complete(
      draft('r12-advice-letter', m, { partyIds: [m.perpetratorId] }, { values: { 'recipient.address': 'Flat 3, 12 Elm Road', 'warning.conduct': 'Loud music after midnight.' } }),
    )
    expect(text).toContain('Dear Sam Reed,')
    expect(text).toContain('Loud music after midnight.')
  })

  it('R12: the warning letter states the comply-by date from the step', () => {
    const m = aCase().later(3)
    const values = { 'recipient.address': 'Flat 3, 12 Elm Road', 'warning.conduct': 'Loud music after midnight.' }
    const text = complete(draft('r12-warning-letter', m, { partyIds: [m.perpetratorId], complyBy: '2026-12-07' }, { values }))
    expect(text).toContain('stopped by 7 December 2026')
    expect(templatesFor(letterTemplateSet, 'interventionRecorded', { kind: 'warning_letter' }).map((t) => t.id)).toEqual([
      'r12-warning-letter',
      's43-written-warning',
    ])
    expect(templatesFor(letterTemplateSet, 'interventionRecorded', { kind: 'verbal_warning' })).toEqual([])
  })

  it('R14 (s43): the written warning before a CPN says what to stop, by when, and what follows', () => {
    const m = aCase().later(3)
    const values = { 'recipient.address': 'Flat 3, 12 Elm Road', 'warning.conduct': 'Playing amplified music in the garden after 11pm.' }
    const text = complete(draft('s43-written-warning', m, { partyIds: [m.perpetratorId], complyBy: '2026-12-07' }, { values }))
    expect(text).toContain('section 43 of the Anti-social Behaviour, Crime and Policing Act 2014')
    expect(text).toContain('What you must stop doing\n\nPlaying amplified music in the garden after 11pm.')
    expect(text).toContain('by 7 December 2026')
    expect(text).toContain('Community Protection Notice')
    expect(text).toContain('criminal offence')
  })

  it('R14: the letter before action serves that legal step and asks for the date to reply by', () => {
    expect(templatesFor(letterTemplateSet, 'legalStepTaken', { kind: 'letter_before_action' }).map((t) => t.id)).toEqual(['r14-letter-before-action'])
    const m = aCase().later(3)
    const d = draft('r14-letter-before-action', m, { partyIds: [m.perpetratorId] }, { values: { 'recipient.address': 'Flat 3' } })
    expect(d.missing).toEqual(['warning.conduct', 'warning.complyBy'])
  })

  it('R17: the closure letter gives the reason in plain words, not a code', () => {
    const m = aCase({ on: '2026-11-02' }).later(30)
    const text = complete(
      draft('r17-closure-letter', m, { closureReason: 'asb_stopped_low_risk' }, { values: { 'recipient.address': '12 Elm Road, Fleet' } }),
    )
    expect(text).toContain('The anti-social behaviour has stopped, or the risk to you is now low.')
    expect(text).toContain('first reported on 2 November 2026')
    expect(text).not.toMatch(/asb_stopped_low_risk|_/)
  })

  it("R19: the feedback invitation gives the council's feedback link", () => {
    const m = aCase().later(30).closureRequested('asb_stopped_low_risk')
    const text = complete(draft('r19-feedback-invitation', m, {}, { values: { 'recipient.address': '12 Elm Road' } }))
    expect(text).toContain(demoCouncil.feedbackUrl)
  })

  it('R1: no letter to the complainant of an anonymous report; a letter to the person it is about can be made', () => {
    const m = aMatter().on('2026-11-02').reported({ anonymous: true })
    const refusal = letterNotPossible(template('r3-neighbour-advice'), m.state())
    expect(refusal).toMatchObject({ rule: 'R1', code: 'anonymous_letter' })
    expect(refusal?.message).toMatch(/anonymously/)
    expect(letterNotPossible(template('r12-warning-letter'), m.state())).toBeNull()
  })
})

describe('the letter a step records', () => {
  const letter = { templateId: 'r3-neighbour-advice', templateVersion: 1, title: 'Advice on speaking to your neighbour', text: 'Dear Alex Morgan, …' }

  it('R3: the advice step keeps the final text of the letter', () => {
    const m = aMatter().on('2026-11-02').reported().record('neighbourAdviceGiven', { method: 'letter', givenOn: '2026-11-02', letter })
    expect(m.last().payload).toMatchObject({ letter })
  })

  it('R1: a step on an anonymous report cannot carry a letter to its complainant', () => {
    const m = aMatter().on('2026-11-02').reported({ anonymous: true })
    const refused = m.try('neighbourAdviceGiven', { method: 'letter', givenOn: '2026-11-02', letter })
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'anonymous_letter', rule: 'R1' } })
    expect(m.try('neighbourAdviceGiven', { method: 'visit', givenOn: '2026-11-02' }).ok).toBe(true)
  })

  it('a letter above 50,000 characters, or with a blank value, is refused', () => {
    const m = aMatter().on('2026-11-02').reported()
    const long = { ...letter, text: 'x'.repeat(maxLetterChars + 1) }
    expect(m.try('neighbourAdviceGiven', { method: 'letter', givenOn: '2026-11-02', letter: long }).ok).toBe(false)
    expect(sentLetter(template('r3-neighbour-advice'), 'Dear undefined,')).toHaveProperty('problem', expect.stringMatching(/undefined/) as unknown)
    expect(sentLetter(template('r3-neighbour-advice'), 'Dear {{complainant.name}},')).toHaveProperty('problem', expect.stringMatching(/double braces/) as unknown)
    expect(sentLetter(template('r3-neighbour-advice'), '  ')).toEqual({ problem: 'The letter is empty.' })
  })

  it('what was sent is not re-worded by a correction', () => {
    const m = aMatter().on('2026-11-02').reported().record('neighbourAdviceGiven', { method: 'letter', givenOn: '2026-11-02', letter })
    const target = m.last().id
    const refused = m.try('entryCorrected', { targetEventId: target, reason: 'Typo', changes: { letter: { ...letter, text: 'Other words' } } })
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'not_correctable' } })
  })
})

describe('a letter at the boundary', () => {
  it('a letter with a lone surrogate or NUL is refused with a reason, not stored', () => {
    const m = aMatter().on('2026-11-02').reported()
    for (const bad of ['Dear \uD800 Alex', 'Dear \u0000Alex']) {
      const letter = { templateId: 'r3-neighbour-advice', templateVersion: 1, title: 'Advice', text: bad }
      expect(m.try('neighbourAdviceGiven', { method: 'letter', givenOn: '2026-11-02', letter }).ok).toBe(false)
    }
  })
})
