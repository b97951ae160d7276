import { readFile } from 'node:fs/promises'
import { expect, it } from 'vitest'
import { pdfText } from '../unit/documents/support/pdf-text.ts'
import { apiSignIn, pullAll } from './support/api.ts'
import { demo, waitForServiceWorker } from './support/casebook.ts'
import { demoTeam } from './support/team.ts'

// Issue 13, browser test: an officer, offline, makes the court bundle of a demo case on her tablet
// and saves it. The PDF is read back: the matter, its entries attributed by name, page numbers.

const team = demoTeam()

it('an officer offline makes the court bundle of a demo case and downloads it', async () => {
  const session = await apiSignIn(team.url(), demo.officer1)
  const events = await pullAll(session)
  const caseEvent = events.find(
    (e) => e.type === 'caseRecordCreated' && e.actorId === session.user.id,
  )
  if (!caseEvent) throw new Error('The demo council has no case of officer 1')
  const entries = events.filter((e) => e.matterId === caseEvent.matterId).length

  const page = await team.device(demo.officer1)
  await waitForServiceWorker(page)
  await page.context().setOffline(true)
  await team.openMatter(page, caseEvent.matterId)
  const reference = (await page.getByRole('heading', { level: 1 }).innerText()).trim()
  const panel = page.getByRole('region', { name: 'Court bundle' })
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    panel.getByRole('button', { name: 'Make the court bundle' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^court-bundle-.+\.pdf$/)
  await expect
    .poll(() => panel.getByRole('status').innerText(), { timeout: 30_000 })
    .toMatch(/^Saved court-bundle-/)
  const text = await pdfText(new Uint8Array(await readFile(await download.path())), true)
  expect(text).toContain(reference.split(' ')[0])
  expect(text).toMatch(/Produced by\s+Olivia Price \(officer\)/)
  expect(text.match(/^Entry \d+: /gm)).toHaveLength(entries)
  expect(text).toMatch(/Recorded by\s+Olivia Price \(officer\)/)
  expect(text).toMatch(/Page 1 of \d+/)
})
