import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import type { CasebookDb } from '../db/database.ts'
import type { Profile } from '../db/device.ts'
import type { HttpClient } from '../sync/http-client.ts'

// What every screen needs from outside React: the device database, who is signed in on which
// device, and the clock. Passed down once so tests can give a fresh database and a fixed time.

export type Services = {
  db: CasebookDb
  deviceId: string
  profile: Profile | null
  setProfile: (profile: Profile | null) => Promise<void>
  now: () => string
  http: HttpClient
}

const ServicesContext = createContext<Services | null>(null)

export function ServicesProvider({ value, children }: { value: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>
}

export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('useServices outside ServicesProvider')
  return services
}

/** The signed-in person and device, for screens only reachable once signed in. */
export function useSession() {
  const { profile, deviceId } = useServices()
  if (!profile) throw new Error('useSession before sign-in')
  return { actor: { id: profile.id, role: profile.role }, deviceId, profile }
}
