import { dueAutomaticClosure } from './deadlines.ts'
import { diaryLinkActorId, diaryLinksOf, diaryLinkWorks } from './diary-links.ts'
import type { EventType } from './events.ts'
import { systemActorId } from './events.ts'
import type { Actor, Guard } from './guard-context.ts'
import { inPhases, isLateFact, knownParties, notInFuture, openPhases, requireAssigned, takeOnFirst } from './guard-context.ts'
import { londonDate } from './london-time.ts'
import type { MatterState } from './matter-state.ts'
import { formatUkDate } from './uk-dates.ts'
import { isAssessment } from './phases.ts'
import { refuse } from './refusal.ts'
import { automaticClosureReasons } from './vocabulary-lists.ts'

// Guards for intake and Stage 1 (R1–R5): each says why a step is not allowed now, or null.

type Guards = { [T in EventType]?: Guard<T> }

/** R1: an anonymous report has no complainant; a contact must name the person it was with. */
function anonymousNeedsParty(anonymous: boolean, partyId: string | undefined) {
  return anonymous && !partyId
    ? refuse('anonymous', 'The report is anonymous: there is no complainant to contact. Choose the person you contacted.', 'R1')
    : null
}

/**
 * An entry sent from a private link is the complainant's, in the link's name only, and only while
 * the link works; no one else may claim to have sent it from a link.
 */
function viaLinkRefusal(actor: Actor, state: MatterState, viaLinkId: string | undefined) {
  if (actor.role !== 'diary_link' && !viaLinkId) return null
  if (!viaLinkId || actor.id !== diaryLinkActorId(viaLinkId)) {
    return refuse('link_only', 'Only the complainant’s private link records entries sent from it.')
  }
  return diaryLinkWorks(state, viaLinkId) ? null : refuse('link_ended', 'This diary link no longer works.', 'R5')
}

