// zod's settings as the app has them, before any schema module loads.
import '../../../src/app/zod-setup.ts'
import { configure, render } from '@testing-library/react'
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { ServicesProvider } from '../../../src/app/services.tsx'
import type { Services } from '../../../src/app/services.tsx'
import { openDatabase } from '../../../src/db/database.ts'
import type { CasebookDb } from '../../../src/db/database.ts'
import type { Profile } from '../../../src/db/device.ts'
import { recordEvent } from '../../../src/db/record-event.ts'
import { saveStaff } from '../../../src/db/staff.ts'
import type { EventType, PayloadInput } from '../../../src/domain/events.ts'
import { takesOnBeforeClosing } from '../../../src/domain/guard-context.ts'
import { matterReference } from '../../../src/domain/reference.ts'
import type { RiskAnswer, RiskLevel } from '../../../src/domain/risk-matrix.ts'
import { defaultRiskMatrix, scoreRiskAssessment } from '../../../src/domain/risk-matrix.ts'
import { createHttpClient } from '../../../src/sync/http-client.ts'

// Screens rendered the way main.tsx renders them: inside ServicesProvider, over a real Dexie
// database (fake-indexeddb), with the clock fixed and zod's messages in plain English (the
// zod-setup import above). Matters are arranged through `recordEvent`, so a history the rules
// forbid fails the test loudly.

// Every screen waits on IndexedDB; on a busy two-core runner one second is not always enough.
configure({ asyncUtilTimeout: 5000 })
// navigate() scrolls to the top of the new screen; jsdom has no layout and logs "not implemented".
window.scrollTo = () => undefined

const person = (id: string, name: string, role: Profile['role']): Profile => ({
  id,
  name,
  role,
  username: id,
  token: `token-${id}`,
  expiresAt: '2026-12-31T00:00:00.000Z',
})
export const officer = person('officer-1', 'Priya Shah', 'officer')
export const otherOfficer = person('officer-2', 'Tom Hale', 'officer')
export const manager = person('manager-1', 'Dana Cole', 'manager')
export const otherManager = person('manager-2', 'Ravi Patel', 'manager')

// Component tests never reach a server: every request fails as if the device were offline.
const offline = createHttpClient(() => Promise.reject(new TypeError('offline in tests')))

/** Wednesday 4 November 2026, mid-morning (GMT, so London and UTC agree). */
export const fixedNow = '2026-11-04T10:00:00.000Z'
/** The day matters are arranged on unless a step says otherwise: two days before `fixedNow`. */
export const arrangedOn = '2026-11-02'

export function freshDb(): CasebookDb {
  return openDatabase(`test-${Math.random().toString(36).slice(2)}`)
}

type RenderOptions = { db?: CasebookDb; profile?: Profile; now?: string }

export function renderWithServices(
  ui: ReactElement,
  { db = freshDb(), profile = officer, now = fixedNow }: RenderOptions = {},
) {
  const services: Services = {
    db,
    deviceId: 'test-device',
    profile,
    setProfile: () => Promise.resolve(),
    now: () => now,
    http: offline,
  }
  // No delays between keys, and no computed-style walk before each click: jsdom has no layout, and
  // that check alone is most of user-event's cost on a page as long as the matter page.
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never })
  const view = render(<ServicesProvider value={services}>{ui}</ServicesProvider>)
  return { ...view, db, user }
}

// ── Arranging matters ────────────────────────────────────────────────────────────────────────

export type ArrangeStep = { type: EventType; payload: unknown; as?: Profile; on?: string }

/** One step to arrange, typed by its payload; `as` and `on` (a date) default to the officer, `arrangedOn`. */
export function step<T extends EventType>(
  type: T,
  payload: PayloadInput<T>,
  options: { as?: Profile; on?: string } = {},
): ArrangeStep {
  return { type, payload, ...options }
}

// Events recorded at the same instant fold in id order, which is random: each arranged event gets
// its own second, so they fold in the order they were arranged.
const ticks = new WeakMap<CasebookDb, number>()

