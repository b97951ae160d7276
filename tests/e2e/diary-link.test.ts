import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import { axeViolations, smallTargets } from './support/accessibility.ts'
import { phone } from './support/browser.ts'
import { choose, demo, expectInChronology, recordReport, recordStep, reloadAndSync, waitUntilSynced } from './support/casebook.ts'
import { demoTeam } from './support/team.ts'

// Issue 12 (R5): the complainant's own diary on their phone, by a private link. An officer issues
// the link; the complainant's phone (its own browser) opens it, goes offline, writes two entries,
// comes back online and they are sent; the officer syncs and sees them in the matter; the officer
// revokes the link and the page then says plainly that it no longer works, keeping the entries.

const team = demoTeam()
let officer: Page

beforeAll(async () => {
  officer = await team.device(demo.officer1)
})

async function write(page: Page, entry: { when: string; where: string; who: string; what: string; impact: string }) {
  const form = page.getByRole('form', { name: 'Write a new entry' })
  await form.getByLabel('When did it happen?').fill(entry.when)
  await form.getByLabel('Where did it happen?').fill(entry.where)
  await form.getByLabel('Who was involved?').fill(entry.who)
  await form.getByLabel('What happened?').fill(entry.what)
  await form.getByLabel('How did it affect you?').fill(entry.impact)
  await form.getByRole('button', { name: 'Save this entry' }).click()
  await page.getByText(entry.what).waitFor()
}

/** Runs in the page: how many files the diary's own cache holds for offline use. */
const cachedFiles = (page: Page) =>
  page.evaluate<number>(`caches.open('casebook-diary-v1').then((c) => c.keys()).then((k) => k.length)`)

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([])
  expect(await smallTargets(page)).toEqual([])
}

it('R5: a complainant keeps their diary on their own phone, offline, and it reaches the matter', async () => {
  // The officer: a report, the threshold, then diary sheets by private link.
  await recordReport(officer, {
    address: '22 Birch Close, Fleet',
    category: 'Harassment or intimidation',
    description: 'Neighbour shouting abuse and kicking the front door at night.',
    complainant: { name: 'Ruth Ellis', phone: '01252 000333' },
  })
  await recordStep(officer, 'Record the threshold assessment R2', async (form) => {
    await choose(form, 'Is the threshold met?', 'Yes')
    await form.getByLabel('Why').fill('Targeted and frightening; the complainant lives alone.')
  })
  await officer.getByRole('button', { name: 'Issue diary sheets by private link R5' }).click()
  await officer.getByRole('button', { name: 'Make the link' }).click()
  const link = await officer.getByLabel('The link').inputValue()
  expect(link).toMatch(new RegExp(`^${team.url()}/diary/[A-Za-z0-9_-]{43}$`))
  expect(await officer.getByRole('img', { name: 'QR code of the complainant’s diary link' }).isVisible()).toBe(true)
  expect(await axeViolations(officer)).toEqual([])
  await officer.getByRole('button', { name: 'Done: the complainant has the link' }).click()
  await waitUntilSynced(officer)

  // The complainant's phone: opens the link once online, then keeps working with no signal.
  const diary = await team.visitor(phone)
  const context: BrowserContext = diary.context()
  await diary.goto(link)
  await diary.getByRole('heading', { name: 'Your anti-social behaviour diary' }).waitFor()
  await diary.getByText('The Community Safety team').or(diary.getByText(/^Hart/)).first().waitFor()
  await expect.poll(() => cachedFiles(diary), { timeout: 15_000 }).toBeGreaterThanOrEqual(4)
  await expect
    .poll(() => diary.evaluate<boolean>('navigator.serviceWorker.controller !== null'), { timeout: 15_000 })
    .toBe(true)
  await expectAccessible(diary)

  await context.setOffline(true)
  await diary.reload()
  await diary.getByRole('form', { name: 'Write a new entry' }).waitFor()
  const first = {
    when: '2026-12-01T23:30',
    where: 'My front door',
    who: 'The man from number 24',
    what: 'He kicked my front door and shouted abuse for twenty minutes.',
    impact: 'I was shaking and could not sleep at all.',
  }
  const second = {
    when: '2026-12-02T22:10',
    where: 'The car park behind the flats',
    who: 'The same man and a friend',
    what: 'They followed me from my car to the door, calling me names.',
    impact: 'I am now afraid to go out after dark.',
  }
  await write(diary, first)
  await write(diary, second)
  expect(await diary.getByText('Saved on this phone. It will be sent when you are online.').count()).toBe(2)
  await diary.reload()
  // The list is read from the phone's store after the page draws: wait for it, as a person would.
  await expect
    .poll(() => diary.getByText('Saved on this phone. It will be sent when you are online.').count())
    .toBe(2)

  await context.setOffline(false)
  await expect
    .poll(() => diary.getByText(/^Sent to the council on \w{3} \d{1,2} \w{3} \d{4}$/).count(), { timeout: 45_000 })
    .toBe(2)
  await expectAccessible(diary)

  // The officer syncs and reads the complainant's own words in the matter, attributed to them.
  await reloadAndSync(officer)
  await expectInChronology(officer, first.what, second.impact, 'the complainant, by their private link')

  // The officer revokes the link: the phone says it no longer works and keeps the entries.
  await recordStep(officer, 'Revoke a private diary link', undefined, 'Revoke the link')
  await waitUntilSynced(officer)
  await diary.reload()
  await diary.getByRole('heading', { name: 'This diary link no longer works' }).waitFor()
  expect(await diary.getByText(first.what).isVisible()).toBe(true)
  expect(await diary.getByRole('form', { name: 'Write a new entry' }).isVisible()).toBe(false)
  await expectAccessible(diary)
})
