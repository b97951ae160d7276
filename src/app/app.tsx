import type { ReactNode } from 'react'
import { Suspense, lazy, useEffect, useRef } from 'react'
import type { CasebookDb } from '../db/database.ts'
import type { Route } from './routing/routes.ts'
import { useRoute } from './routing/navigation.ts'
import { Link } from './routing/link.tsx'
import { screen } from './routing/screen-loader.ts'
import { useServices } from './services.tsx'
import { AppShell } from './shell/app-shell.tsx'

// The officer app: sign-in until a profile exists, then the shell around the current route.
// Every screen is its own chunk, so the first screen loads only what it draws.

const screens = {
  today: screen(() => import('./features/today/today-screen.tsx')),
  newReport: screen(() => import('./features/new-report/new-report-screen.tsx')),
  matter: screen(() => import('./features/matter/matter-screen.tsx')),
  diaryEntry: screen(() => import('./features/matter/diary-entry-screen.tsx')),
  search: screen(() => import('./features/search/search-screen.tsx')),
  settings: screen(() => import('./features/settings/settings-screen.tsx')),
} satisfies Record<Exclude<Route['name'], 'notFound'>, unknown>

const TodayScreen = screens.today.Component
const NewReportScreen = screens.newReport.Component
const MatterScreen = screens.matter.Component
const DiaryEntryScreen = screens.diaryEntry.Component
const SearchScreen = screens.search.Component
const SettingsScreen = screens.settings.Component
const SignInScreen = lazy(() => import('./features/sign-in/sign-in-screen.tsx'))

/**
 * Loads the code of the screen at this address and starts its first read, while main.tsx opens
 * the device database and reads the profile, so the first render draws the screen with its data
 * (issue 5, offline cold start). Never fails: a chunk or read that fails here fails again, and is
 * shown, when the screen renders.
 */
export async function preloadScreen(route: Route, db: CasebookDb, now: string): Promise<void> {
  if (route.name === 'notFound') return
  try {
    const module = await screens[route.name].load()
    await module.preload?.(db, now)
  } catch {
    // See above: the screen's own render reports it.
  }
}

export function App({ banner }: { banner?: ReactNode }) {
  const { profile } = useServices()
  const route = useRoute()
  // The search query is part of the address, but typing it is not a move to another screen.
  const path = route.name === 'search' ? 'search' : JSON.stringify(route)
  const shown = useRef(path)

  // Move focus to the new screen so keyboard and screen-reader users start at its top; not on
  // the first load (or StrictMode's second effect run), where focus belongs at the page start.
  useEffect(() => {
    if (shown.current === path) return
    shown.current = path
    document.getElementById('main')?.focus()
  }, [path])

  if (!profile) {
    return (
      <>
        {banner}
        <Suspense fallback={<p aria-busy="true">Loading…</p>}>
          <SignInScreen />
        </Suspense>
      </>
    )
  }
  let screen: ReactNode
  switch (route.name) {
    case 'today':
      screen = <TodayScreen />
      break
    case 'newReport':
      screen = <NewReportScreen />
      break
    case 'matter':
      screen = <MatterScreen key={route.matterId} matterId={route.matterId} />
      break
    case 'diaryEntry':
      screen = <DiaryEntryScreen key={route.matterId} matterId={route.matterId} />
      break
    case 'search':
      screen = <SearchScreen initialQuery={route.query} />
      break
    case 'settings':
      screen = <SettingsScreen />
      break
    case 'notFound':
      screen = (
        <div className="screen">
          <h1>Page not found</h1>
          <p>
            There is nothing at this address. <Link to={{ name: 'today' }}>Go to Today</Link>.
          </p>
        </div>
      )
  }
  return (
    <AppShell route={route} banner={banner}>
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>{screen}</Suspense>
    </AppShell>
  )
}
