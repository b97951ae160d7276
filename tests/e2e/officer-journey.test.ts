import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from './support/app-server.ts'
import { startApp } from './support/app-server.ts'
import { launchBrowser, newContext, tablet } from './support/browser.ts'
import {
  actionPlanCount,
  choose,
  chronology,
  demo,
  deviceEventIds,
  dueOnMatter,
  expectInChronology,
  goTo,
  matterHeading,
  phase,
  recordDiaryEntry,
  recordReport,
  recordStep,
  reference,
  reloadAndSync,
  signInAs,
  signInForm,
  signOut,
  syncLine,
  todayHeading,
  waitForServiceWorker,
  waitUntilSynced,
} from './support/casebook.ts'
import { recordMetrics } from './support/metrics.ts'

// Issue 3, browser test 1, and issue 4's "the manager approves a closure on another device and the
// officer sees it": the officer signs in once online (the service worker installs and the first
// sync brings her caseload), then works one matter from a phone report to a closure request with
// the network off from the first step to the last. The page is reloaded after every stage, and
// what was recorded must still be there: the app opens from the service worker's precache and the
// work from IndexedDB. Back online, the device sends it all; the manager, on her own device,
// approves the closure; the officer's device shows the matter Closed.

const sendLetterDue = 'Send a letter or e-mail encouraging contact (three calls unanswered)'
const poll = { timeout: 10_000 }

let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page
let matterId = ''
let ref = ''

beforeAll(async () => {
  // The server and Chromium start side by side.
  ;[app, browser] = await Promise.all([startApp(), launchBrowser()])
  context = await newContext(browser, tablet)
  page = await context.newPage()
  page.setDefaultTimeout(10_000)
})

afterAll(async () => {
  await context?.close()
  await Promise.all([browser?.close(), app?.close()])
})

/** Reloads the matter page (offline) and waits until it is drawn again. */
async function reloadMatter(): Promise<void> {
  await page.reload()
  await matterHeading(page).waitFor()
}

async function expectPhase(name: string): Promise<void> {
  await expect.poll(() => phase(page), poll).toBe(name)
}

async function expectEntries(...titles: string[]): Promise<void> {
  await expect.poll(() => chronology(page), poll).toEqual(expect.arrayContaining(titles))
}

// R7: V1, H1, H3 and S3 yes, the rest no: 3 + 3 + 3 + 2 = 11 of 32, medium (no violence, so no
// escalation to high).
const questions = 'V1 V2 V3 V4 T1 T2 H1 H2 H3 H4 H5 S1 S2 S3 S4 S5'.split(' ')
const yes = new Set(['V1', 'H1', 'H3', 'S3'])

async function answerRiskMatrix(form: Locator): Promise<void> {
  for (const question of questions) {
    await choose(form, new RegExp(`^${question} `), yes.has(question) ? 'Yes' : 'No')
  }
}

