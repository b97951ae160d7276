import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import MatterScreen from '../../src/app/features/matter/matter-screen.tsx'
import type { CasebookDb } from '../../src/db/database.ts'
import { matterEvents } from '../../src/db/queries.ts'
import { pullSession } from '../../src/db/server-events.ts'
import { genesisHash, nextLink } from '../../src/domain/event-chain.ts'
import { aReportedMatter, fixedNow, freshDb, phoneAttempts, renderWithServices, withEvents } from './support/render.tsx'

// Issue 13: the matter screen says, quietly, whether the events on this device reproduce the
// tamper-evident chain the server sent with them.

/** The server's answer to a pull of the matter: each event with its seq, arrival and link. */
async function pullBack(db: CasebookDb, matterId: string): Promise<void> {
  const events = await matterEvents(db, matterId)
  let previous = genesisHash
  const pulled = []
  for (const [i, { seq: _seq, ...event }] of events.entries()) {
    const stored = { ...event, seq: 40 + 2 * i, receivedAt: fixedNow }
    previous = await nextLink(previous, stored)
    pulled.push({ ...stored, hash: previous })
  }
  const session = pullSession(db, () => fixedNow)
  await session.page(pulled, 100)
  await session.finish()
}

describe('the record chain on the matter screen', () => {
  it('says a matter recorded only on this device is not yet verified', async () => {
    const db = freshDb()
    const matter = await aReportedMatter(db)
    renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
    expect(
      await screen.findByText(/Not yet verified with the server's tamper-evident chain: nothing on this device has reached the server yet/),
    ).toBeTruthy()
  })

  it('says the record is verified once what the server sent reproduces its chain', async () => {
    const db = freshDb()
    const matter = await withEvents(db, await aReportedMatter(db), ...phoneAttempts(2))
    await pullBack(db, matter.matterId)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
    const summary = await screen.findByText("Record verified with the server's tamper-evident chain")
    await user.click(summary)
    expect(screen.getByText(/All 3 entries the server holds reproduce its chain/)).toBeTruthy()
  })

  it('warns when an entry on this device no longer matches the chain', async () => {
    const db = freshDb()
    const matter = await withEvents(db, await aReportedMatter(db), ...phoneAttempts(1))
    await pullBack(db, matter.matterId)
    const [, second] = await matterEvents(db, matter.matterId)
    await db.events.update(second!.id, { occurredAt: '2026-11-01T09:00:00.000Z' })
    renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
    expect(
      await screen.findByText(/Not verified with the server's tamper-evident chain: entry 2 of 2, recorded Mon 2 Nov 2026, differs/),
    ).toBeTruthy()
  })
})
