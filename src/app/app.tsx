import type { ReactNode } from 'react'
import { Suspense, lazy, useEffect, useRef } from 'react'
import type { Route } from './routing/routes.ts'
import { useRoute } from './routing/navigation.ts'
import { Link } from './routing/link.tsx'
import { useServices } from './services.tsx'
import { AppShell } from './shell/app-shell.tsx'

// The officer app: sign-in until a profile exists, then the shell around the current route.
// Every screen is its own chunk, so the first screen loads only what it draws.

const screens = {
  today: () => import('./features/today/today-screen.tsx'),
  newReport: () => import('./features/new-report/new-report-screen.tsx'),
  matter: () => import('./features/matter/matter-screen.tsx'),
  diaryEntry: () => import('./features/matter/diary-entry-screen.tsx'),
  search: () => import('./features/search/search-screen.tsx'),
  settings: () => import('./features/settings/settings-screen.tsx'),
} satisfies Record<Exclude<Route['name'], 'notFound'>, () => Promise<unknown>>

const TodayScreen = lazy(screens.today)
const NewReportScreen = lazy(screens.newReport)
const MatterScreen = lazy(screens.matter)
const DiaryEntryScreen = lazy(screens.diaryEntry)
const SearchScreen = lazy(screens.search)
const SettingsScreen = lazy(screens.settings)
const SignInScreen = lazy(() => import('./features/sign-in/sign-in-screen.tsx'))

/**
 * Starts fetching the chunk of the screen at this address, so it arrives while main.tsx opens the
 * device database rather than after the first render asks for it (issue 5, offline cold start).
 */
export function preloadScreen(route: Route): void {
  if (route.name !== 'notFound') void screens[route.name]()
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
