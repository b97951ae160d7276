import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { axeViolations, smallTargets } from './support/accessibility.ts'
import { phone, tablet } from './support/browser.ts'
import {
  choose,
  chronology,
  demo,
  phase,
  recordReport,
  recordStep,
  refusalOf,
  reloadAndSync,
} from './support/casebook.ts'
import { demoTeam } from './support/team.ts'

// Issue 4, browser test: the manager allocates a matter from the app. Officer 1 records a report
// without taking it on; it cannot leave the enquiry while no one has it (R5). The manager, on her
// own device, allocates it to officer 2 from the list of officers the sync brought, keyboard only,
// and syncs. Officer 2's device then has the matter with its whole history, and works it on.

const poll = { timeout: 15_000 }

const team = demoTeam()
let matterId = ''

const officerBadge = (page: Page) =>
  page.locator('.matter-header .badge', { hasText: /^Officer:/ }).innerText()

it('the manager allocates an unassigned enquiry to officer 2, who receives it with its history', async () => {
  const officer1 = await team.device(demo.officer1, tablet)
  matterId = await recordReport(officer1, {
    address: '8 Ferry Lane, Northfold',
    postcode: 'GU52 6QA',
    category: 'Noise',
    description: 'Dogs barking in the yard next door from 5am every day.',
    complainant: { name: 'Ruth Fenwick', phone: '01632 960 318' },
    assignToMe: false,
  })
  await recordStep(officer1, 'Record the threshold assessment R2', async (form) => {
    await choose(form, 'Is the threshold met?', 'Yes')
    await form.getByLabel('Why').fill('Every morning for a month; the complainant works nights.')
  })
  expect(await refusalOf(officer1, 'Issue diary sheets R5')).toBe(
    'Assign the matter to an officer before issuing diary sheets.',
  )
  await officer1.getByRole('button', { name: 'Cancel' }).click()
  await reloadAndSync(officer1)

  // The manager's first sync brought the matter and the list of officers.
  const manager = await team.device(demo.manager1, tablet)
  await team.openMatter(manager, matterId)
  await expect.poll(() => officerBadge(manager), poll).toBe('Officer: Not assigned')
  const allocation = manager.getByRole('form', { name: 'Allocate to an officer' })
  const officers = allocation.getByLabel('Allocate to an officer')
  expect(await officers.locator('option').allInnerTexts()).toEqual(
    expect.arrayContaining(['Olivia Price', 'Tom Okafor', 'Priya Shah (manager)']),
  )
  expect(await axeViolations(manager)).toEqual([])
  expect((await smallTargets(manager)).filter((t) => t.includes('Allocate'))).toEqual([])

  await officers.focus()
  await officers.selectOption({ label: 'Tom Okafor' })
  await manager.keyboard.press('Tab')
  await manager.keyboard.press('Enter')
  await expect
    .poll(() => manager.getByRole('region', { name: 'Allocation' }).getByRole('status').innerText(), poll)
    .toBe('Allocated to Tom Okafor.')
  await expect.poll(() => officerBadge(manager), poll).toBe('Officer: Tom Okafor')
  await reloadAndSync(manager)

  // Officer 2's device: the matter, its whole history, and it is theirs to work on.
  const officer2 = await team.device(demo.officer2, phone)
  await team.openMatter(officer2, matterId)
  await expect.poll(() => officerBadge(officer2), poll).toBe('Officer: You')
  await expect
    .poll(() => chronology(officer2), poll)
    .toEqual(
      expect.arrayContaining(['Report received (phone)', 'Threshold met', 'Assigned to an officer']),
    )
  await recordStep(officer2, 'Issue diary sheets R5')
  await expect.poll(() => phase(officer2), poll).toBe('Gathering evidence')
  await reloadAndSync(officer2)
  expect(await officer2.getByText(/^Not accepted by the server/).count()).toBe(0)
}, 180_000)
