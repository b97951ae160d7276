import { screen, waitFor } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../src/app/app.tsx'
import SearchScreen from '../../src/app/features/search/search-screen.tsx'
import type { CasebookDb } from '../../src/db/database.ts'
import {
  aReportedMatter,
  freshDb,
  perpetratorAdded,
  renderWithServices,
  withEvents,
} from './support/render.tsx'

// Search as you type, across references, addresses and the names of the people on a matter.

beforeEach(() => {
  window.history.replaceState(null, '', '/search')
})

async function threeMatters(db: CasebookDb) {
  const fleetRoad = await aReportedMatter(db, {
    address: '14 Fleet Road, Fleet',
    name: 'Ann Example',
  })
  const station = await aReportedMatter(db, {
    address: '3 Station Approach, Farnborough',
    postcode: 'GU14 6AZ',
    name: 'Bob Stone',
  })
  const elmGrove = await aReportedMatter(db, { address: '22 Elm Grove, Fleet', name: 'Carla Diaz' })
  await withEvents(db, elmGrove, perpetratorAdded(undefined, 'Dylan Marsh'))
  return { fleetRoad, station, elmGrove }
}

/** Each result as "reference · what matched". */
function results(): string[] {
  return [...document.querySelectorAll('.matter-list li')].map(
    (li) =>
      `${li.querySelector('.matter-ref')?.textContent} · ${li.querySelector('.hint')?.textContent}`,
  )
}

async function search(user: UserEvent, text: string) {
  const box = screen.getByLabelText('Reference, address, postcode or name')
  await user.clear(box)
  await user.type(box, text)
}

describe('search', () => {
  it('finds a matter by its reference as it is typed, in any case', async () => {
    const db = freshDb()
    const { station } = await threeMatters(db)
    const { user } = renderWithServices(<SearchScreen initialQuery="" />, { db })
    expect(screen.getByText('Type to search.')).toBeDefined()

    await search(user, station.reference.toLowerCase().slice(4))

    await waitFor(() => expect(results()).toEqual([`${station.reference} · matched reference`]))
    expect(screen.getByText('1 match')).toBeDefined()
  })

  it('finds matters by address, and narrows as more is typed', async () => {
    const db = freshDb()
    const { fleetRoad, elmGrove } = await threeMatters(db)
    const { user } = renderWithServices(<SearchScreen initialQuery="" />, { db })

    await search(user, 'fleet')
    await waitFor(() =>
      expect(results().sort()).toEqual(
        [
          `${fleetRoad.reference} · matched address`,
          `${elmGrove.reference} · matched address`,
        ].sort(),
      ),
    )
    expect(screen.getByText('2 matches')).toBeDefined()

    await user.type(screen.getByLabelText('Reference, address, postcode or name'), ' elm')
    await waitFor(() => expect(results()).toEqual([`${elmGrove.reference} · matched address`]))
  })

  it('finds matters by the name of the complainant or of another party', async () => {
    const db = freshDb()
    const { station, elmGrove } = await threeMatters(db)
    const { user } = renderWithServices(<SearchScreen initialQuery="" />, { db })

    await search(user, 'Stone')
    await waitFor(() => expect(results()).toEqual([`${station.reference} · matched complainant`]))

    await search(user, 'marsh')
    await waitFor(() =>
      expect(results()).toEqual([`${elmGrove.reference} · matched alleged perpetrator`]),
    )
  })

  it('says when nothing matches', async () => {
    const db = freshDb()
    await threeMatters(db)
    const { user } = renderWithServices(<SearchScreen initialQuery="" />, { db })

    await search(user, 'Basingstoke')

    await waitFor(() => expect(screen.getByText('0 matches')).toBeDefined())
    expect(results()).toEqual([])
  })

  it('says how many match in all when there are more than it lists', async () => {
    const db = freshDb()
    for (let n = 1; n <= 52; n++) await aReportedMatter(db, { address: `${n} Kings Road, Fleet`, name: `Person ${n}` })
    const { user } = renderWithServices(<SearchScreen initialQuery="" />, { db })

    await search(user, 'kings road')

    await waitFor(() =>
      expect(screen.getByText('52 matches; the 50 most recently active are shown. Type more to narrow them.')).toBeDefined(),
    )
    expect(results()).toHaveLength(50)
  })

  it('opens with the query from the address bar', async () => {
    const db = freshDb()
    const { station } = await threeMatters(db)
    renderWithServices(<SearchScreen initialQuery="GU14" />, { db })

    await waitFor(() => expect(results()).toEqual([`${station.reference} · matched address`]))
  })

  it('keeps the focus in the search box while typing, though the query is kept in the address', async () => {
    const db = freshDb()
    const { station } = await threeMatters(db)
    const { user } = renderWithServices(<App />, { db })
    const box = await screen.findByLabelText('Reference, address, postcode or name')
    await user.click(box)

    // user.type types into whatever has the focus after each key: a lost focus loses the rest.
    // Letters no reference can hold (references are hex), so only the address matches.
    await user.keyboard('Station Ap')

    expect(document.activeElement).toBe(box)
    await waitFor(() => expect(window.location.search).toBe('?q=Station%20Ap'))
    expect(document.activeElement).toBe(box)
    await waitFor(() => expect(results()).toEqual([`${station.reference} · matched address`]))
  })

  it('lists the most recently active matter first', async () => {
    const db = freshDb()
    const { fleetRoad, elmGrove } = await threeMatters(db)
    const { user } = renderWithServices(<SearchScreen initialQuery="" />, { db })

    await search(user, 'fleet')

    // Elm Grove had a person added after both reports were made.
    await waitFor(() =>
      expect(results().map((r) => r.split(' · ')[0])).toEqual([elmGrove.reference, fleetRoad.reference]),
    )
  })
})
