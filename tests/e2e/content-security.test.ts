import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RunningApp } from './support/app-server.ts'
import { startApp } from './support/app-server.ts'
import { launchBrowser, newContext, tablet } from './support/browser.ts'
import { demo, recordReport, signInAs, waitUntilSynced } from './support/casebook.ts'

// The app's CSP (script-src 'self') refuses `new Function`, and zod reaches for it to build fast
// object parsers unless `jitless` is set before a schema is built (src/app/zod-setup.ts). zod's
// schemas now load in lazy chunks, after the setting; this proves it in the built app: every zod
// path an officer takes (sign-in, a first sync's pages, a report's form and checkEvent, a reload
// and the sync it starts) runs without a single CSP refusal.

let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page
const refusals: string[] = []

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp(), launchBrowser()])
  context = await newContext(browser, tablet)
  // Before any page script: a refused eval is reported even when zod catches the error it throws.
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
    console.error('CSP refused ' + e.violatedDirective + ' (' + e.blockedURI + ')')
  }, true)`)
  page = await context.newPage()
  page.setDefaultTimeout(10_000)
  page.on('console', (message) => {
    if (message.type() === 'error' && /CSP refused|Content Security Policy|unsafe-eval/.test(message.text()))
      refusals.push(message.text())
  })
})

afterAll(async () => {
  await context?.close()
  await Promise.all([browser?.close(), app?.close()])
})

it('signing in, syncing, recording a report and reopening the app never asks for eval', async () => {
  await page.goto(app.url)
  await signInAs(page, demo.officer1)
  await waitUntilSynced(page)
  await recordReport(page, {
    address: '31 Oak Lane, Fleet',
    category: 'Graffiti',
    description: 'Tags sprayed on the garden wall overnight.',
    complainant: { name: 'Ruth Green', email: 'ruth@example.org' },
  })
  await page.reload()
  await waitUntilSynced(page)
  expect(refusals).toEqual([])
})
