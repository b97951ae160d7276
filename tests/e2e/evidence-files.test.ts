import { deflateSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { axeViolations } from './support/accessibility.ts'
import { demo, openStep, recordReport, reloadAndSync, waitForServiceWorker, waitUntilSynced } from './support/casebook.ts'
import { demoTeam } from './support/team.ts'

// Issue 12, browser test: an officer offline attaches a photo (a PNG made here) and an audio
// recording (Chromium's fake microphone) to an evidence item, comes back online, and the manager's
// device shows the photo full screen and plays the recording, fetched from the server by hash.

const poll = { timeout: 30_000 }
const team = demoTeam(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'])

/** A 64×48 PNG of stripes: real image bytes a browser decodes, made without any image tool. */
function stripesPng(): Buffer {
  const width = 64
  const height = 48
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set(x % 16 < 8 ? [200, 40, 40] : [30, 90, 200], y * (width * 3 + 1) + 1 + x * 3)
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

const fileRow = (page: Page, name: string | RegExp) => page.locator('.entry-file').filter({ has: page.locator('strong', { hasText: name }) })

it('an officer offline attaches a photo and a recording; online, the manager sees the photo and plays the recording', async () => {
  const officer = await team.device(demo.officer1)
  await waitForServiceWorker(officer)
  const matterId = await recordReport(officer, {
    address: '9 Orchard Close, Northfold',
    postcode: 'GU52 7QT',
    category: 'Noise',
    description: 'The fence panels were kicked in overnight.',
    complainant: { name: 'Noor Ahmed', phone: '01632 960 311' },
  })
  await reloadAndSync(officer)

  await officer.context().setOffline(true)
  const form = await openStep(officer, 'Add an evidence item R10')
  await form.getByLabel('Kind').selectOption({ label: 'Photo' })
  await form.getByLabel('Description').fill('The broken fence, and the noise the neighbours made at 2am.')
  await form.getByLabel('Where it came from').fill('Taken by the officer on the visit')
  await form.getByLabel('Files to attach').setInputFiles({ name: 'fence.png', mimeType: 'image/png', buffer: stripesPng() })
  await form.getByRole('button', { name: 'Remove fence.png' }).waitFor()

  await form.getByRole('button', { name: 'Record audio' }).click()
  await expect.poll(() => form.locator('.recording-time').textContent(), poll).toBe('0:02')
  await form.getByRole('button', { name: 'Stop and attach the recording' }).click()
  await form.getByRole('button', { name: /^Remove Recording / }).waitFor()
  expect(await axeViolations(officer)).toEqual([])
  await form.getByRole('button', { name: 'Save', exact: true }).click()

  await fileRow(officer, 'fence.png').getByText('On this device only').waitFor()
  await fileRow(officer, /^Recording /).getByText('On this device only').waitFor()
  // The preview was made at capture, from the photo itself.
  expect(await fileRow(officer, 'fence.png').locator('img.file-thumb').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/)

  await officer.context().setOffline(false)
  await waitUntilSynced(officer)
  await reloadAndSync(officer)
  await fileRow(officer, 'fence.png').getByText('Safe on the server').waitFor(poll)
  await fileRow(officer, /^Recording /).getByText('Safe on the server').waitFor(poll)

  const manager = await team.device(demo.manager1)
  await team.openMatter(manager, matterId)
  const photo = fileRow(manager, 'fence.png')
  await photo.waitFor(poll)
  await photo.getByRole('button', { name: 'View full screen: fence.png' }).click()
  const viewer = manager.getByRole('dialog', { name: 'fence.png' })
  await viewer.waitFor()
  expect(await viewer.locator('img').evaluate((img) => {
    const image = img as unknown as { decode(): Promise<void>; naturalWidth: number }
    return image.decode().then(() => image.naturalWidth)
  })).toBe(64)
  await manager.keyboard.press('Escape')
  await viewer.waitFor({ state: 'detached' })

  const recording = fileRow(manager, /^Recording /)
  await recording.getByRole('button', { name: /^Play: Recording / }).click()
  const audio = recording.locator('audio')
  await audio.waitFor()
  // It plays, from bytes fetched by hash and checked against it; and it seeks.
  const played = await audio.evaluate(async (node) => {
    const el = node as unknown as { muted: boolean; currentTime: number; error: { code: number } | null; play(): Promise<void> }
    el.muted = true
    await el.play()
    await new Promise((resolve) => setTimeout(resolve, 700))
    el.currentTime = 0.2
    return { time: el.currentTime, error: el.error?.code ?? null }
  })
  expect(played.error).toBeNull()
  expect(played.time).toBeGreaterThan(0)
  await manager.getByText('On this device only').waitFor({ state: 'detached' })
  expect(await axeViolations(manager)).toEqual([])
})
