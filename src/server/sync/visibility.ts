import { diaryLinksOf, linkIdOfActor } from '../../domain/diary-links.ts'
import type { Actor } from '../../domain/guard-context.ts'
import type { MatterState } from '../../domain/matter-state.ts'

// Who may see and act on a matter (issue 4): officers see matters assigned to them, matters they
// created, and unassigned enquiries (for anyone to pick up); managers see all; an administrator
// manages users and sees no case work.
//
// A matter's audience is a set of tokens, and a viewer holds tokens: they see the matter when the
// sets meet. The matters table keeps each matter's audience now, and each event the audience
// just before it, so a pull is set overlaps in SQL while the rule itself lives only here.

export const unassignedEnquiries = 'unassigned-enquiries'

const officerToken = (id: string) => `officer:${id}`

export function audienceOf(state: MatterState | null): string[] {
  if (!state) return []
  const tokens = [officerToken(state.createdBy)]
  if (state.assignedOfficerId) tokens.push(officerToken(state.assignedOfficerId))
  else if (state.phase === 'enquiry') tokens.push(unassignedEnquiries)
  return tokens
}

/** The tokens a viewer holds: 'all' for those who see every matter, [] for those who see none. */
export function viewerTokens(viewer: Actor): string[] | 'all' {
  if (viewer.role === 'manager' || viewer.role === 'system') return 'all'
  if (viewer.role === 'officer') return [officerToken(viewer.id), unassignedEnquiries]
  return []
}

export function canSee(viewer: Actor, state: MatterState): boolean {
  // A complainant's private link acts on its own matter only, and pulls nothing.
  if (viewer.role === 'diary_link') {
    const linkId = linkIdOfActor(viewer.id)
    return diaryLinksOf(state).some((l) => l.linkId === linkId)
  }
  const tokens = viewerTokens(viewer)
  if (tokens === 'all') return true
  const audience = audienceOf(state)
  return tokens.some((t) => audience.includes(t))
}
