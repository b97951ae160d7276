import type { Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import { phone } from './support/browser.ts'
import {
  chronology,
  diaryForm,
  expectInChronology,
  isMatterPath,
  matterHeading,
  matterInEvidence,
  demo,
  storedDiaryDraft,
} from './support/casebook.ts'
import { demoTeam } from './support/team.ts'

// Issue 3, browser test 3 (R5): the diary entry is the form used most in the field, on a phone,
// and a half-typed entry must survive a reload (or a crash, or a flat battery).

const team = demoTeam()
let page: Page

beforeAll(async () => {
  page = await team.device(demo.officer1, phone)
})

it('R5: a half-typed diary entry is back after a reload; once saved, the next entry starts empty', async () => {
  const matterId = await matterInEvidence(page, {
    address: '7 Rowan Way, Fleet',
    category: 'Harassment or intimidation',
    description: 'Youths gathering outside and shouting at the house.',
    complainant: { name: 'Mary Stone', phone: '01252 000222' },
  })
  await page.getByRole('link', { name: 'Record a diary entry' }).click()
  let form = diaryForm(page)
  await form.waitFor()
  // Where starts as the matter's address; the rest is empty.
  expect(await form.getByLabel('Where', { exact: true }).inputValue()).toBe('7 Rowan Way, Fleet')
  expect(await form.getByLabel('What happened').inputValue()).toBe('')

  await form.getByLabel('Who was involved').fill('Three teenagers on bikes')
  await form.getByLabel('What happened').pressSequentially('They banged on the window at 9pm and')
  await form.getByText('Draft kept on this device.').waitFor()
  await expect
    .poll(() => storedDiaryDraft(page, matterId), { timeout: 5_000 })
    .toMatchObject({ what: 'They banged on the window at 9pm and' })

  await page.reload()
  form = diaryForm(page)
  await form.waitFor()
  expect(await form.getByLabel('Who was involved').inputValue()).toBe('Three teenagers on bikes')
  expect(await form.getByLabel('What happened').inputValue()).toBe(
    'They banged on the window at 9pm and',
  )
  expect(await form.getByText('Draft kept on this device.').isVisible()).toBe(true)

  await form.getByLabel('What happened').pressSequentially(' ran off laughing.')
  await form
    .getByLabel('How it affected the complainant')
    .fill('Mary was frightened and did not sleep.')
  await form.getByRole('button', { name: 'Save diary entry' }).click()
  await page.waitForURL(isMatterPath)
  await matterHeading(page).waitFor()
  await expect.poll(() => chronology(page), { timeout: 10_000 }).toContain('Diary entry')
  await expectInChronology(
    page,
    'They banged on the window at 9pm and ran off laughing.',
    'Mary was frightened and did not sleep.',
  )
  expect(await storedDiaryDraft(page, matterId)).toBeNull()

  // A new entry starts from scratch: no leftovers of the one just saved, even after a reload.
  await page.getByRole('link', { name: 'Record a diary entry' }).click()
  form = diaryForm(page)
  await form.waitFor()
  await page.reload()
  await form.waitFor()
  expect(await form.getByLabel('Who was involved').inputValue()).toBe('')
  expect(await form.getByLabel('What happened').inputValue()).toBe('')
  expect(await form.getByLabel('How it affected the complainant').inputValue()).toBe('')
  // Opening the form stores nothing: a draft is kept only once the officer types.
  expect(await storedDiaryDraft(page, matterId)).toBeNull()
  expect(await form.getByText('Draft kept on this device.').count()).toBe(0)
})
