import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { RunningApp } from './app-server.ts'
import { startApp } from './app-server.ts'
import { launchBrowser, newContext, tablet } from './browser.ts'
import type { DemoUser } from './casebook.ts'
import { matterHeading, signedInDevice, waitUntilSynced } from './casebook.ts'

// The people of the demo council, each on a device of their own (a browser context), against one
// real server: for the browser tests where several people work the same matters. One server and
// one Chromium per test file, started side by side and closed with every device after it.

/** `browserArgs`: extra Chromium flags (the fake camera and microphone of the evidence tests). */
export function demoTeam(browserArgs: readonly string[] = []) {
  let app: RunningApp | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    ;[app, browser] = await Promise.all([startApp(), launchBrowser(browserArgs)])
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await Promise.all([browser?.close(), app?.close()])
  })

  const started = () => {
    if (!app || !browser) throw new Error('demoTeam(): the server and browser start in beforeAll.')
    return { app, browser }
  }

  return {
    url: () => started().app.url,
    /** A new device for `user`, signed in and synced once. */
    async device(user: DemoUser, viewport = tablet): Promise<Page> {
      const { app: running, browser: chromium } = started()
      const { context, page } = await signedInDevice(chromium, running.url, user, viewport)
      contexts.push(context)
      await waitUntilSynced(page)
      return page
    },
    /** A device with nobody signed in (a member of the public), at the app's address. */
    async visitor(viewport = tablet): Promise<Page> {
      const context = await newContext(started().browser, viewport)
      contexts.push(context)
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      return page
    },
    async openMatter(page: Page, matterId: string): Promise<void> {
      await page.goto(`${started().app.url}/matters/${matterId}`)
      await matterHeading(page).waitFor()
    },
  }
}
