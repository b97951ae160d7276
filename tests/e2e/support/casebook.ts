import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { newContext, tablet } from './browser.ts'

// What an officer does in Casebook, as small steps the tests read like the procedure. Every
// locator is by role and accessible name, the way a screen-reader user finds things.

export const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name })
export const todayHeading = (page: Page) => heading(page, 'Today')

/** The demo council's people (src/server/demo/demo-people.ts); their passwords are public. */
export const demo = {
  officer1: { username: 'officer1', password: 'demo-officer1', name: 'Olivia Price' },
  officer2: { username: 'officer2', password: 'demo-officer2', name: 'Tom Okafor' },
  manager1: { username: 'manager1', password: 'demo-manager1', name: 'Priya Shah' },
} as const
export type DemoUser = (typeof demo)[keyof typeof demo]

export const signInForm = (page: Page) => page.getByRole('form', { name: 'Sign in' })

/** Signs in against the sync server from the sign-in screen; resolves on Today. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  const form = signInForm(page)
  await form.waitFor()
  await form.getByLabel('Username').fill(username)
  await form.getByLabel('Password').fill(password)
  await form.getByRole('button', { name: 'Sign in' }).click()
  const problem = form.getByRole('alert')
  await todayHeading(page).or(problem).first().waitFor()
  if (await problem.isVisible()) {
    throw new Error(`${username} could not sign in: ${await problem.innerText()}`)
  }
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
}

export const signInAs = (page: Page, user: DemoUser) => signIn(page, user.username, user.password)

/** A device of its own (a new browser context) open on `url` and signed in as `user`, on Today. */
export async function signedInDevice(
  browser: Browser,
  url: string,
  user: DemoUser,
  viewport = tablet,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, viewport)
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  await page.goto(url)
  await signInAs(page, user)
  return { context, page }
}

/** The header's sync line: "Up to date (10:42)", "3 not yet sent", "Syncing…", … */
export const syncLine = (page: Page) => page.locator('.app-header .pending')

/**
 * Resolves once this device has pushed everything and pulled after it: the header says "Up to
 * date" and nothing waits to be sent. "Up to date" appears only after a sync that succeeded since
 * the page loaded, so after a reload this waits for a fresh push and pull.
 */
export async function waitUntilSynced(page: Page, timeout = 30_000): Promise<void> {
  await page.getByText(/^Up to date \(\d\d:\d\d\)$/).waitFor({ timeout })
}

/** Reloads (the app syncs on open) and waits for that sync to finish. */
export async function reloadAndSync(page: Page, timeout = 30_000): Promise<void> {
  await page.reload()
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
  await waitUntilSynced(page, timeout)
}

const screens = {
  Today: 'Today',
  'New report': 'New report',
  Search: 'Search',
  Settings: 'Settings',
} as const
export type Screen = keyof typeof screens

export async function goTo(page: Page, screen: Screen): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: screen, exact: true })
    .click()
  await heading(page, screens[screen]).waitFor()
}

/** Settings → Sign out; refused (and says why) while entries wait to be sent. */
export async function signOut(page: Page): Promise<void> {
  await goTo(page, 'Settings')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await signInForm(page).waitFor()
}

/** Resolves once a service worker controls the page, so the app shell is precached (TOOLCHAIN.md). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  // registerType 'prompt' has no clientsClaim: the page that registered it is not controlled until
  // it loads again. `ready` means the worker is active, so its install (the precache) is done.
  // (Promises awaited through page.evaluate rather than waitForFunction, whose polling evaluates
  // strings in the page, which the app's CSP rightly refuses.)
  const ready = await page.evaluate<boolean>(`Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 30000)),
  ])`)
  if (!ready) throw new Error('No service worker became active within 30 s.')
  await page.reload()
  const controlled = await page.evaluate<boolean>(`new Promise((resolve) => {
    if (navigator.serviceWorker.controller) return resolve(true)
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true))
    setTimeout(() => resolve(navigator.serviceWorker.controller !== null), 30000)
  })`)
  if (!controlled) throw new Error('No service worker controls the page after a reload.')
}

export type Report = {
  channel?: 'Phone' | 'Drop-in at the council offices' | 'E-mail' | 'Online form'
  address: string
  postcode?: string
  category: string
  description: string
  anonymous?: boolean
  /** "Assign to me" is ticked unless this is false. */
  assignToMe?: boolean
  complainant?: { name: string; phone?: string; email?: string }
}

