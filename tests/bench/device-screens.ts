// What an officer feels on a tablet holding the whole council, in Chromium with the CPU slowed 4×
// and the network off: a cold start to the Today screen, opening the matter with 500 entries,
// a keystroke in search, and saving a diary entry. Each is timed inside the page (see
// support/browser.ts): from the navigation's start, or the click's or key press's timestamp, to
// the frame painted after the last DOM change it caused (the diary entry: to the completion of
// the IndexedDB transaction that wrote it). The device is a manager's, synced once before.
//
//   node tests/bench/run.ts --only=screens [--size=small|council] [--runs=N]
import type { BrowserContext, Page } from 'playwright-core'
import type { Bench } from './support/bench-context.ts'
import type { Throttle } from './support/browser.ts'
import {
  benchState,
  expectReady,
  instrumentation,
  launchProfile,
  settled,
  throttle,
} from './support/browser.ts'
import { appServer } from './support/device.ts'
import type { Figure } from './support/report.ts'
import { median } from './support/report.ts'
import { syncedProfile } from './support/synced-profile.ts'

const todayDrawn = `document.querySelector('h1')?.textContent === 'Today' && !document.querySelector('[aria-busy="true"]') && document.querySelector('#caseload-heading') !== null`

/** Relaunches the browser on the profile, offline and throttled, and opens the app: one cold start. */
async function coldStart(
  url: string,
  profile: string,
): Promise<{
  context: BrowserContext
  page: Page
  ms: number
  settledMs: number
  slowed: Throttle
  steps: string
}> {
  const context = await launchProfile(profile)
  const page = context.pages()[0] ?? (await context.newPage())
  await context.addInitScript(instrumentation(todayDrawn))
  await context.setOffline(true)
  const slowed = await throttle(page)
  await page.goto(url, { waitUntil: 'commit' })
  await settled(page, todayDrawn, { quietMs: 600 })
  const controlled = await page.evaluate<boolean>('navigator.serviceWorker.controller !== null')
  if (!controlled) throw new Error('The cold start was not served by the service worker.')
  const state = await benchState(page)
  return { context, page, ms: state.readyPaint, settledMs: state.paint, slowed, steps: await startSteps(page) }
}

