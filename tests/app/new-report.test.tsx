import { screen, waitFor } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import NewReportScreen from '../../src/app/features/new-report/new-report-screen.tsx'
import { choose, errorForLabel, fill } from './support/form-ui.ts'
import {
  aReportedMatter,
  eventCount,
  freshDb,
  renderWithServices,
  stateOf,
} from './support/render.tsx'

// R1: intake. Tests type what an officer types on the phone, then look at what the device stored.

beforeEach(() => {
  window.history.replaceState(null, '', '/matters/new')
})

async function describeTheProblem(user: UserEvent, address = '7 Birch Close, Fleet') {
  await fill(user, 'Where the ASB happens', address)
  await user.selectOptions(screen.getByLabelText('Kind of ASB'), 'Noise')
  await fill(user, 'What happened', 'Dog barking all day while the owner is out.')
}

const save = (user: UserEvent) =>
  user.click(screen.getByRole('button', { name: 'Save the report' }))

describe('new report', () => {
  it('R1: refuses a named report with no way to contact the complainant, beside the contact fields', async () => {
    const { user, db } = renderWithServices(<NewReportScreen />)
    await describeTheProblem(user)
    await fill(user, 'Complainant’s name', 'Bea Holt')

    await save(user)

    await waitFor(() =>
      expect(errorForLabel('Phone (optional)')).toBe(
        'Give at least one way to contact the complainant: phone, e-mail or address.',
      ),
    )
    expect(await eventCount(db)).toBe(0)
  })

  it('R1: records the report once a phone number is given, and opens the new matter', async () => {
    const { user, db } = renderWithServices(<NewReportScreen />)
    await describeTheProblem(user)
    await fill(user, 'Complainant’s name', 'Bea Holt')
    await fill(user, 'Phone (optional)', '01252 123456')

    await save(user)

    await waitFor(() => expect(window.location.pathname).toMatch(/^\/matters\/[0-9a-f-]{36}$/))
    const state = await stateOf(db, window.location.pathname.split('/')[2] ?? '')
    expect(state.parties).toEqual([
      expect.objectContaining({
        name: 'Bea Holt',
        role: 'complainant',
        contact: { phone: '01252 123456' },
      }),
    ])
    expect(state.assignedOfficerId).toBe('officer-1')
  })

  it('R1: offers anonymity only for the online form', async () => {
    const { user } = renderWithServices(<NewReportScreen />)
    const anonymity = 'The person reporting chose to stay anonymous'

    for (const channel of ['Phone', 'Drop-in at the council offices', 'E-mail']) {
      await choose(user, 'How the report came in', channel)
      expect(screen.queryByLabelText(anonymity)).toBeNull()
    }
    await choose(user, 'How the report came in', 'Online form')
    expect(screen.getByLabelText(anonymity)).toBeDefined()
  })

  it('R1: an anonymous online report hides the contact fields and keeps no details of the person', async () => {
    const { user, db } = renderWithServices(<NewReportScreen />)
    await choose(user, 'How the report came in', 'Online form')
    await describeTheProblem(user)

    await user.click(screen.getByLabelText('The person reporting chose to stay anonymous'))

    for (const label of [
      'Complainant’s name',
      'Phone (optional)',
      'E-mail (optional)',
      'Address for letters (optional)',
    ]) {
      expect(screen.queryByLabelText(label)).toBeNull()
    }
    expect(screen.getByRole('note').textContent).toBe(
      'Anonymous report: contact not possible; no updates can be given.',
    )

    await save(user)
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/matters\/[0-9a-f-]{36}$/))
    const state = await stateOf(db, window.location.pathname.split('/')[2] ?? '')
    expect(state.anonymous).toBe(true)
    expect(state.parties).toEqual([])
  })

  it('R1: going back to the phone channel after ticking anonymous asks for the complainant again', async () => {
    const { user } = renderWithServices(<NewReportScreen />)
    await choose(user, 'How the report came in', 'Online form')
    await user.click(screen.getByLabelText('The person reporting chose to stay anonymous'))

    await choose(user, 'How the report came in', 'Phone')

    expect(screen.getByLabelText('Complainant’s name')).toBeDefined()
    expect(screen.queryByRole('note')).toBeNull()
  })

  it('R1: warns of a possible duplicate at the address of an open matter, and "Add to …" links the report to it', async () => {
    const db = freshDb()
    const open = await aReportedMatter(db, { address: '14 Fleet Road, Fleet', name: 'Ann Example' })
    const before = await eventCount(db)
    const { user } = renderWithServices(<NewReportScreen />, { db })

    await describeTheProblem(user, '14 Fleet Road, Fleet')
    await fill(user, 'Complainant’s name', 'Carl Neighbour')
    await fill(user, 'E-mail (optional)', 'carl@example.com')

    expect(
      (await screen.findByText('Possible duplicate')).closest('section')?.textContent,
    ).toContain(open.reference)
    await user.click(screen.getByRole('button', { name: `Add to ${open.reference}` }))

    await waitFor(() => expect(window.location.pathname).toBe(`/matters/${open.matterId}`))
    expect(await eventCount(db)).toBe(before + 1)
    expect(await db.matters.count()).toBe(1)
    const linked = (await db.events.where('matterId').equals(open.matterId).toArray()).find(
      (e) => e.type === 'reportLinked',
    )
    expect(linked?.payload).toMatchObject({
      channel: 'phone',
      description: 'Dog barking all day while the owner is out.',
    })
    const state = await stateOf(db, open.matterId)
    expect(state.linkedReports).toBe(1)
    expect(state.parties.map((p) => [p.name, p.role])).toContainEqual(['Carl Neighbour', 'witness'])
  })

  it('R1: warns of a possible duplicate when a person of the same name is on an open matter', async () => {
    const db = freshDb()
    const open = await aReportedMatter(db, { address: '14 Fleet Road, Fleet', name: 'Ann Example' })
    const { user } = renderWithServices(<NewReportScreen />, { db })

    await fill(user, 'Complainant’s name', 'ann example')

    expect(
      (await screen.findByText('Possible duplicate')).closest('section')?.textContent,
    ).toContain(open.reference)
  })

  it('R1: says nothing of duplicates for a different address', async () => {
    const db = freshDb()
    await aReportedMatter(db, { address: '14 Fleet Road, Fleet' })
    const { user } = renderWithServices(<NewReportScreen />, { db })

    await describeTheProblem(user, '2 Kings Road, Fleet')

    expect(screen.queryByText('Possible duplicate')).toBeNull()
  })
})
