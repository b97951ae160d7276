import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import MatterScreen from '../../src/app/features/matter/matter-screen.tsx'
import { markUploaded, markUploading } from '../../src/db/files.ts'
import { sha256Hex } from '../../src/sync/file-hash.ts'
import { fill, openStep, savedMessage, submit } from './support/form-ui.ts'
import { aReportedMatter, freshDb, renderWithServices } from './support/render.tsx'

// Issue 12: an officer attaches files to an evidence item; they are checked before anything is
// saved, stored on the device with the entry, and the chronology says where each one is.

const png = (text: string, name = 'fence.png') => new File([text], name, { type: 'image/png' })

async function onTheEvidenceForm() {
  const db = freshDb()
  const matter = await aReportedMatter(db)
  const view = renderWithServices(<MatterScreen matterId={matter.matterId} />, { db })
  const form = await openStep(view.user, 'Add an evidence item')
  return { ...view, matter, form }
}

async function describeEvidence(user: Parameters<typeof fill>[0]) {
  await user.selectOptions(screen.getByLabelText('Kind'), 'Photo')
  await fill(user, 'Description', 'Photo of the damaged fence.')
  await fill(user, 'Where it came from', 'Taken by the officer on the visit')
}

describe('attaching files to an evidence item', { timeout: 20_000 }, () => {
  it('refuses an empty file and an unsupported kind with a reason, and keeps the good one', async () => {
    await onTheEvidenceForm()
    const picker = screen.getByLabelText<HTMLInputElement>('Files to attach')
    // As a browser lets through when "All files" is chosen in its picker: the accept list is a hint.
    const files = [png('png bytes'), new File([], 'empty.pdf', { type: 'application/pdf' }), new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' })]
    fireEvent.change(picker, { target: { files } })

    const attached = await screen.findByRole('list', { name: 'Attached files' })
    expect(within(attached).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('fence.png · 9 bytes')])
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent)
    expect(alerts).toContain('“empty.pdf” is empty (0 bytes), so there is nothing to attach.')
    expect(alerts).toContain('“tool.exe” cannot be attached: Casebook keeps photos, videos, audio, PDFs and Office documents.')
  })

  it('saves the entry with its files in one go; the chronology shows each file’s state as it changes', async () => {
    const { user, db, form } = await onTheEvidenceForm()
    await describeEvidence(user)
    await user.upload(screen.getByLabelText<HTMLInputElement>('Files to attach'), [png('fence photo'), new File(['%PDF-1.4 letter'], 'letter.pdf', { type: 'application/pdf' })])
    await screen.findByRole('button', { name: 'Remove letter.pdf' })
    await submit(user, form)

    expect(await savedMessage()).toBe('Add an evidence item: saved on this device.')
    const photoSha = await sha256Hex(new Blob(['fence photo']))
    const stored = await db.files.get(photoSha)
    expect(stored).toMatchObject({ state: 'local', name: 'fence.png', mediaType: 'image/png', size: 11 })
    expect(await db.uploadQueue.count()).toBe(2)
    const evidence = (await db.events.toArray()).find((e) => e.type === 'evidenceAdded')
    expect(evidence?.payload).toMatchObject({ files: [{ sha256: photoSha, name: 'fence.png' }, { name: 'letter.pdf' }] })

    const row = (await screen.findByText('fence.png', { selector: 'strong' })).closest('li')!
    expect(within(row).getByText('On this device only')).toBeTruthy()
    expect(within(row).getByText(photoSha.slice(0, 12))).toBeTruthy()
    await markUploading(db, photoSha, 4)
    await within(row).findByText('Uploading 36%')
    await markUploaded(db, photoSha)
    await within(row).findByText('Safe on the server')
  })

  it('a file is corrected away with a reason, never deleted', async () => {
    const { user, db, form } = await onTheEvidenceForm()
    await describeEvidence(user)
    await user.upload(screen.getByLabelText<HTMLInputElement>('Files to attach'), [png('wrong photo', 'neighbour.png')])
    await screen.findByRole('button', { name: 'Remove neighbour.png' })
    await submit(user, form)
    await savedMessage()

    await user.click(await screen.findByRole('button', { name: 'Remove from the entry: neighbour.png' }))
    await user.click(screen.getByRole('button', { name: 'Remove the file' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Say why the file is removed: the reason stays in the history.')
    await user.type(screen.getByLabelText('Why is it removed?'), 'Photo of the wrong house.')
    await user.click(screen.getByRole('button', { name: 'Remove the file' }))

    await screen.findByText('Removed by a correction (kept in the history): neighbour.png.')
    const correction = (await db.events.toArray()).find((e) => e.type === 'entryCorrected')
    expect(correction?.payload).toMatchObject({ reason: 'Photo of the wrong house.', changes: { files: [] } })
    await waitFor(async () => expect(await db.files.count()).toBe(1))
  })
})