function nextInstant(db: CasebookDb, on: string): string {
  const tick = (ticks.get(db) ?? 0) + 1
  ticks.set(db, tick)
  return new Date(Date.parse(`${on}T09:00:00.000Z`) + tick * 1000).toISOString()
}

export type ArrangedMatter = { matterId: string; reference: string; complainantId: string | null }

/** Records the steps on the matter, in order; throws with the refusal if the rules forbid one. */
export async function withEvents(
  db: CasebookDb,
  matter: ArrangedMatter,
  ...steps: ArrangeStep[]
): Promise<ArrangedMatter> {
  for (const s of steps) {
    const as = s.as ?? officer
    const at = nextInstant(db, s.on ?? arrangedOn)
    const session = { actor: { id: as.id, role: as.role }, deviceId: 'arranging-device' }
    const stored = await db.matters.get(matter.matterId)
    if (stored && takesOnBeforeClosing(stored.state, session.actor, s)) {
      // As the step form does: an officer closing an unassigned enquiry takes it on first.
      const input = { matterId: matter.matterId, type: 'matterAssigned' as const, payload: { officerId: as.id } }
      const taken = await recordEvent(db, session, input, at)
      if (!taken.ok) throw new Error(`Arranging matterAssigned was refused: ${taken.refusal.message}`)
    }
    const result = await recordEvent(
      db,
      session,
      { matterId: matter.matterId, type: s.type, payload: s.payload },
      at,
    )
    if (!result.ok) throw new Error(`Arranging ${s.type} was refused: ${result.refusal.message}`)
  }
  return matter
}

type ReportOptions = {
  address?: string
  postcode?: string
  name?: string
  anonymous?: boolean
  on?: string
  as?: Profile
}

/** R1: a phone report (or an anonymous online one) of noise, with a complainant who has a phone. */
export async function aReportedMatter(
  db: CasebookDb,
  options: ReportOptions = {},
): Promise<ArrangedMatter> {
  const {
    address = '14 Fleet Road, Fleet',
    postcode = 'GU51 3BX',
    name = 'Ann Example',
    anonymous = false,
  } = options
  const matterId = crypto.randomUUID()
  const complainantId = anonymous ? null : crypto.randomUUID()
  const matter = { matterId, reference: matterReference(matterId), complainantId }
  const on = options.on ?? arrangedOn
  const payload: PayloadInput<'reportReceived'> = {
    channel: anonymous ? 'online_form' : 'phone',
    receivedAt: `${on}T08:30:00.000Z`,
    location: { address, postcode },
    category: 'noise',
    description: 'Loud music every night after midnight.',
    anonymous,
    ...(complainantId
      ? { complainant: { partyId: complainantId, name, contact: { phone: '01252 000000' } } }
      : {}),
  }
  return withEvents(db, matter, {
    ...step('reportReceived', payload),
    ...(options.as ? { as: options.as } : {}),
    on,
  })
}

// ── Steps an officer takes, as arrange rows ──────────────────────────────────────────────────

/** An officer takes the matter on, or a manager (`as`) allocates it: needed past the enquiry (R5, R6). */
export const assigned = (to: Profile = officer, as: Profile = to) =>
  step('matterAssigned', { officerId: to.id }, { as })
export const thresholdMet = () =>
  step('thresholdAssessed', { met: true, reason: 'Persistent night-time noise affecting sleep.' })
export const thresholdNotMet = () =>
  step('thresholdAssessed', { met: false, reason: 'A single party last summer; nothing since.' })
export const phoneAttempts = (n: number) =>
  Array.from({ length: n }, () =>
    step('contactAttempted', { method: 'phone', outcome: 'no_answer' }),
  )
export const diarySheetsIssued = () => step('diarySheetsIssued', { issuedOn: arrangedOn })
export const diaryEntry = (recordsAsb = true) =>
  step('diaryEntryRecorded', {
    happenedAt: `${arrangedOn}T01:00:00.000Z`,
    location: 'Flat 3',
    who: 'The neighbour above',
    what: 'Music at full volume from 00:30 to 03:00.',
    impact: 'Could not sleep; missed work the next day.',
    recordsAsb,
  })
