import type { ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { pendingCount } from '../../db/queries.ts'
import { Link } from '../routing/link.tsx'
import type { Route } from '../routing/routes.ts'
import { useServices } from '../services.tsx'
import { useSyncStatus } from '../sync/sync-context.tsx'
import { SessionRenewal } from './session-renewal.tsx'
import { useOnline } from './use-online.ts'

// The frame around every screen: a skip link, the header with the network state and what is
// waiting to sync, the main navigation, and the screen itself in <main>.

const navItems: { to: Route; label: string; match: Route['name'][] }[] = [
  { to: { name: 'today' }, label: 'Today', match: ['today'] },
  { to: { name: 'newReport' }, label: 'New report', match: ['newReport'] },
  { to: { name: 'search', query: '' }, label: 'Search', match: ['search'] },
  { to: { name: 'settings' }, label: 'Settings', match: ['settings'] },
]

export function AppShell({ route, children, banner }: { route: Route; children: ReactNode; banner?: ReactNode }) {
  const { db, profile } = useServices()
  const online = useOnline()
  const pending = useLiveQuery(() => pendingCount(db), [db]) ?? 0
  const sync = useSyncStatus()
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="app-name">Casebook</span>
        <span className={`network ${online ? 'online' : 'offline'}`} role="status">
          <span aria-hidden="true" className="dot" />
          {online ? 'Online' : 'Offline: work is saved on this device'}
        </span>
        <span className="pending" aria-live="polite">
          {syncText(sync.state, pending, sync.lastSyncedAt, sync.received ?? 0)}
        </span>
        {profile && <span className="who">{profile.name}</span>}
      </header>
      {banner}
      {sync.state === 'signed_out' && profile && <SessionRenewal />}
      <nav className="app-nav" aria-label="Main">
        <ul>
          {navItems.map((item) => (
            <li key={item.label}>
              <Link to={item.to} aria-current={item.match.includes(route.name) ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  )
}

// Made once, on first use: toLocaleTimeString and toLocaleString build a formatter on every call,
// and the header is drawn again on every move between screens; that was 60 ms of opening a
// matter on a throttled tablet (issue 5).
let formats: { clock: Intl.DateTimeFormat; count: Intl.NumberFormat } | undefined
const format = () => (formats ??= { clock: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }), count: new Intl.NumberFormat('en-GB') })

function syncText(state: string, pending: number, lastSyncedAt: string | null, received: number): string {
  const waiting = pending === 0 ? '' : `${pending} not yet sent`
  if (state === 'syncing' && received > 0) return `Syncing… ${format().count.format(received)} entries received`
  if (state === 'syncing') return waiting ? `Sending… ${waiting}` : 'Syncing…'
  if (waiting) return waiting
  if (lastSyncedAt) return `Up to date (${format().clock.format(new Date(lastSyncedAt))})`
  return 'All entries saved on this device'
}