/** Where a cold start's time went: the page's own start-up marks (src/app/main.tsx), in ms from navigation. */
function startSteps(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const nav = performance.getEntriesByType('navigation')[0]
    const steps = [['html', nav.responseEnd], ['parsed', nav.domInteractive]]
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('casebook:')) steps.push([m.name.slice(9), m.startTime])
    steps.push(['drawn', window.__bench.readyPaint])
    return steps.map(([name, at]) => name + ' ' + Math.round(at)).join(', ')
  })()`)
}

type Timing = { drawn: number; settled: number }

/**
 * From the click (or key press) to the first frame painted with `ready` holding (`drawn`), and to
 * the frame painted after the last change it caused (`settled`).
 */
async function interaction(
  page: Page,
  act: () => Promise<void>,
  ready: string,
  done = ready,
): Promise<Timing> {
  await expectReady(page, ready)
  await act()
  await settled(page, `window.__bench.input > 0 && window.__bench.readyPaint > 0 && (${done})`)
  const s = await benchState(page)
  return { drawn: s.readyPaint - s.input, settled: s.paint - s.input }
}

async function backToToday(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Today', exact: true })
    .click()
  await settled(page, todayDrawn)
}

async function openMatter(page: Page, reference: string, entries: number): Promise<Timing> {
  const link = page.locator('a.matter-link', { hasText: reference }).first()
  const heading = `document.querySelector('h1')?.textContent?.startsWith(${JSON.stringify(reference)})`
  const count = `document.querySelectorAll('.chronology .entries > li').length`
  // Drawn: the matter's header and the chronology's first entries; settled: all of them.
  return interaction(
    page,
    () => link.click(),
    `${heading} && ${count} > 0`,
    `${heading} && ${count} >= ${entries}`,
  )
}

async function searchKeystrokes(page: Page, words: readonly string[]): Promise<number[]> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Search', exact: true })
    .click()
  const input = page.getByLabel('Reference, address, postcode or name')
  await input.waitFor()
  await settled(page, 'true')
  const times: number[] = []
  for (const word of words) {
    await input.fill('')
    await settled(page, `document.querySelector('#search-query').value === ''`)
    for (let i = 1; i <= word.length; i++) {
      const typed = JSON.stringify(word.slice(0, i))
      const typedIn = `document.querySelector('#search-query').value === ${typed}`
      // The results follow the input as a deferred render: drawn is the last frame they changed in.
      times.push(
        (await interaction(page, () => page.keyboard.type(word.charAt(i - 1)), typedIn)).settled,
      )
    }
  }
  return times
}

async function recordDiaryEntry(page: Page, n: number): Promise<number> {
  await page.getByRole('link', { name: 'Record a diary entry' }).click()
  const form = page.getByRole('form', { name: 'Diary entry' })
  await form.waitFor()
  await form.getByLabel('Who was involved').fill('The neighbour above')
  await form
    .getByLabel('What happened')
    .fill(`Benchmark entry ${n}: music at full volume from 00:30 to 03:00.`)
  await form
    .getByLabel('How it affected the complainant')
    .fill('Could not sleep; missed work the next day.')
  await settled(page, 'true')
  const before = (await benchState(page)).commits.length
  await page.evaluate('window.__bench.input = 0')
  await form.getByRole('button', { name: 'Save diary entry' }).click()
  await page.waitForFunction(`window.__bench.commits.length > ${before}`, undefined, {
    timeout: 30_000,
    polling: 50,
  })
  const s = await benchState(page)
  const commit = s.commits[before]
  if (!commit || !s.input) throw new Error('The diary entry was not committed.')
  await settled(page, `document.querySelector('.chronology') !== null`)
  return commit.at - s.input
}

export const deviceScreens: Bench = {
  name: 'screens',
  title: 'A tablet holding the whole council, offline (Chromium, CPU 4× slower)',
  sizes: ['small', 'council'],
  async run(ctx) {
    const council = await ctx.council()
    const server = await appServer(ctx)
    const profile = await syncedProfile(ctx, server)
    const runs = ctx.runs ?? 5
    const cold: number[] = []
    const coldSettled: number[] = []
    const open: number[] = []
    const openAll: number[] = []
    const diary: number[] = []
    let search: number[] = []
    let slowdown = 0
    const reference = council.meta.bigMatter.reference
    for (let run = 1; run <= runs; run++) {
      const started = await coldStart(server.url, profile)
      try {
        cold.push(started.ms)
        coldSettled.push(started.settledMs)
        ctx.log(
          `cold start ${run}: ${started.ms.toFixed(0)} ms (quiet after ${started.settledMs.toFixed(0)} ms; ${started.steps})`,
        )
        if (run < runs) continue
        // The last cold start goes on to the other screens, still offline and throttled.
        const { page } = started
        for (let i = 0; i < runs; i++) {
          const t = await openMatter(page, reference, council.meta.bigMatter.entries)
          open.push(t.drawn)
          openAll.push(t.settled)
          await backToToday(page)
        }
        search = await searchKeystrokes(page, ['larch', 'okafor', 'quay street'])
        await backToToday(page)
        await page.locator('a.matter-link', { hasText: reference }).first().click()
        await settled(
          page,
          `document.querySelector('h1')?.textContent?.startsWith(${JSON.stringify(reference)})`,
        )
        for (let i = 0; i < runs; i++) diary.push(await recordDiaryEntry(page, i))
        slowdown = await started.slowed.measure()
      } finally {
        await started.context.close()
      }
    }
    const cpu = `CPU slowdown measured ${slowdown.toFixed(1)}×`
    return [
      {
        id: 'screens.coldStart',
        label: 'offline cold start to Today drawn (SW in control)',
        value: median(cold),
        unit: 'ms',
        runs: cold,
        note: `browser relaunched each run; page quiet after ${median(coldSettled).toFixed(0)} ms`,
      },
      {
        id: 'screens.openMatter',
        label: `open the matter with ${council.meta.bigMatter.entries} entries: page drawn`,
        value: median(open),
        unit: 'ms',
        runs: open,
        note: cpu,
      },
      {
        id: 'screens.openMatterAll',
        label: `  … all ${council.meta.bigMatter.entries} entries drawn`,
        value: median(openAll),
        unit: 'ms',
        runs: openAll,
      },
      {
        id: 'screens.search',
        label: 'search: one keystroke to results drawn',
        value: median(search),
        unit: 'ms',
        runs: search,
        note: `${search.length} keystrokes over ${council.meta.matters.toLocaleString('en-GB')} matters`,
      },
      {
        id: 'screens.diary',
        label: 'diary entry: submit to committed in IndexedDB',
        value: median(diary),
        unit: 'ms',
        runs: diary,
        note: `on the matter with ${council.meta.bigMatter.entries}+ entries`,
      },
    ] satisfies Figure[]
  },
}
