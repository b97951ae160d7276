import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import type { CasebookDb } from '../db/database.ts'
import type { Profile } from '../db/device.ts'
import { saveProfile } from '../db/device.ts'
import { requestPersistentStorage } from '../pwa/storage.ts'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { HttpClient } from '../sync/http-client.ts'
import { App } from './app.tsx'
import { SyncProvider } from './sync/sync-context.tsx'
import type { Services } from './services.tsx'
import { ServicesProvider } from './services.tsx'

// Holds the signed-in profile and hands the services to every screen.

type Props = {
  db: CasebookDb
  deviceId: string
  initialProfile: Profile | null
  now: () => string
  http: HttpClient
  banner?: ReactNode
}

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, networkMode: 'offlineFirst' } } })

export function Root({ db, deviceId, initialProfile, now, http, banner }: Props) {
  const [profile, setProfileState] = useState(initialProfile)
  const services: Services = {
    db,
    deviceId,
    profile,
    now,
    http,
    setProfile: async (next) => {
      await saveProfile(db, next)
      setProfileState(next)
    },
  }
  // Ask for persistent storage after the first real use: the first entry recorded.
  // Whether any entry is stored, not how many: counting a council's 250,000 events again after
  // every write was a cost of every step and of every page of a first sync (issue 5).
  const used = useLiveQuery(() => db.events.limit(1).primaryKeys(), [db])?.length ?? 0
  useEffect(() => {
    if (used > 0) void requestPersistentStorage()
  }, [used])
  return (
    <QueryClientProvider client={queryClient}>
      <ServicesProvider value={services}>
        <SyncProvider http={http}>
          <App banner={banner} />
        </SyncProvider>
      </ServicesProvider>
    </QueryClientProvider>
  )
}
