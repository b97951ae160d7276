import { diaryLinksOf, linkIdOfActor } from '../../domain/diary-links.ts'
import type { Actor } from '../../domain/guard-context.ts'
import type { MatterState } from '../../domain/matter-state.ts'

// Who may see and act on a matter (issue 4): officers see matters assigned to them, and unassigned
// matters they created or that are still open enquiries (for anyone to pick up); managers see all;
// an administrator manages users and sees no case work. Once a matter is allocated, its creator
// holds no token for it unless it is allocated to them (issue 14, decisions.md "Access after
// allocation"): what they recorded before stays, as late facts (event-log.ts). A closed unassigned
// enquiry is no longer the team's (decisions.md, "Closing an unassigned enquiry"): it leaves other
// officers' pulls.
//
// A matter's audience is a set of tokens, and a viewer holds tokens: they see the matter when the
// sets meet. The matters table keeps each matter's audience now, and each event the audience
// just before it, so a pull is set overlaps in SQL while the rule itself lives only here
// (migrations/009 rewrote the audiences stored under the earlier rule).

export const unassignedEnquiries = 'unassigned-enquiries'

const officerToken = (id: string) => `officer:${id}`

export function audienceOf(state: MatterState | null): string[] {
  if (!state) return []
  if (state.assignedOfficerId) return [officerToken(state.assignedOfficerId)]
  const tokens = [officerToken(state.createdBy)]
  if (state.phase === 'enquiry') tokens.push(unassignedEnquiries)
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
