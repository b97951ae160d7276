import type { DomainEvent } from '../../../src/domain/events.ts'
import type { Actor } from '../../../src/domain/guard-context.ts'
import type { Role } from '../../../src/domain/vocabulary.ts'
import { caseShape, caseStory } from './case-stories.ts'
import { MatterStory, StoryEnded } from './matter-story.ts'
import { Random } from './random.ts'
import type { Cast, Told } from './stage1-stories.ts'
import {
  intake,
  neighbourAdvice,
  noContact,
  noEvidence,
  thresholdNotMet,
  withdrawn,
} from './stage1-stories.ts'
import { personName } from './words.ts'

// What a council looks like: how many matters over how many officers, and how its matters go.
// Ten years of a district council's ASB team, ending at a fixed "now" so every run makes the
// same council. Most matters close at Stage 1; about four in ten become cases; a few cases run
// for years with hundreds of diary entries; matter 0 is the one the "open a matter" benchmark
// opens: a live case with exactly 500 entries in its chronology.

export const councilSizes = {
  small: { matters: 200, officers: 4, managers: 2 },
  council: { matters: 5_000, officers: 10, managers: 3 },
  county: { matters: 50_000, officers: 100, managers: 15 },
} as const
export type CouncilSize = keyof typeof councilSizes

/** The council's "now": the generated history ends here (the server must run after it). */
export const councilNow = Date.parse('2026-11-02T18:00:00.000Z')
const years = 10
const councilStart = councilNow - years * 365.25 * 86_400_000

export const bigMatterEntries = 500

export type CouncilUser = { id: string; username: string; name: string; role: Role }

export function councilStaff(size: CouncilSize, seed: number): CouncilUser[] {
  const r = new Random(seed, 0x57aff)
  const { officers, managers } = councilSizes[size]
  const staff = (role: 'officer' | 'manager', n: number) =>
    Array.from({ length: n }, (_, i) => {
      const id = `${role}-${String(i + 1).padStart(3, '0')}`
      return { id, username: id, name: personName(r), role }
    })
  return [...staff('officer', officers), ...staff('manager', managers)]
}

const storyWeights = {
  thresholdNotMet: 14,
  neighbourAdvice: 8,
  noContact: 12,
  noEvidence: 14,
  withdrawn: 12,
  case: 40,
}

/** One matter's events, in the order they were recorded. Deterministic in (seed, index). */
export function generateMatter(
  index: number,
  seed: number,
  staff: readonly CouncilUser[],
): DomainEvent[] {
  const r = new Random(seed, index)
  const officers: Actor[] = staff
    .filter((u) => u.role === 'officer')
    .map(({ id, role }) => ({ id, role }))
  const managers: Actor[] = staff
    .filter((u) => u.role === 'manager')
    .map(({ id, role }) => ({ id, role }))
  const big = index === 0
  const long = !big && r.chance(0.002)
  const start = big
    ? councilNow - 800 * 86_400_000
    : long
      ? councilStart + r.next() * (councilNow - councilStart - 3 * 365 * 86_400_000)
      : councilStart + r.next() * (councilNow - councilStart)
  const s = new MatterStory(r, start, councilNow, big ? bigMatterEntries : Number.POSITIVE_INFINITY)
  const cast: Cast = { owner: big ? (officers[0] as Actor) : r.pick(officers), officers, managers }
  const t: Told = { s, r, cast }
  const story = big || long ? 'case' : r.weighted(storyWeights)
  const anonymous = (story === 'thresholdNotMet' || story === 'noEvidence') && r.chance(0.2)
  try {
    intake(t, { anonymous })
    tell(story, t, big, long)
  } catch (error) {
    if (!(error instanceof StoryEnded)) throw error
  }
  try {
    // Truncated at "now": the scheduler would have recorded a closure that came due before it.
    s.closeIfDue(councilNow)
  } catch (error) {
    if (!(error instanceof StoryEnded)) throw error
  }
  return s.events
}

function tell(story: keyof typeof storyWeights, t: Told, big: boolean, long: boolean): void {
  switch (story) {
    case 'thresholdNotMet':
      return thresholdNotMet(t)
    case 'neighbourAdvice':
      return neighbourAdvice(t)
    case 'noContact':
      return noContact(t)
    case 'noEvidence':
      return noEvidence(t)
    case 'withdrawn':
      return withdrawn(t)
    case 'case': {
      const shape = caseShape(t, long)
      // Matter 0: a case worked for two years, still open, with exactly 500 entries.
      if (big)
        Object.assign(shape, {
          weeks: 400,
          diaryPerWeek: 4,
          investigate: true,
          interveneAt: 3,
          legalAt: null,
          mediation: false,
          reassignAt: null,
          openEnded: true,
        })
      return caseStory(t, shape)
    }
  }
}