export async function fillReport(page: Page, report: Report): Promise<Locator> {
  const form = page.getByRole('form', { name: 'New report' })
  await form
    .getByRole('group', { name: 'How the report came in' })
    .getByRole('radio', { name: report.channel ?? 'Phone', exact: true })
    .check()
  await form.getByLabel('Where the ASB happens').fill(report.address)
  if (report.postcode) await form.getByLabel('Postcode (optional)').fill(report.postcode)
  await form.getByLabel('Kind of ASB').selectOption({ label: report.category })
  await form.getByLabel('What happened').fill(report.description)
  if (report.anonymous)
    await form.getByLabel('The person reporting chose to stay anonymous').check()
  if (report.complainant) {
    await form.getByLabel('Complainant’s name').fill(report.complainant.name)
    if (report.complainant.phone)
      await form.getByLabel('Phone (optional)').fill(report.complainant.phone)
    if (report.complainant.email)
      await form.getByLabel('E-mail (optional)').fill(report.complainant.email)
  }
  if (report.assignToMe === false) await form.getByLabel('Assign to me').uncheck()
  return form
}

export const isMatterPath = (url: URL) => /^\/matters\/(?!new$)[^/]+$/.test(url.pathname)

/** R1: records a report from the New report screen; resolves on its matter page with the matter id. */
export async function recordReport(page: Page, report: Report): Promise<string> {
  await goTo(page, 'New report')
  const form = await fillReport(page, report)
  await form.getByRole('button', { name: 'Save the report' }).click()
  const problem = form.getByRole('alert').or(form.locator('.error'))
  await matterHeading(page).or(problem).first().waitFor()
  if (!isMatterPath(new URL(page.url()))) {
    throw new Error(`The report was not saved: ${(await problem.allInnerTexts()).join(' / ')}`)
  }
  return new URL(page.url()).pathname.split('/')[2] ?? ''
}

// Matters recorded on a device get a reference from their id; public reports one from the server.
const referencePattern = /ASB-(?:[0-9A-F]{5}-[0-9A-F]{5}|\d{4}-\d{6,})/
export const matterHeading = (page: Page) =>
  heading(page, new RegExp(`^${referencePattern.source}\\b`))

export async function reference(page: Page): Promise<string> {
  const text = await matterHeading(page).innerText()
  return referencePattern.exec(text)?.[0] ?? ''
}

const stepsRegion = (page: Page) => page.getByRole('region', { name: 'Record a step' })

/** Opens a step from "Record a step" (the button's name carries the rule id, e.g. "… R2"). */
export async function openStep(page: Page, buttonName: string): Promise<Locator> {
  const steps = stepsRegion(page)
  await steps.getByRole('button', { name: buttonName, exact: true }).click()
  const form = steps.getByRole('form')
  await form.waitFor()
  return form
}

/**
 * Records one step: opens its form, lets `fill` answer it, submits, and waits for "saved on this
 * device". A refusal or a validation error fails with the words the officer would read.
 */
export async function recordStep(
  page: Page,
  buttonName: string,
  fill?: (form: Locator) => Promise<void>,
  submit = 'Save',
): Promise<void> {
  const form = await openStep(page, buttonName)
  await fill?.(form)
  await form.getByRole('button', { name: submit, exact: true }).click()
  const saved = stepsRegion(page).getByRole('status')
  const problem = form.getByRole('alert').or(form.locator('.error'))
  await saved.or(problem).first().waitFor()
  if (!(await saved.isVisible())) {
    throw new Error(
      `"${buttonName}" was not recorded: ${(await problem.allInnerTexts()).join(' / ')}`,
    )
  }
}

/** Submits a step the rules refuse and returns the refusal the officer reads. */
export async function refusalOf(
  page: Page,
  buttonName: string,
  fill?: (form: Locator) => Promise<void>,
  submit = 'Save',
): Promise<string> {
  const form = await openStep(page, buttonName)
  await fill?.(form)
  await form.getByRole('button', { name: submit, exact: true }).click()
  const alert = form.getByRole('alert')
  await alert.waitFor()
  return alert.innerText()
}

/** Picks a yes/no (or any radio) answer inside the fieldset with that legend. */
export async function choose(form: Locator, group: string | RegExp, answer: string): Promise<void> {
  await form
    .getByRole('group', { name: group })
    .getByRole('radio', { name: answer, exact: true })
    .check()
}

export type DiaryEntry = {
  when?: 'Just now' | 'An hour ago' | 'Three hours ago' | 'Yesterday, same time'
  where?: string
  who: string
  what: string
  impact: string
}

export const diaryForm = (page: Page) => page.getByRole('form', { name: 'Diary entry' })

