import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import DiaryEntryScreen from '../../src/app/features/matter/diary-entry-screen.tsx'
import MatterScreen from '../../src/app/features/matter/matter-screen.tsx'
import type { CasebookDb } from '../../src/db/database.ts'
import { alertText, fill, openStep, savedMessage, submit } from './support/form-ui.ts'
import {
  aReportedMatter,
  anEnquiryWithDiarySheets,
  eventCount,
  freshDb,
  renderWithServices,
} from './support/render.tsx'

// A full device: IndexedDB refuses the write with a QuotaExceededError. The transaction rolls
// back, the officer is told in words they can act on, and what they typed stays in the form.

const storageFull =
  'This device has run out of storage space, so this entry was not saved. What you typed is still here: free some space (photos, other apps), then save again.'

/** Makes every new event fail as a full disk would; returns how to free the space again. */
function fillTheDisk(db: CasebookDb): () => void {
  const refuse = () => {
    throw new DOMException('full', 'QuotaExceededError')
  }
  db.events.hook('creating', refuse)
  return () => db.events.hook('creating').unsubscribe(refuse)
}

describe('storage full', () => {
  it('a step form shows the storage-full message, keeps what was typed, and saves once space is freed', async () => {
    const db = freshDb()
    const matter = await aReportedMatter(db)
    const before = await eventCount(db)
    const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
    const form = await openStep(user, 'Record a contact')
    await fill(user, 'What was said', 'Ann says the music stopped on Sunday.')
    const freeSpace = fillTheDisk(db)

    await submit(user, form)

    expect(await alertText()).toBe(storageFull)
    expect(screen.getByLabelText<HTMLTextAreaElement>('What was said').value).toBe(
      'Ann says the music stopped on Sunday.',
    )
    expect(await eventCount(db)).toBe(before)
    expect(await db.outbox.count()).toBe(before)

    freeSpace()
    await submit(user, form)

    expect(await savedMessage()).toBe('Record a contact: saved on this device.')
    expect(await eventCount(db)).toBe(before + 1)
  })

  it('the diary entry shows the storage-full message and keeps the entry and its draft', async () => {
    const db = freshDb()
    const matter = await anEnquiryWithDiarySheets(db)
    const before = await eventCount(db)
    const { user } = renderWithServices(<DiaryEntryScreen matterId={matter.matterId} />, { db })
    await screen.findByRole('heading', { name: 'Diary entry' })
    await fill(user, 'Who was involved', 'The man at number 16')
    await fill(user, 'What happened', 'Shouting from 23:00.')
    await fill(user, 'How it affected the complainant', 'Could not sleep.')
    await waitFor(async () => expect(await db.drafts.get(`diary:${matter.matterId}`)).toBeDefined())
    fillTheDisk(db)

    await user.click(screen.getByRole('button', { name: 'Save diary entry' }))

    expect(await alertText()).toBe(storageFull)
    expect(
      screen.getByLabelText<HTMLTextAreaElement>('How it affected the complainant').value,
    ).toBe('Could not sleep.')
    expect(await eventCount(db)).toBe(before)
    expect((await db.drafts.get(`diary:${matter.matterId}`))?.value).toMatchObject({
      impact: 'Could not sleep.',
    })
  })
})
