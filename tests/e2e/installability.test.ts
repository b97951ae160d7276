import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RunningApp } from './support/app-server.ts'
import { startApp } from './support/app-server.ts'
import { launchProfile } from './support/browser.ts'
import {
  demo,
  recordReport,
  reference,
  signInAs,
  syncLine,
  todayHeading,
  waitForServiceWorker,
  waitUntilSynced,
} from './support/casebook.ts'
import { recordMetrics } from './support/metrics.ts'

// Issue 3, browser test 5: in a real (persistent) Chromium profile the app is installable, its
// manifest is complete (icons and the screenshots of the richer install dialog), and after the
// browser is closed and opened again with no network, the app and what was recorded offline are
// still there; back online, the entries kept across the restart reach the server.

type Icon = { src: string; sizes: string; type?: string; purpose?: string }
type Screenshot = {
  src: string
  sizes: string
  type?: string
  form_factor?: string
  label?: string
}
type Manifest = {
  name?: string
  short_name?: string
  description?: string
  theme_color?: string
  display?: string
  start_url?: string
  icons?: Icon[]
  screenshots?: Screenshot[]
}

let app: RunningApp
let userDataDir = ''
let ref = ''

beforeAll(async () => {
  app = await startApp()
  userDataDir = await mkdtemp(join(tmpdir(), 'casebook-profile-'))
})

afterAll(async () => {
  await app?.close()
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true })
})

async function firstPage(context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(10_000)
  return page
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): string {
  return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`
}

it('is installable: no installability errors, and a full manifest with 192, 512 and maskable icons', async () => {
  const context = await launchProfile(userDataDir)
  try {
    const page = await firstPage(context)
    await page.goto(app.url)
    await signInAs(page, demo.officer1)
    await waitForServiceWorker(page)
    await waitUntilSynced(page)

    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    expect(installabilityErrors).toEqual([])

    const { url, errors, data } = await cdp.send('Page.getAppManifest')
    expect(errors).toEqual([])
    const manifest = JSON.parse(data ?? '{}') as Manifest
    expect(manifest).toMatchObject({
      name: 'Casebook',
      short_name: 'Casebook',
      display: 'standalone',
      start_url: '/',
    })
    expect(manifest.description).toMatch(/anti-social behaviour/i)
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)

    const icons = manifest.icons ?? []
    const find = (sizes: string, purpose: string) =>
      icons.find((i) => i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(purpose))
    const wanted = {
      any192: find('192x192', 'any'),
      any512: find('512x512', 'any'),
      maskable512: find('512x512', 'maskable'),
    }
    expect(wanted.any192, '192×192 icon').toBeDefined()
    expect(wanted.any512, '512×512 icon').toBeDefined()
    expect(wanted.maskable512, 'maskable 512×512 icon').toBeDefined()
    // Each icon is a real PNG of the size it claims.
    for (const icon of Object.values(wanted)) {
      const response = await page.request.get(new URL(icon?.src ?? '', url).href)
      expect(response.ok(), icon?.src).toBe(true)
      expect(pngSize(await response.body()), icon?.src).toBe(icon?.sizes)
    }

    // The richer install dialog: a wide and a narrow screenshot, each a PNG of its stated size.
    const screenshots = manifest.screenshots ?? []
    expect(screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide'])
    for (const shot of screenshots) {
      expect(shot.label, shot.src).toBeTruthy()
      const response = await page.request.get(new URL(shot.src, url).href)
      expect(response.ok(), shot.src).toBe(true)
      expect(pngSize(await response.body()), shot.src).toBe(shot.sizes)
    }

    // Recorded with no signal, so it is still waiting when the browser closes.
    await context.setOffline(true)
    await recordReport(page, {
      address: '31 Oak Lane, Fleet',
      category: 'Graffiti',
      description: 'Tags sprayed on the garden wall overnight.',
      complainant: { name: 'Ruth Green', email: 'ruth@example.org' },
    })
    ref = await reference(page)
    await page.getByText('2 not yet sent').waitFor()
  } finally {
    await context.close()
  }
})

it('after the browser is closed and reopened offline, the app opens with the report recorded', async () => {
  expect(ref).toMatch(/^ASB-/)
  const context = await launchProfile(userDataDir)
  try {
    await context.setOffline(true)
    const page = await firstPage(context)
    const started = performance.now()
    await page.goto(app.url)
    await todayHeading(page).waitFor()
    await recordMetrics({ coldStartOfflineToTodayMs: Math.round(performance.now() - started) })

    await page
      .getByRole('status')
      .filter({ hasText: 'Offline: work is saved on this device' })
      .waitFor()
    const matter = page
      .getByRole('region', { name: /^Caseload/ })
      .getByRole('link', { name: new RegExp(ref) })
    expect(await matter.innerText()).toContain('31 Oak Lane, Fleet')
    await page.getByText('2 not yet sent').waitFor()

    // Back online: what waited across the browser restart is sent.
    await context.setOffline(false)
    await waitUntilSynced(page)
    expect(await syncLine(page).innerText()).not.toMatch(/not yet sent/)
  } finally {
    await context.close()
  }
})
