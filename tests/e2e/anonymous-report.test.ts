import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { phone } from './support/browser.ts'
import {
  chronology,
  chronologyText,
  demo,
  fillReport,
  goTo,
  heading,
  isMatterPath,
  matterHeading,
  openStep,
  reference,
  refusalOf,
  reloadAndSync,
} from './support/casebook.ts'
import { demoTeam } from './support/team.ts'

// Issue 3, browser test 2 (R1, R4): an anonymous online-form report keeps no contact details and
// says so wherever the officer looks; contact steps are refused in plain words. Issue 4's public
// report page: a member of the public reports anonymously with no sign-in and gets a reference,
// offline the form keeps the report and sends it when the connection is back, and the report
// reaches the officers as an unassigned enquiry.

const notice = 'Anonymous report: contact not possible; no updates can be given.'

const team = demoTeam()
let page: Page

beforeAll(async () => {
  page = await team.device(demo.officer1, phone)
})

it('R1: an anonymous online-form report drops the contact fields and carries the notice to the matter', async () => {
  await goTo(page, 'New report')
  const form = page.getByRole('form', { name: 'New report' })
  const contactFields = [
    'Complainant’s name',
    'Phone (optional)',
    'E-mail (optional)',
    'Address for letters (optional)',
  ]

  // Anonymity is offered only for the online form.
  expect(await form.getByLabel('The person reporting chose to stay anonymous').count()).toBe(0)
  for (const label of contactFields) expect(await form.getByLabel(label).count(), label).toBe(1)

  await fillReport(page, {
    channel: 'Online form',
    address: 'Fleet Pond car park',
    category: 'Drugs or substance misuse',
    description: 'Cars meeting late at night; people dealing from the back seats.',
    anonymous: true,
  })
  for (const label of contactFields) expect(await form.getByLabel(label).count(), label).toBe(0)
  expect(await form.getByRole('note').innerText()).toBe(notice)

  await form.getByRole('button', { name: 'Save the report' }).click()
  await page.waitForURL(isMatterPath)
  await matterHeading(page).waitFor()

  expect(await page.getByRole('note').innerText()).toBe(notice)
  await expect
    .poll(() => chronology(page), { timeout: 10_000 })
    .toContain('Report received (online form), anonymous')
  const entries = await chronology(page)
  expect(entries.filter((t) => /complainant/i.test(t))).toEqual([])
  expect(await chronologyText(page)).toContain('Cars meeting late at night')
  expect(await chronologyText(page)).not.toMatch(/complainant/i)

  // No complainant was recorded: there is no one to choose as the person contacted.
  const contact = await openStep(page, 'Record a contact R9')
  expect(
    await contact.getByLabel('With whom (optional)').locator('option').allInnerTexts(),
  ).toEqual(['Choose…'])
  await contact.getByRole('button', { name: 'Cancel' }).click()

  // R4 does not apply: the letter encouraging contact is not offered at all, and a contact attempt
  // with no one named is refused, saying why.
  expect(
    await page
      .getByRole('button', { name: 'Record the letter or e-mail encouraging contact R4' })
      .count(),
  ).toBe(0)
  expect(await refusalOf(page, 'Record an unsuccessful contact attempt R4')).toContain(
    'The report is anonymous: there is no complainant to contact.',
  )

  // The notice survives a reload.
  await page.reload()
  await matterHeading(page).waitFor()
  expect(await page.getByRole('note').innerText()).toBe(notice)
})

it('R1: a report that is not anonymous needs a way to contact the complainant', async () => {
  await goTo(page, 'Today')
  const caseload = page.getByRole('region', { name: /^Caseload \(\d+\)$/ })
  const before = await caseload.getByRole('heading', { level: 2 }).innerText()
  await goTo(page, 'New report')
  const form = await fillReport(page, {
    channel: 'Phone',
    address: '3 Birch Road',
    category: 'Noise',
    description: 'Dog barking all day.',
    complainant: { name: 'Amir Khan' },
  })
  await form.getByRole('button', { name: 'Save the report' }).click()
  // Still on the form, with the domain's reason in words; nothing was recorded.
  await form
    .getByText('Give at least one way to contact the complainant: phone, e-mail or address.')
    .waitFor()
  expect(new URL(page.url()).pathname).toBe('/matters/new')
  await goTo(page, 'Today')
  expect(await caseload.getByRole('heading', { level: 2 }).innerText()).toBe(before)
  expect(await page.getByRole('link', { name: /3 Birch Road/ }).count()).toBe(0)
})

