import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import MatterScreen from '../../src/app/features/matter/matter-screen.tsx'
import {
  alertText,
  choose,
  fill,
  openStep,
  optionOf,
  savedMessage,
  submit,
} from './support/form-ui.ts'
import {
  aReportedMatter,
  eventCount,
  freshDb,
  officer,
  phoneAttempts,
  renderWithServices,
  stateOf,
  withEvents,
} from './support/render.tsx'

// Stage 1 on the matter page: the threshold assessment (R2) and the contact letter (R4).

const dueTitles = () => [...document.querySelectorAll('.due-title')].map((e) => e.textContent)

describe('threshold assessment', () => {
  it('R2: threshold not met closes the enquiry and asks for the complainant to be advised', async () => {
    const db = freshDb()
    const matter = await aReportedMatter(db)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })

    const form = await openStep(user, 'Record the threshold assessment')
    await choose(user, 'Is the threshold met?', 'No')
    await fill(user, 'Why', 'One party, three months ago; nothing since.')
    await submit(user, form)

    expect(await savedMessage()).toBe('Record the threshold assessment: saved on this device.')
    const state = await stateOf(db, matter.matterId)
    expect(state.phase).toBe('closed')
    expect(state.closure.reason).toBe('insufficient_information')
    // The enquiry was unassigned: the officer who closed it took it on first (decisions.md), so
    // it stays on their device and the advice below is theirs to give.
    expect(state.assignedOfficerId).toBe(officer.id)
    await waitFor(() =>
      expect(dueTitles()).toContain('Advise the complainant that the enquiry has closed, and why'),
    )
  })

  it('R2: threshold met keeps the enquiry open', async () => {
    const db = freshDb()
    const matter = await aReportedMatter(db)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })

    const form = await openStep(user, 'Record the threshold assessment')
    await choose(user, 'Is the threshold met?', 'Yes')
    await fill(user, 'Why', 'Music every night for a month.')
    await submit(user, form)

    await savedMessage()
    expect((await stateOf(db, matter.matterId)).phase).toBe('enquiry')
  })
})

describe('letter or e-mail encouraging contact', () => {
  it('R4: refuses the contact letter before three failed calls, and keeps what was typed', async () => {
    const db = freshDb()
    const matter = await withEvents(db, await aReportedMatter(db), ...phoneAttempts(2))
    const before = await eventCount(db)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })

    const form = await openStep(user, 'Record the letter or e-mail encouraging contact')
    await choose(user, 'Sent by', 'E-mail')
    const sentOn = screen.getByLabelText<HTMLInputElement>('Date sent')
    await user.clear(sentOn)
    await user.type(sentOn, '2026-11-03')
    await submit(user, form)

    expect(await alertText()).toBe('Try the complainant by phone three times first (2 so far).')
    expect(optionOf('Sent by', 'E-mail').checked).toBe(true)
    expect(sentOn.value).toBe('2026-11-03')
    expect(await eventCount(db)).toBe(before)
  })

  it('R4: after three failed calls the letter is due, and once sent the 10 working-day clock is shown', async () => {
    const db = freshDb()
    const matter = await withEvents(db, await aReportedMatter(db), ...phoneAttempts(3))
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
    await waitFor(() =>
      expect(dueTitles()).toContain(
        'Send a letter or e-mail encouraging contact (three calls unanswered)',
      ),
    )

    const form = await openStep(user, 'Record the letter or e-mail encouraging contact')
    await submit(user, form)

    await savedMessage()
    expect((await stateOf(db, matter.matterId)).contact.letterSentOn).toBe('2026-11-04')
    await waitFor(() =>
      expect(document.querySelector('.matter-header')?.textContent).toContain(
        'Closes automatically at the end of 2026-11-18',
      ),
    )
    expect(dueTitles()).not.toContain(
      'Send a letter or e-mail encouraging contact (three calls unanswered)',
    )
  })
})
