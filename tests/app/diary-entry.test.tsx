import { screen, waitFor } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import DiaryEntryScreen from '../../src/app/features/matter/diary-entry-screen.tsx'
import { errorForLabel, fill } from './support/form-ui.ts'
import {
  anEnquiryWithDiarySheets,
  eventCount,
  freshDb,
  renderWithServices,
  stateOf,
} from './support/render.tsx'

// R5: the diary entry, written in the field. The impact on the complainant is required, and a
// half-typed entry is kept on the device as a draft until it is saved.

async function onTheDiaryScreen() {
  const db = freshDb()
  const matter = await anEnquiryWithDiarySheets(db)
  const before = await eventCount(db)
  const view = renderWithServices(<DiaryEntryScreen matterId={matter.matterId} />, { db })
  await screen.findByRole('heading', { name: 'Diary entry' })
  return { ...view, matter, before }
}

async function describeWhatHappened(user: UserEvent) {
  await fill(user, 'Who was involved', 'The man at number 16')
  await fill(user, 'What happened', 'Shouting and banging on the shared wall from 23:00.')
}

const save = (user: UserEvent) =>
  user.click(screen.getByRole('button', { name: 'Save diary entry' }))
const draftOf = (db: ReturnType<typeof freshDb>, matterId: string) =>
  db.drafts.get(`diary:${matterId}`)

describe('diary entry', () => {
  it('starts from now, at the matter’s address, recording ASB', async () => {
    await onTheDiaryScreen()
    expect(screen.getByLabelText<HTMLInputElement>('Where').value).toBe('14 Fleet Road, Fleet')
    expect(
      screen.getByLabelText<HTMLInputElement>('This entry records anti-social behaviour').checked,
    ).toBe(true)
  })

  it('R5: the impact on the complainant is required', async () => {
    const { user, db, before } = await onTheDiaryScreen()
    await describeWhatHappened(user)

    await save(user)

    await waitFor(() =>
      expect(errorForLabel('How it affected the complainant')).toBe('This is required.'),
    )
    expect(
      screen.getByLabelText('How it affected the complainant').getAttribute('aria-invalid'),
    ).toBe('true')
    expect(await eventCount(db)).toBe(before)
  })

  it('R5: when the store fails, says so, keeps what was typed, and a second Save records it', async () => {
    const { user, db, matter, before } = await onTheDiaryScreen()
    await describeWhatHappened(user)
    await fill(user, 'How it affected the complainant', 'Could not sleep.')
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(new Error('The disk is gone'))

    await save(user)

    expect((await screen.findByRole('alert')).textContent).toContain('could not be saved on this device')
    expect(screen.getByLabelText<HTMLTextAreaElement>('How it affected the complainant').value).toBe('Could not sleep.')
    expect(await eventCount(db)).toBe(before)

    await save(user)
    await waitFor(() => expect(window.location.pathname).toBe(`/matters/${matter.matterId}`))
    expect(await eventCount(db)).toBe(before + 1)
  })

  it('R5: with the impact, the entry is recorded and the matter opens again', async () => {
    const { user, db, matter } = await onTheDiaryScreen()
    await describeWhatHappened(user)
    await fill(
      user,
      'How it affected the complainant',
      'Could not sleep; the children were frightened.',
    )

    await save(user)

    await waitFor(() => expect(window.location.pathname).toBe(`/matters/${matter.matterId}`))
    const state = await stateOf(db, matter.matterId)
    expect(state.diary.asbEntries).toBe(1)
    expect(await draftOf(db, matter.matterId)).toBeUndefined()
  })

  it('R5: keeps the draft on the device as it is typed, and restores it when the screen opens again', async () => {
    const { user, db, matter, unmount } = await onTheDiaryScreen()
    await describeWhatHappened(user)

    await waitFor(async () =>
      expect((await draftOf(db, matter.matterId))?.value).toMatchObject({
        who: 'The man at number 16',
      }),
    )
    expect(screen.getByText('Draft kept on this device.')).toBeDefined()
    unmount()

    renderWithServices(<DiaryEntryScreen matterId={matter.matterId} />, { db })

    expect(
      await screen.findByDisplayValue('Shouting and banging on the shared wall from 23:00.'),
    ).toBeDefined()
    expect(screen.getByLabelText<HTMLInputElement>('Who was involved').value).toBe(
      'The man at number 16',
    )
    expect(screen.getByText('Draft kept on this device.')).toBeDefined()
  })

  it('the quick times fill in when it happened', async () => {
    const { user } = await onTheDiaryScreen()
    const when = screen.getByLabelText<HTMLInputElement>('When it happened')
    const now = when.value

    await user.click(screen.getByRole('button', { name: 'Yesterday, same time' }))

    expect(Date.parse(now) - Date.parse(when.value)).toBe(24 * 3_600_000)
  })
})