// The public form: its own page of the same origin, no sign-in, a phone in someone's hand.
const publicReference = new RegExp(`^ASB-${new Date().getFullYear()}-\\d{6}$`)
const sentHeading = 'Thank you: your report has been sent'

async function fillPublicReport(form: Locator, where: string, what: string): Promise<void> {
  await form.getByLabel('Where is it happening?').fill(where)
  await form.getByLabel('What kind of behaviour is it?').selectOption({ label: 'Noise' })
  await form.getByLabel('What happened?').fill(what)
  await form.getByRole('radio', { name: 'No, I want to stay anonymous' }).check()
  expect(await form.getByRole('note').innerText()).toBe(
    'Anonymous report: contact is not possible and no updates can be given.',
  )
  // Anonymous: no contact fields at all.
  expect(await form.getByLabel('Your name').count()).toBe(0)
}

async function sentReference(publicPage: Page): Promise<string> {
  await heading(publicPage, sentHeading).waitFor()
  return publicPage
    .getByRole('status')
    .filter({ hasText: 'Your reference is' })
    .locator('strong')
    .innerText()
}

describe('the public report page', () => {
  let publicPage: Page
  const references: string[] = []

  beforeAll(async () => {
    publicPage = await team.visitor(phone)
  })

  it('R1: a member of the public reports anonymously, with no sign-in, and gets a reference', async () => {
    await publicPage.goto(`${team.url()}/report`)
    const form = publicPage.getByRole('form', { name: 'Report anti-social behaviour' })
    // The anonymous choice is explained before it is made.
    await form
      .getByText('If you report anonymously we cannot contact you', { exact: false })
      .waitFor()
    await fillPublicReport(
      form,
      'Bus shelter, Quay Street, Northfold',
      'Teenagers kicking the glass of the bus shelter every evening around 9pm.',
    )
    await form.getByRole('button', { name: 'Send the report' }).click()
    const ref = await sentReference(publicPage)
    expect(ref).toMatch(publicReference)
    references.push(ref)
  })

  it('offline, the form keeps the report and sends it when the connection is back', async () => {
    await publicPage.getByRole('button', { name: 'Make another report' }).click()
    const form = publicPage.getByRole('form', { name: 'Report anti-social behaviour' })
    await form.waitFor()
    await publicPage.context().setOffline(true)
    await publicPage.getByText(/^You are offline\. You can fill in the form/).waitFor()
    await fillPublicReport(
      form,
      'Footpath between Mill Lane and the park',
      'Motorbikes racing along the footpath most weekends.',
    )
    await form.getByRole('button', { name: 'Keep and send when online' }).click()
    await publicPage.getByText(/^Your report is waiting on this device/).waitFor()
    expect(await heading(publicPage, sentHeading).count()).toBe(0)

    // The page listens for the connection coming back and sends the report by itself.
    await publicPage.context().setOffline(false)
    const ref = await sentReference(publicPage)
    expect(ref).toMatch(publicReference)
    expect(references).not.toContain(ref)
    references.push(ref)
  })

  it('the reports reach the officers as unassigned enquiries, anonymous', async () => {
    await reloadAndSync(page)
    await goTo(page, 'Today')
    for (const ref of references) {
      const link = page.getByRole('link', { name: new RegExp(ref) })
      await link.waitFor()
    }
    await page.getByRole('link', { name: new RegExp(references[0] ?? '-') }).click()
    await matterHeading(page).waitFor()
    expect(await reference(page)).toBe(references[0])
    expect(await page.locator('.matter-header').innerText()).toMatch(/Not assigned/)
    expect(await page.getByRole('note').innerText()).toBe(notice)
    await expect
      .poll(() => chronologyText(page), { timeout: 10_000 })
      .toContain('Teenagers kicking the glass')
  })
})
