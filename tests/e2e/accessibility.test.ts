import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from './support/app-server.ts'
import { startApp } from './support/app-server.ts'
import { axeViolations, focused, smallTargets } from './support/accessibility.ts'
import { launchBrowser, newContext, phone, tablet } from './support/browser.ts'
import {
  choose,
  demo,
  diaryForm,
  goTo,
  heading,
  openStep,
  recordDiaryEntry,
  recordReport,
  recordStep,
  signInAs,
  signInForm,
  todayHeading,
  waitUntilSynced,
} from './support/casebook.ts'

// Issue 3, browser test 4, and issue 4's public report page: axe finds no WCAG 2.1 A/AA violation
// on any screen, at phone and tablet sizes; every target is at least 44px high; the keyboard
// reaches the skip link first and focus is always visible. Each screen is checked in the state its
// user meets it (errors shown, a step form open, search results listed, offline), at both sizes,
// and all findings are reported together.

// Targets under 44px the app has today, reported to be fixed; any other small target fails.
// Empty since the 44px checkbox rows and the diary back link were fixed: keep it that way.
const knownSmallTargets: RegExp[] = []

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  // The server and Chromium start side by side.
  ;[app, browser] = await Promise.all([startApp(), launchBrowser()])
})

afterAll(async () => {
  await Promise.all([browser?.close(), app?.close()])
})

// Two axe runs a screen (about 1 s each on a busy 2-core machine) take longer than a test's default.
const axeTimeout = 180_000

type Findings = { violations: string[]; smallTargets: string[] }

/** Checks the screen as it is now at phone and at tablet size, adding what is wrong to `findings`. */
async function check(page: Page, screen: string, findings: Findings): Promise<void> {
  for (const viewport of [phone, tablet]) {
    await page.setViewportSize(viewport)
    const where = `${screen} at ${viewport.width}×${viewport.height}`
    findings.violations.push(...(await axeViolations(page)).map((v) => `${where}: ${v}`))
    const small = (await smallTargets(page)).filter(
      (t) => !knownSmallTargets.some((known) => known.test(t)),
    )
    findings.smallTargets.push(...small.map((t) => `${where}: ${t}`))
  }
}

describe('every screen, at 390×844 and 1024×768', () => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    context = await newContext(browser, phone)
    page = await context.newPage()
    page.setDefaultTimeout(10_000)
  })

  afterAll(async () => {
    await context?.close()
  })

  it(
    'sign-in (with its error), Today and New report with its validation errors',
    async () => {
      const findings: Findings = { violations: [], smallTargets: [] }
      await page.goto(app.url)
      await signInForm(page).waitFor()
      await check(page, 'sign-in', findings)
      await signInForm(page).getByLabel('Username').fill(demo.officer1.username)
      await signInForm(page).getByLabel('Password').fill('not the password')
      await signInForm(page).getByRole('button', { name: 'Sign in' }).click()
      await signInForm(page).getByRole('alert').waitFor()
      await check(page, 'sign-in (wrong password)', findings)

      await signInAs(page, demo.officer1)
      await waitUntilSynced(page)
      await page.getByRole('link', { name: /14 Larch Close/ }).waitFor()
      await check(page, 'Today (demo caseload)', findings)

      await goTo(page, 'New report')
      const report = page.getByRole('form', { name: 'New report' })
      await report.getByRole('button', { name: 'Save the report' }).click()
      await report.locator('[aria-invalid="true"]').first().waitFor()
      expect(await report.locator('.error').allInnerTexts()).not.toEqual([])
      await check(page, 'New report (errors shown)', findings)

      expect(findings).toEqual({ violations: [], smallTargets: [] })
    },
    axeTimeout,
  )

  it(
    'matter page with step forms open, diary entry, risk matrix, Today with data, search results, settings',
    async () => {
      const findings: Findings = { violations: [], smallTargets: [] }
      await recordReport(page, {
        address: '22 Hawthorn Drive, Fleet',
        category: 'Vandalism or criminal damage',
        description: 'Car tyres slashed twice this month.',
        complainant: { name: 'Ken Adams', email: 'ken@example.org' },
      })
      const threshold = await openStep(page, 'Record the threshold assessment R2')
      await choose(threshold, 'Is the threshold met?', 'Yes')
      await check(page, 'matter (threshold form open)', findings)
      await threshold.getByRole('button', { name: 'Cancel' }).click()
      await recordStep(page, 'Record the threshold assessment R2', async (form) => {
        await choose(form, 'Is the threshold met?', 'Yes')
        await form.getByLabel('Why').fill('Repeated criminal damage.')
      })
      await recordStep(page, 'Issue diary sheets R5')
      const contact = await openStep(page, 'Record an unsuccessful contact attempt R4')
      await contact.getByLabel('Notes (optional)').fill('No answer at 10am.')
      await check(page, 'matter (step form open)', findings)
      await contact.getByRole('button', { name: 'Cancel' }).click()

      await page.getByRole('link', { name: 'Record a diary entry' }).click()
      await diaryForm(page).waitFor()
      await check(page, 'diary entry', findings)
      await page.goBack()
      await heading(page, /^ASB-/).waitFor()

      await recordDiaryEntry(page, {
        who: 'Unknown',
        what: 'Tyres slashed overnight.',
        impact: 'Could not get to work.',
      })
      const matrix = await openStep(page, 'Create the case record R6')
      await choose(matrix, /^V1 /, 'Yes')
      await check(page, 'matter (risk matrix open)', findings)

      await goTo(page, 'Today')
      await page.getByRole('link', { name: /22 Hawthorn Drive/ }).waitFor()
      await check(page, 'Today (with data)', findings)

      await goTo(page, 'Search')
      await page.getByLabel('Reference, address, postcode or name').fill('Hawthorn')
      await page.getByText('1 match', { exact: true }).waitFor()
      await check(page, 'search (results)', findings)

      await goTo(page, 'Settings')
      await page.getByText(/^Using .* available\.$/).waitFor()
      await check(page, 'settings', findings)

      expect(findings).toEqual({ violations: [], smallTargets: [] })
    },
    axeTimeout,
  )
})