describe('an officer works one matter from report to closure, offline', () => {
  it('signs in online, then opens offline from the precache after a reload', async () => {
    await page.goto(app.url)
    await signInAs(page, demo.officer1)
    await waitForServiceWorker(page)
    await waitUntilSynced(page)
    // The first sync brought the demo council's matters for officer1.
    await page.getByRole('link', { name: /14 Larch Close/ }).waitFor()
    await context.setOffline(true)

    const started = performance.now()
    await page.reload()
    await todayHeading(page).waitFor()
    const offlineReloadToTodayMs = Math.round(performance.now() - started)
    await recordMetrics({ offlineReloadToTodayMs })

    await page
      .getByRole('status')
      .filter({ hasText: 'Offline: work is saved on this device' })
      .waitFor()
    expect(await page.getByText(demo.officer1.name).first().isVisible()).toBe(true)
    // Synced work is on the device: the caseload opens offline too.
    await page.getByRole('link', { name: /14 Larch Close/ }).waitFor()
    // Generous: the point is that it opens at all; the number is reported above.
    expect(offlineReloadToTodayMs).toBeLessThan(10_000)
  })

  it('R1–R4: a phone report, threshold met, three unanswered calls bring the letter due, a contact clears it', async () => {
    matterId = await recordReport(page, {
      channel: 'Phone',
      address: '14 Elm Close, Fleet',
      postcode: 'GU51 3AA',
      category: 'Noise',
      description: 'Loud music from number 16 every night after midnight.',
      complainant: { name: 'Jo Bloggs', phone: '01252 000111' },
    })
    ref = await reference(page)
    expect(ref).toMatch(/^ASB-/)
    await expectPhase('Enquiry')
    await expectEntries('Report received (phone)')

    await recordStep(page, 'Record the threshold assessment R2', async (form) => {
      await choose(form, 'Is the threshold met?', 'Yes')
      await form
        .getByLabel('Why')
        .fill('Repeated night-time noise affecting sleep; meets the threshold.')
    })
    await expectEntries('Threshold met')

    const failedCalls = async () =>
      (await chronology(page)).filter((t) => t === 'Contact attempt failed (phone)').length
    for (let call = 1; call <= 3; call++) {
      await recordStep(page, 'Record an unsuccessful contact attempt R4')
      await expect.poll(failedCalls, poll).toBe(call)
      // Two unanswered calls are not enough for the letter (R4).
      if (call < 3) expect(await dueOnMatter(page)).not.toContain(sendLetterDue)
    }
    await expect.poll(() => dueOnMatter(page), poll).toContain(sendLetterDue)

    await reloadMatter()
    await expectEntries(
      'Report received (phone)',
      'Threshold met',
      'Contact attempt failed (phone)',
    )
    expect(await failedCalls()).toBe(3)
    expect(await dueOnMatter(page)).toContain(sendLetterDue)
    await expectPhase('Enquiry')

    await recordStep(page, 'Record a contact R9', async (form) => {
      await choose(form, 'Who made contact', 'They contacted us')
      await form.getByLabel('What was said').fill('Jo rang back; agreed to keep diary sheets.')
    })
    await expectEntries('Contact (phone, they got in touch)')
    await expect.poll(() => dueOnMatter(page), poll).not.toContain(sendLetterDue)
  })

  it('R5: diary sheets issued, two diary entries through the diary screen', async () => {
    await recordStep(page, 'Issue diary sheets R5')
    await expectPhase('Gathering evidence')
    await reloadMatter()
    await expectPhase('Gathering evidence')
    await expectEntries('Diary sheets issued', 'Contact (phone, they got in touch)')

    await recordDiaryEntry(page, {
      when: 'Yesterday, same time',
      who: 'Occupants of number 16',
      what: 'Bass music until 2am; shouting in the garden.',
      impact: 'Could not sleep; late for work.',
    })
    await recordDiaryEntry(page, {
      when: 'An hour ago',
      who: 'Occupants of number 16',
      what: 'Music again from 11pm; door slamming.',
      impact: 'Children woken; anxious about going next door.',
    })
    await reloadMatter()
    expect((await chronology(page)).filter((t) => t === 'Diary entry')).toHaveLength(2)
    await expectInChronology(
      page,
      'Bass music until 2am; shouting in the garden.',
      'Children woken; anxious about going next door.',
    )
  })

  it('R6/R7: the case record with the Risk Assessment Matrix scores medium', async () => {
    await recordStep(
      page,
      'Create the case record R6',
      async (form) => {
        await form.getByLabel('Case summary (optional)').fill('Night-time noise from number 16.')
        await answerRiskMatrix(form)
        const result = form.locator('.risk-result')
        await expect.poll(() => result.innerText(), poll).toBe('Score 11 of 32: Medium')
      },
      'Create the case record',
    )
    await expectPhase('Case')
    await reloadMatter()
    await expectPhase('Case')
    await page.locator('.matter-header').getByText('Medium risk').waitFor()
    await expectEntries('Case record created (risk medium)', 'Diary entry', 'Threshold met')
  })

  it('R10, R12: investigation, then a verbal warning to an added alleged perpetrator', async () => {
    await recordStep(
      page,
      'Start the investigation R10',
      (form) =>
        form
          .getByLabel('Plan of investigation')
          .fill('Visit number 16; ask neighbours for statements.'),
      'Start the investigation',
    )
    await expectPhase('Investigation')

    await recordStep(page, 'Add a person', async (form) => {
      await form.getByLabel('Role').selectOption({ label: 'Alleged perpetrator' })
      await form.getByLabel('Name', { exact: true }).fill('Sam Noyes')
    })
    await expectEntries('Alleged perpetrator added: Sam Noyes')

    await recordStep(page, 'Record an intervention R12', async (form) => {
      await form
        .getByLabel('Intervention', { exact: true })
        .selectOption({ label: 'Verbal warning or words of advice' })
      await form
        .getByRole('group', { name: 'Who it is for' })
        .getByRole('checkbox', { name: 'Sam Noyes (alleged perpetrator)' })
        .check()
      await form.getByLabel('Summary (optional)').fill('Warned about music after 11pm.')
    })
    await expectPhase('Intervention')
    await reloadMatter()
    await expectPhase('Intervention')
    await expectEntries(
      'Investigation started (Investigation)',
      'Alleged perpetrator added: Sam Noyes',
      'Intervention: Verbal warning or words of advice',
    )
  })

  it('R15–R17: the officer requests closure, with the reason and how the victim was told', async () => {
    await recordStep(
      page,
      'Request closure R15',
      async (form) => {
        await form
          .getByLabel('Reason')
          .selectOption({ label: 'The ASB has stopped or the risk is low' })
        await form
          .getByLabel('Rationale')
          .fill('No music reported since the warning; Jo is content.')
        await choose(form, 'Has the victim been told the case will close, and why?', 'Yes')
        await form.getByLabel('How').selectOption({ label: 'Phone' })
      },
      'Request closure',
    )
    await expectPhase('Closure requested')
    await reloadMatter()
    await expectPhase('Closure requested')
    await expectEntries('Closure requested: the asb has stopped or the risk is low')
    // The officer who asked cannot approve it (R16): the step is not offered.
    expect(await page.getByRole('button', { name: 'Approve the closure R16' }).count()).toBe(0)
  })

  it('back online, the device sends everything it recorded offline', async () => {
    // Everything was recorded offline: every entry of the action plan still waits to be sent.
    const entries = await actionPlanCount(page)
    expect(entries).toBeGreaterThanOrEqual(15)
    await expect.poll(() => syncLine(page).innerText(), poll).toBe(`${entries} not yet sent`)

    // Signing out would clear the device: refused while entries wait to be sent, saying why.
    await goTo(page, 'Settings')
    await page.getByRole('button', { name: 'Sign out' }).click()
    expect(await page.getByRole('alert').innerText()).toMatch(
      new RegExp(`^${entries} entries have not reached the server yet\\.`),
    )
    await page.goBack()
    await matterHeading(page).waitFor()

    await context.setOffline(false)
    await waitUntilSynced(page)
    expect(await syncLine(page).innerText()).not.toMatch(/not yet sent/)
    expect(await page.getByText('Saved on this device; not yet sent to the server.').count()).toBe(
      0,
    )
    expect(await page.getByText(/^Not accepted by the server/).count()).toBe(0)
    expect(await actionPlanCount(page)).toBe(entries)
  })

  it('R16: the manager approves on her own device, and the officer’s device shows Closed', async () => {
    const managerContext = await newContext(browser, tablet)
    try {
      const manager = await managerContext.newPage()
      manager.setDefaultTimeout(10_000)
      await manager.goto(app.url)
      await signInAs(manager, demo.manager1)
      await waitUntilSynced(manager)
      // The demo council already has one closure request waiting (Station Road car park); this
      // officer's is the second.
      const approvals = manager.getByRole('region', {
        name: 'Closure requests waiting for you (2)',
      })
      await approvals.waitFor()
      const request = approvals.getByRole('link', { name: new RegExp(ref) })
      expect(await request.innerText()).toMatch(/Decide on the closure request/)
      await request.click()
      await matterHeading(manager).waitFor()
      expect(new URL(manager.url()).pathname).toBe(`/matters/${matterId}`)
      // Everything the officer recorded offline reached the manager.
      await expect
        .poll(() => chronology(manager), poll)
        .toEqual(expect.arrayContaining(await chronology(page)))

      await recordStep(
        manager,
        'Approve the closure R16',
        (form) => form.getByLabel('Comment (optional)').fill('Agreed.'),
        'Approve and close the case',
      )
      await expect.poll(() => phase(manager), poll).toBe('Closed')
      // Sent on the next sync: opening the app is one.
      await reloadAndSync(manager)
      await goTo(manager, 'Today')
      await manager.getByRole('region', { name: 'Closure requests waiting for you (1)' }).waitFor()
    } finally {
      await managerContext.close()
    }

    // The officer's device: the next sync (opening the app again) brings the decision.
    await reloadAndSync(page)
    await matterHeading(page).waitFor()
    await expectPhase('Closed')
    const entries = await chronology(page)
    expect(entries).toEqual(
      expect.arrayContaining([
        'Report received (phone)',
        'Diary sheets issued',
        'Case record created (risk medium)',
        'Intervention: Verbal warning or words of advice',
        'Closure requested: the asb has stopped or the risk is low',
        'Closure approved: case closed',
      ]),
    )
    expect(entries.filter((t) => t === 'Closure approved: case closed')).toHaveLength(1)
    expect(await syncLine(page).innerText()).not.toMatch(/not yet sent/)
  })

  it('deep-links to the closed matter offline from a cold navigation', async () => {
    await context.setOffline(true)
    await page.goto('about:blank')
    await page.goto(`${app.url}/matters/${matterId}`)
    await matterHeading(page).waitFor()
    expect(await reference(page)).toBe(ref)
    await expectPhase('Closed')
  })

  it('once everything is sent, signing out clears the caseload from the device', async () => {
    await context.setOffline(false)
    await reloadAndSync(page)
    await signOut(page)
    expect(await deviceEventIds(page, matterId)).toEqual([])
    await page.goto(`${app.url}/matters/${matterId}`)
    await signInForm(page).waitFor()
  })
})
