import { cleanup, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import MatterScreen from '../../src/app/features/matter/matter-screen.tsx'
import { tokenHash } from '../../src/app/features/matter/diary-link/link-token.ts'
import { activeDiaryLinks } from '../../src/domain/diary-links.ts'
import { emptyEveryField, openStep, savedMessage, submit, waitForMessages } from './support/form-ui.ts'
import { aReportedMatter, assigned, freshDb, renderWithServices, stateOf, thresholdMet, withEvents } from './support/render.tsx'

// "Issue diary sheets" by private link on the matter page (R5): the link is shown once, as a QR
// code and as text to send; the device keeps only its hash; the officer can revoke it.

async function issueLink() {
  const db = freshDb()
  const matter = await withEvents(db, await aReportedMatter(db), assigned(), thresholdMet())
  const { user } = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
  await openStep(user, 'Issue diary sheets by private link')
  await user.click(screen.getByRole('button', { name: 'Make the link' }))
  const url = (await screen.findByLabelText<HTMLInputElement>('The link')).value
  return { db, matter, user, url, token: url.split('/diary/')[1] ?? '' }
}

// Each test opens the matter page and records steps through the real store: give it time on a
// shared machine.
const slow = 20_000

describe('issuing diary sheets by private link', () => {
  it('R5: shows the link once as a QR code and as text, and the device keeps only its hash', async () => {
    const { db, matter, token } = await issueLink()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(screen.getByRole('img', { name: 'QR code of the complainant’s diary link' })).toBeTruthy()
    for (const name of ['Copy the link', 'Copy a text message', 'Copy an e-mail']) {
      expect(screen.getByRole('button', { name })).toBeTruthy()
    }
    const state = await stateOf(db, matter.matterId)
    expect(state.phase).toBe('evidence')
    expect(activeDiaryLinks(state)).toHaveLength(1)
    const events = await db.events.toArray()
    const issued = events.find((e) => e.type === 'diarySheetsIssued')
    expect(issued?.payload).toMatchObject({ method: 'private_link', link: { tokenHash: await tokenHash(token) } })
    const everything = JSON.stringify([events, await db.outbox.toArray(), await db.matters.toArray()])
    expect(everything).not.toContain(token)
  }, slow)

  it('gives a new token every time', async () => {
    const first = await issueLink()
    cleanup()
    const second = await issueLink()
    expect(first.token).not.toBe(second.token)
  }, slow)

  it('revokes a link: it is no longer offered, and the matter says so', async () => {
    const { db, matter, user } = await issueLink()
    await user.click(screen.getByRole('button', { name: 'Done: the complainant has the link' }))
    expect(await savedMessage()).toBe('Diary sheets issued by private link: saved on this device.')
    const form = await openStep(user, 'Revoke a private diary link')
    await submit(user, form)
    expect(await savedMessage()).toBe('Revoke a private diary link: saved on this device.')
    await waitFor(async () => expect(activeDiaryLinks(await stateOf(db, matter.matterId))).toEqual([]))
    expect(screen.queryByText('Revoke a private diary link', { selector: '.step-list button' })).toBeNull()
  }, slow)

  it('asks which link to revoke when none is chosen, and records nothing', async () => {
    const { db, user } = await issueLink()
    await user.click(screen.getByRole('button', { name: 'Done: the complainant has the link' }))
    const before = (await db.events.toArray()).length
    const form = await openStep(user, 'Revoke a private diary link')
    emptyEveryField(form)
    await submit(user, form)
    expect((await waitForMessages(form)).length).toBeGreaterThan(0)
    expect((await db.events.toArray()).length).toBe(before)
  }, slow)
})
