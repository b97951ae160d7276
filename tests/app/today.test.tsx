import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import TodayScreen, { preload as preloadToday } from '../../src/app/features/today/today-screen.tsx'
import type { CasebookDb } from '../../src/db/database.ts'
import type { Profile } from '../../src/db/device.ts'
import {
  aClosedEnquiry,
  aClosureRequest,
  aReportedMatter,
  fixedNow,
  freshDb,
  manager,
  officer,
  otherOfficer,
  phoneAttempts,
  renderWithServices,
  step,
  withEvents,
} from './support/render.tsx'

// Today, Wednesday 4 November 2026: what is overdue, due today and due in the coming week (R8:
// overdue stays listed as overdue), for the officer's own and unassigned matters. A manager also
// sees the closure requests waiting for a decision (R16).

const action = (what: string, dueOn: string, as: Profile = officer) =>
  step('actionSet', { actionId: crypto.randomUUID(), what, who: as.name, dueOn }, { as })

async function anOfficersDay(db: CasebookDb) {
  // Three calls went unanswered last week: the R4 letter has been due since 28 October.
  const mine = await aReportedMatter(db, { on: '2026-10-28' })
  await withEvents(
    db,
    mine,
    ...[step('matterAssigned', { officerId: officer.id }), ...phoneAttempts(3)].map((s) => ({
      ...s,
      on: '2026-10-28',
    })),
    action('Ring the housing officer', '2026-11-04'),
    action('Visit the site with the police', '2026-11-09'),
    action('Check the CCTV request', '2026-11-20'),
  )
  const theirs = await aReportedMatter(db, {
    address: '9 Kings Road, Fleet',
    name: 'Dee Grant',
    as: otherOfficer,
  })
  await withEvents(
    db,
    theirs,
    step('matterAssigned', { officerId: otherOfficer.id }, { as: otherOfficer }),
    action('Someone else’s visit', '2026-11-04', otherOfficer),
  )
  return { mine, theirs }
}

function titlesUnder(heading: RegExp): string[] {
  const section = screen.getByText(heading, { selector: 'h2' }).closest('section')
  return [...(section?.querySelectorAll('.due-title') ?? [])].map((e) => e.textContent ?? '')
}

describe('today', () => {
  it('R8: lists the officer’s overdue, due today and coming-up actions under their own headings', async () => {
    const db = freshDb()
    const { mine } = await anOfficersDay(db)
    renderWithServices(<TodayScreen />, { db, profile: officer })

    expect((await screen.findByText(/^Overdue/, { selector: 'h2' })).textContent).toBe(
      'Overdue (1)',
    )
    expect(titlesUnder(/^Overdue/)).toEqual([
      'Send a letter or e-mail encouraging contact (three calls unanswered)',
    ])
    expect(titlesUnder(/^Due today/)).toEqual(['Ring the housing officer'])
    expect(titlesUnder(/^Coming up this week/)).toEqual(['Visit the site with the police'])

    const overdue = screen
      .getByText('Send a letter or e-mail encouraging contact (three calls unanswered)')
      .closest('a')
    expect(overdue?.textContent).toContain(
      `${mine.reference} · Overdue since 2026-10-28 (5 working days) · R4`,
    )
    expect(overdue?.getAttribute('href')).toBe(`/matters/${mine.matterId}`)
    expect(screen.queryByText(/Closure requests waiting/)).toBeNull()
    expect(screen.queryByText(/Not yet allocated/)).toBeNull()
  })

  it('says so when nothing is due', async () => {
    renderWithServices(<TodayScreen />)

    await screen.findByText('Nothing is overdue.')
    // Each section says it is empty, in the order the day is read: overdue, today, the week ahead.
    const said = ['Nothing is overdue.', 'Nothing else is due today.', 'Nothing is due in the next seven days.']
    const found = said.map((text) => screen.getByText(text))
    for (const [earlier, later] of [[found[0]!, found[1]!], [found[1]!, found[2]!]] as const) {
      expect(earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(Node.DOCUMENT_POSITION_FOLLOWING)
    }
  })

  it('R16: a manager sees the closure requests waiting for a decision, and every officer’s actions', async () => {
    const db = freshDb()
    await anOfficersDay(db)
    const request = await aClosureRequest(db, officer)
    renderWithServices(<TodayScreen />, { db, profile: manager })

    expect(
      (await screen.findByText(/^Closure requests waiting for you/, { selector: 'h2' }))
        .textContent,
    ).toBe('Closure requests waiting for you (1)')
    expect(titlesUnder(/^Closure requests waiting/)).toEqual(['Decide on the closure request'])
    expect(
      screen.getByText('Decide on the closure request').closest('a')?.getAttribute('href'),
    ).toBe(`/matters/${request.matterId}`)
    expect(titlesUnder(/^Due today/).sort()).toEqual([
      'Ring the housing officer',
      'Someone else’s visit',
    ])
  })

  it('a manager sees the open matters no officer has yet, the longest waiting first, to allocate them', async () => {
    const db = freshDb()
    await anOfficersDay(db)
    await aClosedEnquiry(db)
    const newer = await aReportedMatter(db, { address: '7 Church Road, Fleet', name: 'Bo Lee' })
    const older = await aReportedMatter(db, { address: '3 Mill Lane, Crookham', on: '2026-10-30' })
    renderWithServices(<TodayScreen />, { db, profile: manager })

    const heading = await screen.findByText(/^Not yet allocated/, { selector: 'h2' })
    expect(heading.textContent).toBe('Not yet allocated (2)')
    const links = [...(heading.closest('section')?.querySelectorAll('a') ?? [])]
    expect(links.map((a) => a.querySelector('.matter-ref')?.textContent)).toEqual([older.reference, newer.reference])
    expect(links.map((a) => a.getAttribute('href'))).toEqual([`/matters/${older.matterId}`, `/matters/${newer.matterId}`])
    expect(links[0]?.textContent).toContain('3 Mill Lane, Crookham')
  })
})

describe('today at start-up', () => {
  it('R8: draws its lists on the first render from the read started while the app opened', async () => {
    const db = freshDb()
    await anOfficersDay(db)
    await preloadToday(db, fixedNow)

    renderWithServices(<TodayScreen />, { db, profile: officer })

    // No await: the first render already has the data, with no "Loading" in between.
    expect(screen.queryByText(/Loading today/)).toBeNull()
    expect(screen.getByText(/^Overdue/, { selector: 'h2' }).textContent).toBe('Overdue (1)')
    expect(titlesUnder(/^Due today/)).toEqual(['Ring the housing officer'])
  })

  it('reads for itself when no start-up read was made', async () => {
    const db = freshDb()
    await anOfficersDay(db)

    renderWithServices(<TodayScreen />, { db, profile: officer })

    expect(screen.getByText(/Loading today/)).toBeTruthy()
    expect((await screen.findByText(/^Overdue/, { selector: 'h2' })).textContent).toBe('Overdue (1)')
  })
})
