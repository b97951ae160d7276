import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import MatterScreen from '../../src/app/features/matter/matter-screen.tsx'
import { alertText, savedMessage } from './support/form-ui.ts'
import {
  aReportedMatter,
  aStaffDirectory,
  assigned,
  freshDb,
  manager,
  officer,
  otherOfficer,
  renderWithServices,
  stateOf,
  withEvents,
} from './support/render.tsx'

// Issue 4: a manager allocates a matter to an officer from the staff directory the last sync
// brought; the matter header names whoever has it.

/** Waits for the header's "Officer: …" badge to read `expected` (the directory loads after the matter). */
const expectOfficerBadge = (expected: string) =>
  waitFor(() => {
    const badge = [...document.querySelectorAll('.matter-header .badge')].find((b) => b.textContent?.startsWith('Officer:'))
    expect(badge?.textContent).toBe(`Officer: ${expected}`)
  })
const allocateForm = () => screen.findByRole('form', { name: 'Allocate to an officer' })

describe('allocation', () => {
  it('a manager allocates an unassigned matter to an officer from the directory; the header names them', async () => {
    const db = freshDb()
    await aStaffDirectory(db)
    const matter = await aReportedMatter(db)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db, profile: manager })
    await expectOfficerBadge('Not assigned')

    const form = await allocateForm()
    await user.selectOptions(within(form).getByLabelText('Allocate to an officer'), 'Tom Hale')
    await user.click(within(form).getByRole('button', { name: 'Allocate' }))

    expect(await savedMessage()).toBe('Allocated to Tom Hale.')
    const state = await stateOf(db, matter.matterId)
    expect(state.assignedOfficerId).toBe(otherOfficer.id)
    const [event] = await db.events.where('matterId').equals(matter.matterId).filter((e) => e.type === 'matterAssigned').toArray()
    expect(event).toMatchObject({ actorId: manager.id, payload: { officerId: otherOfficer.id } })
    expect(await db.outbox.get(event?.id ?? '')).toMatchObject({ status: 'pending' })
    await expectOfficerBadge('Tom Hale')
  })

  it('offers officers first, then managers marked as such, and not whoever has the matter now', async () => {
    const db = freshDb()
    await aStaffDirectory(db)
    const matter = await withEvents(db, await aReportedMatter(db), assigned(officer))
    renderWithServices(<MatterScreen matterId={matter.matterId} />, { db, profile: manager })

    const select = within(await allocateForm()).getByLabelText<HTMLSelectElement>('Allocate to an officer')
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose…', 'Tom Hale', 'Dana Cole (manager)', 'Ravi Patel (manager)'])
    await expectOfficerBadge('Priya Shah')
  })

  it('asks for an officer when none is chosen, and records nothing', async () => {
    const db = freshDb()
    await aStaffDirectory(db)
    const matter = await aReportedMatter(db)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db, profile: manager })

    await user.click(within(await allocateForm()).getByRole('button', { name: 'Allocate' }))

    expect(await alertText()).toBe('Choose the officer to allocate the matter to.')
    expect((await stateOf(db, matter.matterId)).assignedOfficerId).toBeNull()
  })

  it('says plainly when the directory has not arrived yet', async () => {
    const db = freshDb()
    const matter = await aReportedMatter(db)
    renderWithServices(<MatterScreen matterId={matter.matterId} />, { db, profile: manager })

    expect(await screen.findByText(/The list of officers arrives with the next sync/)).toBeDefined()
    expect(screen.queryByLabelText('Allocate to an officer')).toBeNull()
  })

  it('an officer takes an unassigned matter on, and is not offered to allocate it', async () => {
    const db = freshDb()
    await aStaffDirectory(db)
    const matter = await aReportedMatter(db)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db, profile: otherOfficer })

    await user.click(await screen.findByRole('button', { name: 'Take this matter on (assign to me)' }))

    expect(await savedMessage()).toBe('You have taken this matter on.')
    expect((await stateOf(db, matter.matterId)).assignedOfficerId).toBe(otherOfficer.id)
    await expectOfficerBadge('You')
    expect(screen.queryByLabelText('Allocate to an officer')).toBeNull()
  })

  it('names a colleague from the directory, and says "Another officer" for someone it does not know', async () => {
    const db = freshDb()
    const matter = await withEvents(db, await aReportedMatter(db, { as: otherOfficer }), assigned(otherOfficer))
    renderWithServices(<MatterScreen matterId={matter.matterId} />, { db, profile: officer })
    await expectOfficerBadge('Another officer')

    // The next sync brings the directory: the open matter names Tom at once.
    await aStaffDirectory(db)
    await expectOfficerBadge('Tom Hale')
  })
})
