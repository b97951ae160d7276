import type { Role } from '../../domain/vocabulary.ts'

// The demo council's staff. Their passwords are printed and public: demo mode is for trying the
// app on made-up data, never for real cases.

export type DemoPerson = { username: string; name: string; role: Role; password: string }

export const demoPeople: readonly DemoPerson[] = [
  { username: 'officer1', name: 'Olivia Price', role: 'officer', password: 'demo-officer1' },
  { username: 'officer2', name: 'Tom Okafor', role: 'officer', password: 'demo-officer2' },
  { username: 'manager1', name: 'Priya Shah', role: 'manager', password: 'demo-manager1' },
  { username: 'admin1', name: 'Sam Whitfield', role: 'admin', password: 'demo-admin-01' },
]
