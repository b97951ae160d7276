import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import MatterScreen from '../../src/app/features/matter/matter-screen.tsx'
import { choose, fill, openStep, savedMessage, submit } from './support/form-ui.ts'
import { aCase, aReportedMatter, eventCount, freshDb, renderWithServices } from './support/render.tsx'

// Issue 13: writing the letter from the step that sends it, and keeping what went out. The
// whole journey through a long matter page takes a few seconds on a busy two-core runner.

const toldQuestion = 'Has the victim been told the case will close, and why?'
const letterBox = 'The letter: change the wording for this letter if you need to'

async function closureRequestWithLetter() {
  const db = freshDb()
  const kase = await aCase(db)
  const view = renderWithServices(<MatterScreen matterId={kase.matterId} />, { db })
  const form = await openStep(view.user, 'Request closure')
  await view.user.selectOptions(within(form).getByLabelText('Reason'), 'asb_stopped_low_risk')
  await fill(view.user, 'Rationale', 'No reports for eight weeks; the victim says things are better.')
  await view.user.click(within(form).getByRole('button', { name: 'Write the letter' }))
  return { ...view, kase, form }
}

describe('writing a letter from its step', () => {
  it('R17: the closure letter is filled from the matter, asks for what is missing, and is recorded as edited', async () => {
    const { user, db, kase, form } = await closureRequestWithLetter()

    // The complainant has only a phone number: the letter asks for the address, and marks it in the preview.
    const address = await screen.findByLabelText('Their postal address')
    const preview = screen.getByRole('region', { name: 'Preview of the letter' })
    expect(preview.textContent).toContain('Dear Ann Example,')
    expect(preview.textContent).toContain('The anti-social behaviour has stopped, or the risk to you is now low.')
    expect(within(preview).getByText('[Their postal address]').tagName).toBe('MARK')
    await user.click(screen.getByRole('button', { name: 'Use this letter' }))
    expect(screen.getByRole('alert').textContent).toBe('The letter still needs: their postal address.')

    await user.click(address)
    await user.paste('14 Fleet Road\nFleet GU51 3BX')
    const box = screen.getByLabelText<HTMLTextAreaElement>(letterBox)
    expect(box.value).toContain('14 Fleet Road\nFleet GU51 3BX')
    expect(box.value).toContain('4 November 2026')
    expect(box.value).not.toMatch(/\{\{|undefined|\[/)
    const edited = box.value.replace('A manager will review the case before it is closed.', 'My manager, Dana, will review the case this week.')
    fireEvent.change(box, { target: { value: edited } })
    await user.click(screen.getByRole('button', { name: 'Use this letter' }))
    expect(await within(form).findByText('Closure letter to the victim')).toBeTruthy()

    await choose(user, toldQuestion, 'Yes')
    await user.selectOptions(within(form).getByLabelText('How'), 'letter')
    await submit(user, form)
    await savedMessage()

    const stored = (await db.events.where('matterId').equals(kase.matterId).toArray()).find((e) => e.type === 'closureRequested')
    expect(stored?.payload).toMatchObject({ letter: { templateId: 'r17-closure-letter', templateVersion: 1, text: edited.trim() } })
    const summary = await screen.findByText('Letter sent: Closure letter to the victim')
    await user.click(summary)
    expect(summary.closest('details')?.textContent).toContain('My manager, Dana, will review the case this week.')
  }, 30_000)

  it('R17: a letter with a blank value is not kept; everything typed stays', async () => {
    const { user, db, form } = await closureRequestWithLetter()
    await user.click(await screen.findByLabelText('Their postal address'))
    await user.paste('14 Fleet Road')
    const box = screen.getByLabelText<HTMLTextAreaElement>(letterBox)
    fireEvent.change(box, { target: { value: `${box.value}\nP.S. undefined` } })
    const before = await eventCount(db)
    await user.click(screen.getByRole('button', { name: 'Use this letter' }))
    expect(screen.getByRole('alert').textContent).toMatch(/blank value/)
    expect(screen.getByLabelText<HTMLTextAreaElement>(letterBox).value).toContain('P.S. undefined')
    expect(within(form).queryByText(/Letter ready/)).toBeNull()
    expect(await eventCount(db)).toBe(before)
  })

  it('R12: a warning letter offers the s43 warning too, and takes the comply-by date from the step', async () => {
    const db = freshDb()
    const kase = await aCase(db)
    const { user } = renderWithServices(<MatterScreen matterId={kase.matterId} />, { db })
    const form = await openStep(user, 'Record an intervention')
    await user.selectOptions(within(form).getByLabelText('Intervention'), 'warning_letter')
    await user.click(within(form).getByLabelText('Sam Reed (alleged perpetrator)'))
    fireEvent.change(within(form).getByLabelText(/Time given to comply/), { target: { value: '2026-12-07' } })
    await user.click(within(form).getByRole('button', { name: 'Write the letter' }))

    await user.click(await screen.findByLabelText('Community protection warning (s43, before a CPN)'))
    expect(screen.getByLabelText('The behaviour that must stop')).toBeTruthy()
    const preview = screen.getByRole('region', { name: 'Preview of the letter' })
    expect(preview.textContent).toContain('Dear Sam Reed,')
    expect(preview.textContent).toContain('by 7 December 2026')
  })

  it('R1: no letter can be written to the complainant of an anonymous report, and it says why', async () => {
    const db = freshDb()
    const matter = await aReportedMatter(db, { anonymous: true })
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
    const form = await openStep(user, 'Record neighbour advice given')
    await user.click(within(form).getByRole('button', { name: 'Write the letter' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/made anonymously: there is no one to write to/))
    expect(screen.queryByRole('button', { name: 'Use this letter' })).toBeNull()
  })
})
