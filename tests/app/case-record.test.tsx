import { fireEvent, screen, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import MatterScreen from '../../src/app/features/matter/matter-screen.tsx'
import { defaultRiskMatrix } from '../../src/domain/risk-matrix.ts'
import { alertText, fill, openStep, savedMessage, submit } from './support/form-ui.ts'
import {
  aReportedMatter,
  assigned,
  diaryEntry,
  diarySheetsIssued,
  eventCount,
  freshDb,
  renderWithServices,
  stateOf,
  thresholdMet,
  withEvents,
} from './support/render.tsx'

// R6: the case record needs ASB on record; R7: its Risk Assessment Matrix scores as it is answered.

async function answer(user: UserEvent, questionId: string, option: 'Yes' | 'No' | 'Not known') {
  await user.click(optionFor(questionId, option))
}

function optionFor(questionId: string, option: 'Yes' | 'No' | 'Not known'): HTMLElement {
  const question = screen.getByText(questionId, { selector: '.question-id' }).closest('fieldset')
  if (!question) throw new Error(`No question ${questionId}`)
  return within(question).getByLabelText(option)
}

/** Answers every question: "Yes" to those listed, "No" to the rest (plain clicks: 16 of them). */
function answerAll(yes: string[] = []) {
  for (const q of defaultRiskMatrix.questions)
    fireEvent.click(optionFor(q.id, yes.includes(q.id) ? 'Yes' : 'No'))
}

const result = () => document.querySelector('.risk-result')?.textContent
const levelSelect = () =>
  screen.getByLabelText<HTMLSelectElement>('Level (you may raise it with a reason)')
const levelsOffered = () => [...levelSelect().options].map((o) => o.textContent)

async function anEvidenceMatter(recordsAsb: boolean) {
  const db = freshDb()
  const matter = await withEvents(
    db,
    await aReportedMatter(db),
    assigned(),
    thresholdMet(),
    diarySheetsIssued(),
    diaryEntry(recordsAsb),
  )
  return { db, matter }
}

describe('case record', () => {
  it('R6: refuses the case record without an ASB diary entry or independent evidence', async () => {
    const { db, matter } = await anEvidenceMatter(false)
    const before = await eventCount(db)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })

    const form = await openStep(user, 'Create the case record')
    answerAll()
    await submit(user, form)

    expect(await alertText()).toBe(
      'A case record needs a diary entry that records ASB, or independent clear evidence.',
    )
    expect(await eventCount(db)).toBe(before)
    expect(result()).toContain('Score 0 of 32: Standard')
  })

  it('R7: computes the score and level as answers are clicked', async () => {
    const { db, matter } = await anEvidenceMatter(true)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
    await openStep(user, 'Create the case record')

    expect(result()).toBe('Score 0 of 32: Standard · 16 not answered yet')
    await answer(user, 'V1', 'Yes')
    expect(result()).toBe('Score 3 of 32: Standard · 15 not answered yet')
    await answer(user, 'T1', 'Yes')
    await answer(user, 'H1', 'Yes')
    await answer(user, 'S3', 'Yes')
    expect(result()).toBe('Score 11 of 32: Medium · 12 not answered yet')
    await answer(user, 'H2', 'Not known')
    expect(result()).toBe('Score 11 of 32: Medium · 11 not answered yet · follow up: H2')
    await answer(user, 'V1', 'No')
    expect(result()).toContain('Score 8 of 32: Standard')
  })

  it('R7: violence with a vulnerability makes the level high whatever the score', async () => {
    const { db, matter } = await anEvidenceMatter(true)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
    await openStep(user, 'Create the case record')

    await answer(user, 'S1', 'Yes')
    await answer(user, 'V1', 'Yes')

    expect(result()).toMatch(/^Score 6 of 32: High \(Violence used or threatened/)
    expect(levelsOffered()).toEqual(['High'])
  })

  it('R7: the level can be raised with a reason, never offered below the computed level', async () => {
    const { db, matter } = await anEvidenceMatter(true)
    const before = await eventCount(db)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
    const form = await openStep(user, 'Create the case record')

    expect(levelsOffered()).toEqual(['Standard', 'Medium', 'High'])
    answerAll(['V1', 'T1', 'H1', 'S3'])
    expect(levelsOffered()).toEqual(['Medium', 'High'])
    expect(levelSelect().value).toBe('medium')

    expect(screen.queryByLabelText('Why you are raising the level')).toBeNull()
    await user.selectOptions(levelSelect(), 'High')
    await submit(user, form)
    expect(await alertText()).toBe('Give a reason for raising the level above the computed level.')
    expect(await eventCount(db)).toBe(before)

    await fill(
      user,
      'Why you are raising the level',
      'Perpetrator has a history of violence towards neighbours.',
    )
    await submit(user, form)

    await savedMessage()
    const state = await stateOf(db, matter.matterId)
    expect(state.phase).toBe('case')
    expect(state.risk.current).toMatchObject({ level: 'high', computedLevel: 'medium', score: 11 })
  })

  it('R6: with an ASB diary entry and a complete matrix, creates the case', async () => {
    const { db, matter } = await anEvidenceMatter(true)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
    const form = await openStep(user, 'Create the case record')

    await fill(user, 'Case summary (optional)', 'Night-time music from the flat above.')
    answerAll()
    await submit(user, form)

    expect(await savedMessage()).toBe('Create the case record: saved on this device.')
    expect((await stateOf(db, matter.matterId)).phase).toBe('case')
  })
})
