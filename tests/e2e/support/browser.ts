import type { Browser, BrowserContext, BrowserContextOptions, LaunchOptions } from 'playwright-core'
import { chromium } from 'playwright-core'

// Debian's Chromium, with the flags that keep it quiet and offline-friendly on this machine
// (TOOLCHAIN.md): no sandbox (root), no GPU, no QUIC, no background calls home.

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const options: LaunchOptions = { executablePath: chromiumPath, args: chromiumArgs }

export const phone = { width: 390, height: 844 }
export const tablet = { width: 1024, height: 768 }

// An officer's device in England: dates typed and shown as in the UK, and "today" is London's
// whatever the machine's own zone.
const device: BrowserContextOptions = { locale: 'en-GB', timezoneId: 'Europe/London' }

/** One browser per test file; each test opens its own (incognito) context with `newContext`. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ ...options, args: [...chromiumArgs, ...extraArgs] })
}

export function newContext(browser: Browser, viewport = tablet): Promise<BrowserContext> {
  return browser.newContext({ ...device, viewport })
}

/** A real profile on disk: storage and the service worker survive closing the browser. */
export function launchProfile(userDataDir: string, viewport = tablet): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { ...options, ...device, viewport })
}