it('keyboard: Tab reaches the skip link first, and focus is visible', async () => {
  const context = await newContext(browser, tablet)
  const page = await context.newPage()
  try {
    await page.goto(app.url)
    await signInAs(page, demo.officer1)
    await page.reload()
    await todayHeading(page).waitFor()

    await page.keyboard.press('Tab')
    const skip = await focused(page)
    expect(skip.text).toBe('Skip to content')
    expect(skip.outlineStyle).not.toBe('none')
    // Parked off-screen until focused; on screen now.
    expect(
      (await page.getByRole('link', { name: 'Skip to content' }).boundingBox())?.x,
    ).toBeGreaterThanOrEqual(0)

    // The skip link lands on <main>; the next Tab goes into the screen, not back through the nav.
    await page.keyboard.press('Enter')
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('main')
    await page.keyboard.press('Tab')
    const next = await focused(page)
    expect(await page.evaluate<boolean>("document.activeElement.closest('main') !== null")).toBe(
      true,
    )
    expect(next.text).not.toBe('')
    expect(next.outlineStyle).not.toBe('none')

    // A button's focus is visible too.
    await goTo(page, 'Settings')
    await page.getByRole('button', { name: 'Sign out' }).focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    const button = await focused(page)
    expect(button.text).toBe('Sign out')
    expect(button.outlineStyle).not.toBe('none')
  } finally {
    await context.close()
  }
})

it(
  'the public report page /report (no sign-in): empty, with errors, each choice, offline, sent',
  async () => {
    const context = await newContext(browser, phone)
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    const findings: Findings = { violations: [], smallTargets: [] }
    try {
      await page.goto(`${app.url}/report`)
      const form = page.getByRole('form', { name: 'Report anti-social behaviour' })
      await form.waitFor()
      await check(page, 'public report', findings)

      await form.getByRole('button', { name: 'Send the report' }).click()
      await form.locator('.error').first().waitFor()
      await check(page, 'public report (errors shown)', findings)

      await form.getByRole('radio', { name: 'Yes, you can contact me' }).check()
      await form.getByLabel('Your name').waitFor()
      await check(page, 'public report (contact details)', findings)

      await form.getByRole('radio', { name: 'No, I want to stay anonymous' }).check()
      await form.getByRole('note').waitFor()
      await form.getByLabel('Where is it happening?').fill('The alley behind Quay Street')
      await form.getByLabel('What kind of behaviour is it?').selectOption({ label: 'Graffiti' })
      await form.getByLabel('What happened?').fill('New tags on the garage doors every week.')
      await check(page, 'public report (anonymous)', findings)

      await context.setOffline(true)
      await page.getByText(/^You are offline\./).waitFor()
      await form.getByRole('button', { name: 'Keep and send when online' }).click()
      await page.getByText(/^Your report is waiting on this device/).waitFor()
      await check(page, 'public report (offline, waiting)', findings)

      await context.setOffline(false)
      await heading(page, 'Thank you: your report has been sent').waitFor()
      await check(page, 'public report (sent)', findings)

      expect(findings).toEqual({ violations: [], smallTargets: [] })
    } finally {
      await context.close()
    }
  },
  axeTimeout,
)
