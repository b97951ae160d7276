import { screen, waitFor } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import MatterScreen from '../../src/app/features/matter/matter-screen.tsx'
import {
  alertText,
  choose,
  errorForLabel,
  errorForQuestion,
  fill,
  openStep,
  savedMessage,
  submit,
} from './support/form-ui.ts'
import {
  aCase,
  aClosureRequest,
  eventCount,
  freshDb,
  manager,
  officer,
  otherManager,
  renderWithServices,
  stateOf,
} from './support/render.tsx'

// Stage 5: the closure request (R15, R17, R18) and the manager's approval (R16).

const toldQuestion = 'Has the victim been told the case will close, and why?'

async function requestingClosure(reason: string) {
  const db = freshDb()
  const kase = await aCase(db)
  const before = await eventCount(db)
  const view = renderWithServices(<MatterScreen matterId={kase.matterId} />, { db })
  const form = await openStep(view.user, 'Request closure')
  await view.user.selectOptions(screen.getByLabelText('Reason'), reason)
  await fill(
    view.user,
    'Rationale',
    'No reports for eight weeks; the victim says things are better.',
  )
  return { ...view, kase, before, form }
}

const save = (user: UserEvent, form: HTMLFormElement) => submit(user, form)

describe('closure request', () => {
  it('R17: asks whether the victim was told, beside the question', async () => {
    const { user, db, before, form } = await requestingClosure(
      'The ASB has stopped or the risk is low',
    )

    await save(user, form)

    await waitFor(() => expect(errorForQuestion(toldQuestion)).toBe('This is required.'))
    expect(await eventCount(db)).toBe(before)
  })

  it('R17: a victim not told needs the reason why', async () => {
    const { user, db, kase, before, form } = await requestingClosure(
      'The ASB has stopped or the risk is low',
    )

    await choose(user, toldQuestion, 'No')
    expect(screen.queryByLabelText('How')).toBeNull()
    await save(user, form)
    await waitFor(() =>
      expect(errorForLabel('Why that was not possible')).toBe('This is required.'),
    )
    expect(await eventCount(db)).toBe(before)

    await fill(user, 'Why that was not possible', 'Three calls and a letter went unanswered.')
    await save(user, form)

    await savedMessage()
    const state = await stateOf(db, kase.matterId)
    expect(state.phase).toBe('closure_requested')
    expect(state.closure.request?.victimTold).toEqual({
      told: false,
      why: 'Three calls and a letter went unanswered.',
    })
  })

  it('R17: a victim told records how and when', async () => {
    const { user, db, kase, form } = await requestingClosure(
      'The ASB has stopped or the risk is low',
    )

    await choose(user, toldQuestion, 'Yes')
    await user.selectOptions(screen.getByLabelText('How'), 'Home visit')
    expect(screen.getByLabelText<HTMLInputElement>('When').value).toBe('2026-11-04')
    await save(user, form)

    await savedMessage()
    expect((await stateOf(db, kase.matterId)).closure.request?.victimTold).toEqual({
      told: true,
      method: 'visit',
      on: '2026-11-04',
    })
  })

  it('R18: closing as tools exhausted needs the signposting given', async () => {
    const { user, db, kase, before, form } = await requestingClosure(
      'All tools and powers exhausted',
    )
    await choose(user, toldQuestion, 'Yes')
    await user.selectOptions(screen.getByLabelText('How'), 'Phone')

    await save(user, form)
    await waitFor(() =>
      expect(errorForLabel('Signposting given')).toBe(
        'Record the signposting given when all tools are exhausted.',
      ),
    )
    expect(await eventCount(db)).toBe(before)

    await fill(
      user,
      'Signposting given',
      'Citizens Advice and the housing association’s tenancy team.',
    )
    await save(user, form)

    await savedMessage()
    expect((await stateOf(db, kase.matterId)).closure.request).toMatchObject({
      reason: 'tools_exhausted',
      signposting: 'Citizens Advice and the housing association’s tenancy team.',
    })
  })

  it('R18: closing as tit for tat asks whether both parties consented to mediation', async () => {
    const { user, db, before, form } = await requestingClosure("'Tit for tat' between two parties")
    await choose(user, toldQuestion, 'Yes')
    await user.selectOptions(screen.getByLabelText('How'), 'Phone')

    await save(user, form)

    await waitFor(() =>
      expect(errorForLabel('Did both parties consent to the mediation offered?')).toBe(
        'Say whether both parties consented to the mediation offered.',
      ),
    )
    expect(await eventCount(db)).toBe(before)
  })
})

describe('closure approval', () => {
  it('R16: an officer is not offered the approval', async () => {
    const db = freshDb()
    const kase = await aClosureRequest(db, officer)
    renderWithServices(<MatterScreen matterId={kase.matterId} />, { db, profile: officer })

    await screen.findByText('Record a step')
    expect(screen.queryByText('Approve the closure', { selector: 'button' })).toBeNull()
    expect(screen.queryByText('Reject the closure request', { selector: 'button' })).toBeNull()
  })

  it('R16: a manager who requested the closure is refused', async () => {
    const db = freshDb()
    const kase = await aClosureRequest(db, manager)
    const before = await eventCount(db)
    const { user } = renderWithServices(<MatterScreen matterId={kase.matterId} />, {
      db,
      profile: manager,
    })

    const form = await openStep(user, 'Approve the closure')
    await submit(user, form)

    expect(await alertText()).toBe('Closure needs a manager who did not request it.')
    expect(await eventCount(db)).toBe(before)
    expect((await stateOf(db, kase.matterId)).phase).toBe('closure_requested')
  })

  it('R16, R19: another manager approves; the case closes and feedback is to be invited', async () => {
    const db = freshDb()
    const kase = await aClosureRequest(db, officer)
    const { user } = renderWithServices(<MatterScreen matterId={kase.matterId} />, {
      db,
      profile: otherManager,
    })

    const form = await openStep(user, 'Approve the closure')
    await submit(user, form)

    await savedMessage()
    expect((await stateOf(db, kase.matterId)).phase).toBe('closed')
    await waitFor(() =>
      expect(document.querySelector('.due-list')?.textContent).toContain(
        'Invite the victim to give feedback',
      ),
    )
  })
})
