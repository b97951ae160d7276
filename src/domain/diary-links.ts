import type { Actor } from './guard-context.ts'
import type { MatterState } from './matter-state.ts'

// The complainant's own diary (DESIGN.md, "a private link"): who a link acts as, and which links
// of a matter still work. The token itself never appears here: events carry only its SHA-256.

export type DiaryLink = {
  linkId: string
  partyId?: string
  issuedOn: string
  /** When the officer revoked it; the link then answers like one that never existed. */
  revokedAt: string | null
}

const actorPrefix = 'diary-link:'

/** Entries sent from a link are recorded in its name, never an officer's. */
export function diaryLinkActorId(linkId: string): string {
  return `${actorPrefix}${linkId}`
}

export function diaryLinkActor(linkId: string): Actor {
  return { id: diaryLinkActorId(linkId), role: 'diary_link' }
}

/** The link an actor id names, or null when the actor is not a diary link. */
export function linkIdOfActor(actorId: string): string | null {
  return actorId.startsWith(actorPrefix) ? actorId.slice(actorPrefix.length) : null
}

/** The matter's private links; a state saved before links existed has none. */
export function diaryLinksOf(state: MatterState): DiaryLink[] {
  return state.diary.links ?? []
}

export function activeDiaryLinks(state: MatterState): DiaryLink[] {
  return diaryLinksOf(state).filter((l) => l.revokedAt === null)
}

/** A link works while it is not revoked and its matter is not closed (DESIGN.md). */
export function diaryLinkWorks(state: MatterState, linkId: string): boolean {
  return state.phase !== 'closed' && activeDiaryLinks(state).some((l) => l.linkId === linkId)
}