/** R5: from the matter page, through the diary screen, back to the matter page. */
export async function recordDiaryEntry(page: Page, entry: DiaryEntry): Promise<void> {
  await page.getByRole('link', { name: 'Record a diary entry' }).click()
  const form = diaryForm(page)
  await form.waitFor()
  if (entry.when)
    await form
      .getByRole('group', { name: 'Quick times' })
      .getByRole('button', { name: entry.when })
      .click()
  if (entry.where) await form.getByLabel('Where', { exact: true }).fill(entry.where)
  await form.getByLabel('Who was involved').fill(entry.who)
  await form.getByLabel('What happened').fill(entry.what)
  await form.getByLabel('How it affected the complainant').fill(entry.impact)
  await form.getByRole('button', { name: 'Save diary entry' }).click()
  await page.waitForURL(isMatterPath)
  await matterHeading(page).waitFor()
}

// What the matter page shows. Read after a live query settles, so callers poll these.

export async function phase(page: Page): Promise<string> {
  return page.locator('.matter-header .badge-phase').innerText()
}

// textContent, not innerText: entries below the fold are drawn lazily (content-visibility: auto),
// and innerText of content not yet rendered is empty though an officer scrolling there reads it.
export async function chronology(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: /^Action plan/ })
    .locator('.entry-head strong')
    .allTextContents()
}

export async function chronologyText(page: Page): Promise<string> {
  return (await page.getByRole('region', { name: /^Action plan/ }).textContent()) ?? ''
}

/** Waits until the action plan shows each text (drawn or still below the fold). */
export async function expectInChronology(page: Page, ...texts: string[]): Promise<void> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const text = await chronologyText(page)
    const missing = texts.filter((t) => !text.includes(t))
    if (missing.length === 0) return
    if (Date.now() > deadline) throw new Error(`Not in the action plan: ${missing.join(' / ')}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export async function dueOnMatter(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Due on this matter' })
    .locator('.due-title')
    .allInnerTexts()
}

/**
 * The diary draft as stored in IndexedDB (src/db/drafts.ts: database 'casebook', table 'drafts',
 * key 'diary:<matter id>'). The "Draft kept" hint shows after the first save, not after the last
 * keystroke, so a test that reloads waits for the draft itself.
 */
export function storedDiaryDraft(
  page: Page,
  matterId: string,
): Promise<Record<string, unknown> | null> {
  return page.evaluate<Record<string, unknown> | null>(`new Promise((resolve, reject) => {
    const open = indexedDB.open('casebook')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const get = db.transaction('drafts').objectStore('drafts').get(${JSON.stringify(`diary:${matterId}`)})
      get.onsuccess = () => { db.close(); resolve(get.result ? get.result.value : null) }
      get.onerror = () => { db.close(); reject(get.error) }
    }
  })`)
}

/** A matter with diary sheets issued (phase "Gathering evidence"), ready for diary entries. */
export async function matterInEvidence(page: Page, report: Report): Promise<string> {
  const matterId = await recordReport(page, report)
  await recordStep(page, 'Record the threshold assessment R2', async (form) => {
    await choose(form, 'Is the threshold met?', 'Yes')
    await form.getByLabel('Why').fill('Persistent and affecting the complainant’s health.')
  })
  await recordStep(page, 'Issue diary sheets R5')
  return matterId
}

/** Each chronology entry as "title | details", in the order shown (without who recorded it). */
export function chronologyEntries(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const plan = document.getElementById('chronology-heading')?.closest('section')
    if (!plan) return []
    return [...plan.querySelectorAll('li.entry')].map((item) => {
      const title = item.querySelector('.entry-head strong')?.textContent ?? ''
      const details = item.querySelector('.entry-details')?.textContent ?? ''
      return title + ' | ' + details
    })
  })()`)
}

/** The number in "Action plan (N entries)". */
export async function actionPlanCount(page: Page): Promise<number> {
  const text = await page.getByRole('heading', { level: 2, name: /^Action plan \(/ }).innerText()
  return Number(/\((\d+) entr/.exec(text)?.[1] ?? NaN)
}

/** The ids of a matter's events in this device's IndexedDB (src/db: database 'casebook'). */
export function deviceEventIds(page: Page, matterId: string): Promise<string[]> {
  return page.evaluate<string[]>(`new Promise((resolve, reject) => {
    const open = indexedDB.open('casebook')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const all = db.transaction('events').objectStore('events').getAll()
      all.onsuccess = () => {
        db.close()
        resolve(all.result.filter((e) => e.matterId === ${JSON.stringify(matterId)}).map((e) => e.id))
      }
      all.onerror = () => { db.close(); reject(all.error) }
    }
  })`)
}