export const stage1Guards: Guards = {
  reportLinked: ({ state }) => inPhases(state, openPhases, 'linking a report'),
  matterAssigned: ({ state, actor }, e) => {
    const phase = inPhases(state, openPhases, 'assigning the matter')
    if (phase) return phase
    // Officers take unassigned work for themselves; managers allocate.
    if (actor.role === 'manager') return null
    if (e.payload.officerId !== actor.id || (state.assignedOfficerId && state.assignedOfficerId !== actor.id)) {
      return refuse('manager_only', 'Only a manager can assign a matter to someone else or take it from another officer.')
    }
    return null
  },
  matterDetailsUpdated: ({ state }) => inPhases(state, openPhases, 'changing the details'),
  partyAdded: ({ state }) => inPhases(state, openPhases, 'adding a person'),
  thresholdAssessed: (ctx, e) => inPhases(ctx.state, ['enquiry'], 'the threshold assessment') ?? takeOnFirst(ctx, e),
  neighbourAdviceGiven: (ctx, e) =>
    inPhases(ctx.state, ['enquiry'], 'neighbour advice') ?? notInFuture(ctx, e.payload.givenOn, 'The date given'),
  contactAttempted: ({ state }, e) =>
    inPhases(state, openPhases, 'recording a contact attempt') ??
    anonymousNeedsParty(state.anonymous, e.payload.partyId) ??
    knownParties(state, e.payload.partyId ? [e.payload.partyId] : []),
  contactMade: (ctx, e) => {
    const { state } = ctx
    return (
      (isLateFact(state, e.occurredAt) ? null : inPhases(state, openPhases, 'recording a contact')) ??
      (e.payload.method === 'agency_liaison' ? null : anonymousNeedsParty(state.anonymous, e.payload.partyId)) ??
      knownParties(state, e.payload.partyId ? [e.payload.partyId] : [])
    )
  },
  contactLetterSent: (ctx, e) => {
    const { state } = ctx
    const phase = inPhases(state, ['enquiry', 'evidence'], 'the contact letter')
    if (phase) return phase
    if (state.anonymous) return refuse('anonymous', 'The report is anonymous: contact is not possible.', 'R4')
    if (state.contact.established) return refuse('contact_established', 'Contact with the complainant is already established.', 'R4')
    if (state.contact.failedPhoneAttempts < 3) {
      return refuse(
        'phone_attempts_required',
        `Try the complainant by phone three times first (${state.contact.failedPhoneAttempts} so far).`,
        'R4',
      )
    }
    // R4: the letter follows the third unanswered call; it cannot be dated before it.
    const third = state.contact.thirdFailedAttemptAt && londonDate(state.contact.thirdFailedAttemptAt)
    if (third && e.payload.sentOn < third) {
      return refuse(
        'letter_before_calls',
        `The letter or e-mail follows the third unanswered call, made on ${formatUkDate(third)}: it cannot be dated earlier.`,
        'R4',
      )
    }
    return notInFuture(ctx, e.payload.sentOn, 'The date sent')
  },
  diarySheetsIssued: (ctx, e) => {
    const { state } = ctx
    const phase = inPhases(state, ['enquiry', 'evidence'], 'issuing diary sheets')
    if (phase) return phase
    if (!state.threshold?.met) {
      return refuse('threshold_required', 'Record that the threshold is met before issuing diary sheets.', 'R5')
    }
    const link = e.payload.link
    if (link && diaryLinksOf(state).some((l) => l.linkId === link.linkId)) {
      return refuse('link_exists', 'This diary link was already issued: make a new one.', 'R5')
    }
    return (
      requireAssigned(state, 'Assign the matter to an officer before issuing diary sheets.', 'R5') ??
      notInFuture(ctx, e.payload.issuedOn, 'The date issued')
    )
  },
  diaryEntryRecorded: (ctx, e) => {
    const { state } = ctx
    if (state.phase === 'enquiry') return refuse('diary_sheets_required', 'Issue diary sheets before recording diary entries.', 'R5')
    const viaLink = viaLinkRefusal(ctx.actor, state, e.payload.viaLinkId)
    if (viaLink) return viaLink
    return (isLateFact(state, e.occurredAt) ? null : inPhases(state, openPhases, 'recording a diary entry')) ?? notInFuture(ctx, e.payload.happenedAt, 'When it happened')
  },
  diaryLinkRevoked: ({ state }, e) => {
    const link = diaryLinksOf(state).find((l) => l.linkId === e.payload.linkId)
    if (!link) return refuse('unknown_link', 'There is no such diary link on this matter.')
    return link.revokedAt === null ? null : refuse('link_revoked', 'This diary link was already revoked.')
  },
  // R5: evidence provided before the no-evidence closure but synced after it still counts.
  evidenceAdded: (ctx, e) =>
    (isLateFact(ctx.state, e.occurredAt) ? null : inPhases(ctx.state, openPhases, 'adding evidence')) ??
    notInFuture(ctx, e.payload.obtainedOn, 'The date obtained'),
  matterClosed: ({ state, actor, now }, e) => {
    const automatic = (automaticClosureReasons as readonly string[]).includes(e.payload.reason)
    if (automatic || e.payload.automatic || actor.id === systemActorId) {
      // R4, R5: only the system records these, once the deadline has passed.
      if (actor.id !== systemActorId || !e.payload.automatic) {
        return refuse('automatic_only', 'This closure is recorded automatically when its deadline passes.')
      }
      // Due now, or already in force (a later fact put the matter past it) and not yet written.
      const inForce = state.phase === 'closed' && state.closure.automatic && !state.closure.recorded
      const due = inForce
        ? { reason: state.closure.reason, deadline: state.closure.deadline }
        : dueAutomaticClosure(state, now)
      if (!due || due.reason !== e.payload.reason || due.deadline !== e.payload.deadline) {
        return refuse('not_due', 'No automatic closure is due on this matter now.')
      }
      return null
    }
    if (!isAssessment(state.phase)) {
      return state.phase === 'closed'
        ? refuse('matter_closed', 'The matter is already closed.')
        : refuse('approval_required', 'A case closes through a closure request and a manager’s approval.', 'R16')
    }
    if (e.payload.reason === 'advice_given' && !state.neighbourAdvice) {
      return refuse('advice_not_recorded', 'Record the neighbour advice given before closing for that reason.', 'R3')
    }
    return takeOnFirst({ state, actor }, e)
  },
  closureAdvised: ({ state }) =>
    state.phase === 'closed' ? null : refuse('not_closed', 'The complainant is advised of a closure once the matter is closed.', 'R2'),
}