export const perpetratorAdded = (partyId: string = crypto.randomUUID(), name = 'Sam Reed') =>
  step('partyAdded', { partyId, role: 'alleged_perpetrator', name })

/** "Yes" answers that score exactly into each level with no escalation (see tests/unit/support). */
const yesFor: Record<RiskLevel, string[]> = {
  standard: [],
  medium: ['V1', 'T1', 'H1', 'S3'],
  high: ['V1', 'V2', 'V4', 'T1', 'T2', 'H1', 'H3'],
}

export function riskAssessment(level: RiskLevel = 'standard') {
  const answers: Record<string, RiskAnswer> = Object.fromEntries(
    defaultRiskMatrix.questions.map((q) => [q.id, yesFor[level].includes(q.id) ? 'yes' : 'no']),
  )
  const { score, computedLevel } = scoreRiskAssessment(defaultRiskMatrix, answers)
  return {
    matrixVersion: defaultRiskMatrix.version,
    answers,
    score,
    computedLevel,
    level: computedLevel,
    reason: 'case_opened' as const,
  }
}

export const caseRecordCreated = (level: RiskLevel = 'standard') =>
  step('caseRecordCreated', { riskAssessment: riskAssessment(level) })

export type ArrangedCase = ArrangedMatter & { complainantId: string; perpetratorId: string }

/** R6: a live case (phase `case`), assigned to `officer`, with a complainant and an alleged perpetrator. */
export async function aCase(db: CasebookDb, options: ReportOptions = {}): Promise<ArrangedCase> {
  const matter = await aReportedMatter(db, { ...options, anonymous: false })
  const perpetratorId = crypto.randomUUID()
  await withEvents(
    db,
    matter,
    assigned(),
    thresholdMet(),
    perpetratorAdded(perpetratorId),
    diarySheetsIssued(),
    diaryEntry(),
    caseRecordCreated(),
  )
  return { ...matter, complainantId: matter.complainantId ?? '', perpetratorId }
}

export const closureRequested = (as: Profile = officer) =>
  step(
    'closureRequested',
    {
      reason: 'asb_stopped_low_risk',
      rationale: 'No reports for eight weeks.',
      victimTold: { told: true, method: 'phone', on: arrangedOn },
    },
    { as },
  )

/** Phase `closure_requested`: a case whose closure `requestedBy` asked for. */
export async function aClosureRequest(
  db: CasebookDb,
  requestedBy: Profile = officer,
): Promise<ArrangedCase> {
  const kase = await aCase(db)
  await withEvents(db, kase, closureRequested(requestedBy))
  return kase
}

/** Phase `evidence`: threshold met and diary sheets issued, no diary entry yet. */
export async function anEnquiryWithDiarySheets(db: CasebookDb): Promise<ArrangedMatter> {
  return withEvents(db, await aReportedMatter(db), assigned(), thresholdMet(), diarySheetsIssued())
}

/** Phase `closed`: an enquiry closed at Stage 1 because the threshold was not met (R2). */
export async function aClosedEnquiry(db: CasebookDb): Promise<ArrangedMatter> {
  return withEvents(db, await aReportedMatter(db), thresholdNotMet())
}

/** The staff directory a sync would have brought: the four people above, as the server lists them. */
export async function aStaffDirectory(db: CasebookDb): Promise<void> {
  const people = [officer, otherOfficer, manager, otherManager]
  await saveStaff(db, people.map(({ id, name, role }) => ({ id, name, role: role === 'manager' ? 'manager' : 'officer' })))
}

export async function eventCount(db: CasebookDb): Promise<number> {
  return db.events.count()
}

export async function stateOf(db: CasebookDb, matterId: string) {
  const row = await db.matters.get(matterId)
  if (!row) throw new Error(`No matter ${matterId} on the device.`)
  return row.state
}
