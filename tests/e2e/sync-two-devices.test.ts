import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { apiSignIn, pushStep } from './support/api.ts'
import { phone, tablet } from './support/browser.ts'
import {
  chronology,
  chronologyEntries,
  demo,
  matterHeading,
  recordDiaryEntry,
  recordReport,
  recordStep,
  choose,
  reloadAndSync,
  syncLine,
  waitForServiceWorker,
  waitUntilSynced,
} from './support/casebook.ts'
import { demoTeam } from './support/team.ts'

// Issue 4, browser test: two people on two devices (two Chromium profiles) work the same matter at
// the same time, one of them offline. Officer A (officer1, a tablet) created the matter and the
// manager allocated it to A; the manager (B, on a phone) sees every matter. Since issue 14 an
// allocated matter is its officer's alone (decisions.md "Access after allocation"), so the second
// device is the manager's, not another officer's. A, offline, records two diary entries while B,
// online, records a contact. When A is back online and both have synced, both devices show the
// same action plan, entry for entry, in the same order. (The manager approving a closure on
// another device, and the officer seeing it, is in officer-journey.)

const poll = { timeout: 15_000 }

const team = demoTeam()
let deviceA: Page
let deviceB: Page
let matterId = ''

it('one matter, two devices: the officer offline records diary entries while the manager online records a contact; both converge', async () => {
  deviceA = await team.device(demo.officer1, tablet)
  // A goes offline later, so it needs the app shell precached.
  await waitForServiceWorker(deviceA)
  matterId = await recordReport(deviceA, {
    address: '5 Mill Lane, Northfold',
    postcode: 'GU52 6PL',
    category: 'Noise',
    description: 'Shouting and loud music from the flat above most nights.',
    complainant: { name: 'Asha Patel', phone: '01632 960 777' },
    assignToMe: false,
  })
  await reloadAndSync(deviceA)

  // Officer A created it; the manager allocates it to A (from the app in allocation.test.ts; here
  // through the API, as the manager's device would send it). A matter leaves the enquiry only once
  // it has an officer (R5), so A issues the diary sheets after that.
  const manager = await apiSignIn(team.url(), demo.manager1)
  const officer1 = await apiSignIn(team.url(), demo.officer1)
  await pushStep(manager, matterId, 'matterAssigned', { officerId: officer1.user.id })
  await reloadAndSync(deviceA)
  await recordStep(deviceA, 'Record the threshold assessment R2', async (form) => {
    await choose(form, 'Is the threshold met?', 'Yes')
    await form.getByLabel('Why').fill('Persistent and affecting the complainant’s health.')
  })
  await recordStep(deviceA, 'Issue diary sheets R5')
  await reloadAndSync(deviceA)

  // The manager's first sync brings the whole history of the matter.
  deviceB = await team.device(demo.manager1, phone)
  await team.openMatter(deviceB, matterId)
  await team.openMatter(deviceA, matterId)
  await reloadAndSync(deviceA)
  const before = await chronologyEntries(deviceA)
  expect(before.length).toBeGreaterThanOrEqual(4)
  await expect.poll(() => chronologyEntries(deviceB), poll).toEqual(before)
  expect(await chronology(deviceB)).toEqual(
    expect.arrayContaining(['Report received (phone)', 'Threshold met', 'Diary sheets issued']),
  )

  // A loses the signal and records two diary entries.
  await deviceA.context().setOffline(true)
  await recordDiaryEntry(deviceA, {
    when: 'Three hours ago',
    who: 'The tenants of the flat above',
    what: 'Music at full volume from 10pm to 1am.',
    impact: 'Could not get the baby to sleep.',
  })
  await recordDiaryEntry(deviceA, {
    when: 'An hour ago',
    who: 'The tenants of the flat above',
    what: 'Shouting on the stairs; a door slammed repeatedly.',
    impact: 'Frightened to open the door.',
  })
  await expect.poll(() => syncLine(deviceA).innerText(), poll).toBe('2 not yet sent')

  // Meanwhile B, online, records a contact with the complainant, and it reaches the server.
  await recordStep(deviceB, 'Record a contact R9', async (form) => {
    await choose(form, 'Who made contact', 'We contacted them')
    await form.getByLabel('What was said').fill('Spoke to Asha; she will keep the diary going.')
  })
  await reloadAndSync(deviceB)
  await matterHeading(deviceB).waitFor()

  // A is back online: the device sends its entries at once and pulls B's.
  await deviceA.context().setOffline(false)
  await waitUntilSynced(deviceA)
  // Each opens the app again (a sync) to have everything the other sent.
  await reloadAndSync(deviceA)
  await reloadAndSync(deviceB)
  await matterHeading(deviceA).waitFor()
  await matterHeading(deviceB).waitFor()

  const onA = await chronologyEntries(deviceA)
  expect(onA.length).toBeGreaterThanOrEqual(7)
  await expect.poll(() => chronologyEntries(deviceB), poll).toEqual(onA)
  const titles = await chronology(deviceA)
  expect(titles.filter((t) => t === 'Diary entry')).toHaveLength(2)
  expect(titles.filter((t) => /^Contact \(/.test(t))).toHaveLength(1)
  expect(titles).toContain('Assigned to an officer')
  for (const page of [deviceA, deviceB]) {
    expect(await syncLine(page).innerText()).toMatch(/^Up to date/)
    expect(await page.getByText(/^Not accepted by the server/).count()).toBe(0)
  }
}, 120_000)
