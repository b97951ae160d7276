import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import MatterScreen from '../../src/app/features/matter/matter-screen.tsx'
import {
  alertText,
  errorForLabel,
  errorForQuestion,
  fill,
  openStep,
  savedMessage,
  submit,
} from './support/form-ui.ts'
import {
  aCase,
  eventCount,
  freshDb,
  renderWithServices,
  stateOf,
  step,
  withEvents,
} from './support/render.tsx'

// Stage 3 (R12) and Stage 4 (R13) on a live case with Ann Example (complainant) and Sam Reed
// (alleged perpetrator).

async function onACase() {
  const db = freshDb()
  const kase = await aCase(db)
  const before = await eventCount(db)
  const view = renderWithServices(<MatterScreen matterId={kase.matterId} />, { db })
  return { ...view, kase, before }
}

describe('interventions', () => {
  it('R12: an agreement needs its terms and a review date', async () => {
    const { user, db, before } = await onACase()
    const form = await openStep(user, 'Record an intervention')

    await user.selectOptions(
      screen.getByLabelText('Intervention'),
      'Acceptable Behaviour Agreement',
    )
    await user.click(screen.getByLabelText('Sam Reed (alleged perpetrator)'))
    await submit(user, form)

    await waitFor(() =>
      expect(errorForLabel('Terms of the agreement')).toBe('Set out the terms of the agreement.'),
    )
    expect(errorForLabel('Review date')).toBe('Give a review date for the agreement.')
    expect(await eventCount(db)).toBe(before)
  })

  it('R12: an agreement with terms and a review date is recorded, and its review becomes due', async () => {
    const { user, db, kase } = await onACase()
    const form = await openStep(user, 'Record an intervention')

    await user.selectOptions(screen.getByLabelText('Intervention'), 'Good Neighbour Agreement')
    await user.click(screen.getByLabelText('Sam Reed (alleged perpetrator)'))
    await fill(user, 'Terms of the agreement', 'No music after 23:00.')
    await user.type(screen.getByLabelText('Review date'), '2026-12-04')
    await submit(user, form)

    await savedMessage()
    expect((await stateOf(db, kase.matterId)).interventions).toEqual([
      expect.objectContaining({
        kind: 'good_neighbour_agreement',
        terms: 'No music after 23:00.',
        reviewOn: '2026-12-04',
        partyIds: [kase.perpetratorId],
      }),
    ])
    await waitFor(() =>
      expect(document.querySelector('.due-list')?.textContent).toContain('Review the agreement'),
    )
  })

  it('R12: a mediation referral needs the recorded consent of both parties', async () => {
    const { user, db, kase, before } = await onACase()
    const form = await openStep(user, 'Record an intervention')

    await user.selectOptions(screen.getByLabelText('Intervention'), 'Referral to mediation')
    await user.click(screen.getByLabelText('Ann Example (complainant)'))
    await user.click(screen.getByLabelText('Sam Reed (alleged perpetrator)'))
    await user.selectOptions(screen.getByLabelText('Ann Example'), 'Consented')
    await user.selectOptions(screen.getByLabelText('Sam Reed'), 'Did not consent')
    await submit(user, form)

    await waitFor(() =>
      expect(errorForQuestion('Consent of each party')).toBe(
        'A mediation referral needs the recorded consent of both parties.',
      ),
    )
    expect(await eventCount(db)).toBe(before)

    await user.selectOptions(screen.getByLabelText('Sam Reed'), 'Consented')
    await submit(user, form)

    await savedMessage()
    expect((await stateOf(db, kase.matterId)).interventions).toEqual([
      expect.objectContaining({ kind: 'mediation_referral' }),
    ])
  })
})

describe('legal steps', () => {
  it('R13: refuses the first legal step without a legal decision record', async () => {
    const { user, db, before } = await onACase()
    const form = await openStep(user, 'Record a legal step')

    await user.selectOptions(
      screen.getByLabelText('Legal step'),
      'Legal warning letter (letter before action)',
    )
    await user.click(screen.getByLabelText('Sam Reed (alleged perpetrator)'))
    await submit(user, form)

    expect(await alertText()).toBe(
      'Record the legal decision first: whether legal services were consulted, their advice, and why the step is reasonable and proportionate.',
    )
    expect(await eventCount(db)).toBe(before)
    expect(screen.getByLabelText<HTMLSelectElement>('Legal step').value).toBe(
      'letter_before_action',
    )
  })

  it('R13: after the legal decision record, the legal step is recorded', async () => {
    const db = freshDb()
    const kase = await aCase(db)
    await withEvents(
      db,
      kase,
      step('legalDecisionRecorded', {
        decisionId: crypto.randomUUID(),
        legalServicesConsulted: false,
        proportionality: 'A warning letter is the least intrusive next step.',
      }),
    )
    const { user } = renderWithServices(<MatterScreen matterId={kase.matterId} />, { db })
    const form = await openStep(user, 'Record a legal step')

    await user.selectOptions(
      screen.getByLabelText('Legal step'),
      'Legal warning letter (letter before action)',
    )
    await user.click(screen.getByLabelText('Sam Reed (alleged perpetrator)'))
    await submit(user, form)

    await savedMessage()
    expect((await stateOf(db, kase.matterId)).legal.steps).toEqual([
      expect.objectContaining({ kind: 'letter_before_action' }),
    ])
  })
})
