import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RunningApp } from './support/app-server.ts'
import { projectRoot, startApp } from './support/app-server.ts'
import { launchBrowser, newContext, phone, tablet } from './support/browser.ts'
import {
  diaryForm,
  expectInChronology,
  goTo,
  heading,
  matterInEvidence,
  recordDiaryEntry,
  demo,
  signInAs,
  signInForm,
} from './support/casebook.ts'

// Issue 3, browser test 6: screenshots of the screens an officer uses most, at phone (390×844) and
// tablet (1024×768) size, and of the two pages seen before signing in (sign-in, the public report
// form), kept as test artifacts in test-results/screenshots/ for a person to look at.

const dir = join(projectRoot, 'test-results/screenshots')
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page
let matterPath = ''

beforeAll(async () => {
  // The server and Chromium start side by side.
  ;[app, browser] = await Promise.all([startApp(), launchBrowser()])
  context = await newContext(browser, phone)
  page = await context.newPage()
  page.setDefaultTimeout(10_000)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })

  await page.goto(app.url)
  await signInAs(page, demo.officer1)
  await matterInEvidence(page, {
    address: '9 Larch Avenue, Fleet',
    postcode: 'GU51 4BB',
    category: 'Rowdy or inconsiderate behaviour',
    description: 'Parties every weekend with people spilling into the street at 3am.',
    complainant: { name: 'Dev Patel', phone: '01252 000555' },
  })
  await recordDiaryEntry(page, {
    when: 'Yesterday, same time',
    who: 'Guests at number 11',
    what: 'Shouting and bottles smashed in the road until 3am.',
    impact: 'Woken twice; afraid to go out to the car in the morning.',
  })
  matterPath = new URL(page.url()).pathname
})

afterAll(async () => {
  await context?.close()
  await Promise.all([browser?.close(), app?.close()])
})

/**
 * Takes the screenshot of the whole page and checks it is a PNG of the viewport's width with
 * something drawn in it. The viewport is stretched to the page's height for the shot: the action
 * plan draws entries only near the viewport (content-visibility: auto), so a plain full-page
 * capture would show the entries below the fold as empty boxes.
 */
async function shoot(name: string, on: Page = page): Promise<void> {
  const path = join(dir, `${name}.png`)
  const viewport = on.viewportSize() ?? phone
  const height = await on.evaluate<number>('document.documentElement.scrollHeight')
  await on.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) })
  try {
    await on.evaluate(
      'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
    )
    await on.screenshot({ path, fullPage: true })
  } finally {
    await on.setViewportSize(viewport)
  }
  const png = await readFile(path)
  expect(png.subarray(0, 8).equals(pngSignature), `${name} is a PNG`).toBe(true)
  // IHDR: width at byte 16, height at byte 20 (big-endian).
  expect(png.readUInt32BE(16)).toBe(viewport.width)
  expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(viewport.height)
  expect(png.length).toBeGreaterThan(10_000)
}

it.each([
  ['390x844', phone],
  ['1024x768', tablet],
])('Today, a matter page and the diary form at %s', async (size, viewport) => {
  await page.setViewportSize(viewport)

  await goTo(page, 'Today')
  await page.getByRole('link', { name: /9 Larch Avenue/ }).waitFor()
  await shoot(`today-${size}`)

  await page.goto(`${app.url}${matterPath}`)
  await heading(page, /^ASB-/).waitFor()
  await expectInChronology(page, 'Shouting and bottles smashed in the road until 3am.')
  await shoot(`matter-${size}`)

  await page.getByRole('link', { name: 'Record a diary entry' }).click()
  await diaryForm(page).getByLabel('What happened').waitFor()
  await shoot(`diary-${size}`)
})

it.each([
  ['390x844', phone],
  ['1024x768', tablet],
])('sign-in and the public report form at %s', async (size, viewport) => {
  const signedOut = await newContext(browser, viewport)
  try {
    const other = await signedOut.newPage()
    other.setDefaultTimeout(10_000)
    await other.goto(app.url)
    await signInForm(other).waitFor()
    await shoot(`sign-in-${size}`, other)
    await other.goto(`${app.url}/report`)
    await other.getByRole('form', { name: 'Report anti-social behaviour' }).waitFor()
    await shoot(`public-report-${size}`, other)
  } finally {
    await signedOut.close()
  }
})
