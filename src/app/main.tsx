// First: zod's settings must hold before any module builds a schema.
import './zod-setup.ts'
import { StrictMode, Suspense, lazy } from 'react'
import { createRoot } from 'react-dom/client'
import { openDatabase } from '../db/database.ts'
import { deviceId, readProfile } from '../db/device.ts'
import { listenForInstallPrompt } from '../pwa/install-prompt.ts'
import { UpdatePrompt } from '../pwa/update-prompt.tsx'
import { useAnyFormDirty } from './forms/dirty-forms.ts'
import { preloadScreen } from './app.tsx'
import { parseRoute } from './routing/routes.ts'
import { Root } from './root.tsx'
import { lazyHttpClient } from './sync/lazy-http-client.ts'
import './styles.css'

listenForInstallPrompt()

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
const root = createRoot(container)
const now = () => new Date().toISOString()

function Banner() {
  return <UpdatePrompt blocked={useAnyFormDirty()} />
}

// The public report form shares the origin (and the offline shell) but none of the officer app.
const PublicReportPage = lazy(() => import('./features/public-report/public-report-page.tsx'))
const isPublicReport = /^\/report\/?$/.test(window.location.pathname)

// User Timing marks of the start-up, so a cold start's time can be split without a profiler
// (issue 5's benchmarks read them; DevTools shows them in the Performance panel).
performance.mark('casebook:start')

try {
  const db = openDatabase()
  // The current screen's code and first read start beside the database's opening, not after it.
  const screenReady = isPublicReport ? undefined : preloadScreen(parseRoute(window.location.pathname, window.location.search), db, now())
  await db.open()
  performance.mark('casebook:db-open')
  const http = lazyHttpClient()
  if (isPublicReport) {
    root.render(
      <StrictMode>
        <Banner />
        <Suspense fallback={<p aria-busy="true">Loading…</p>}>
          <PublicReportPage db={db} http={http} />
        </Suspense>
      </StrictMode>,
    )
  } else {
    const [id, profile] = await Promise.all([deviceId(db, now()), readProfile(db), screenReady])
    performance.mark('casebook:first-screen-read')
    root.render(
      <StrictMode>
        <Root db={db} deviceId={id} initialProfile={profile} now={now} http={http} banner={<Banner />} />
      </StrictMode>,
    )
  }
} catch (error) {
  // Private browsing or a blocked IndexedDB: say so plainly rather than showing a blank page.
  const message = error instanceof Error ? error.name : 'unknown'
  root.render(
    <main id="main" className="screen">
      <h1>Casebook cannot store data on this device</h1>
      <p>Casebook keeps your work in this browser’s storage, and the browser refused it ({message}). Leave private browsing, or allow site storage, then reload.</p>
    </main>,
  )
}
