import type { Actor } from '../../domain/guard-context.ts'
import { countUsers, createUser } from '../auth/users.ts'
import { recordPublicReport } from '../public-reports/record-public-report.ts'
import type { Storage } from '../storage/storage.ts'
import { closureAwaitingApproval, highRiskCase } from './demo-cases.ts'
import { awaitingContact, gatheringEvidence } from './demo-enquiries.ts'
import { demoPeople } from './demo-people.ts'
import type { DemoMatter, DemoStaff } from './demo-steps.ts'
import { recordDemoMatters } from './demo-steps.ts'

// DEMO=1 or --demo on an empty database: a made-up council to try the app with. Never on a
// database that already has users, so it cannot touch a real council's data.

function demoMatters(now: Date, staff: DemoStaff): DemoMatter[] {
  return [awaitingContact, gatheringEvidence, highRiskCase, closureAwaitingApproval].map((make) =>
    make(now, staff),
  )
}

export type SeedResult = { seeded: false } | { seeded: true; matters: number }

export async function seedDemoIfEmpty(storage: Storage, now: Date): Promise<SeedResult> {
  if ((await countUsers(storage)) > 0) return { seeded: false }
  const actors = new Map<string, Actor>()
  for (const person of demoPeople) {
    const created = await createUser(storage, person, now)
    if (!created.ok) throw new Error(`Demo user ${person.username}: ${created.message}`)
    actors.set(person.username, { id: created.user.id, role: created.user.role })
  }
  const member = (username: string): Actor => {
    const actor = actors.get(username)
    if (!actor) throw new Error(`The demo has no ${username}.`)
    return actor
  }
  const staff: DemoStaff = {
    officer1: member('officer1'),
    officer2: member('officer2'),
    manager1: member('manager1'),
  }
  const matters = demoMatters(now, staff)
  await recordDemoMatters(storage, now, matters)
  await recordPublicReport(
    storage,
    {
      anonymous: true,
      location: { address: 'Underpass by Northfold station', postcode: 'GU52 6AA' },
      category: 'drugs_substance_misuse',
      description:
        'People dealing drugs in the underpass most afternoons; I walk my children through there.',
    },
    new Date(now.getTime() - 3 * 3_600_000),
  )
  return { seeded: true, matters: matters.length + 1 }
}

export function demoSignInText(url: string): string {
  const rows = demoPeople.map(
    (p) => `    ${p.username.padEnd(10)} ${p.password.padEnd(15)} ${p.role} (${p.name})`,
  )
  return [
    'DEMO MODE: made-up council data. These passwords are public; never put real cases in a demo database.',
    `  Sign in at ${url} as:`,
    ...rows,
  ].join('\n')
}
