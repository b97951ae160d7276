import { correctableTypes, correctedPayload, decidingFieldsChanged } from './corrections.ts'
import type { EventType } from './events.ts'
import type { Guard, GuardContext } from './guard-context.ts'
import { inPhases, isLateFact, knownParties, liveOrPendingPhases, notInFuture, openPhases, requireAssigned, requireLiveCase } from './guard-context.ts'
import { londonDate } from './london-time.ts'
import { formatUkDate } from './uk-dates.ts'
import { checkClosureOrderExtension, checkLegalStep, fixedPenaltyCap } from './guards-legal.ts'
import type { LegalStepTaken } from './payloads-action.ts'
import type { RiskAssessment } from './payloads-case.ts'
import { isAssessment } from './phases.ts'
import type { Refusal } from './refusal.ts'
import { refuse } from './refusal.ts'
import { checkRiskLevelOverride, scoreRiskAssessment, validateRiskAnswers } from './risk-matrix.ts'

// Guards from the case record on (R6–R19): each says why a step is not allowed now, or null.

type Guards = { [T in EventType]?: Guard<T> }

/** R7: the assessment must be complete, scored as the matrix scores it, and never lowered. */
function checkAssessment({ matrix }: GuardContext, a: RiskAssessment): Refusal | null {
  if (a.matrixVersion !== matrix.version) {
    return refuse('matrix_version', `Use the current risk matrix (${matrix.version}).`, 'R7')
  }
  const incomplete = validateRiskAnswers(matrix, a.answers)
  if (incomplete) return refuse('risk_incomplete', incomplete, 'R7')
  const scored = scoreRiskAssessment(matrix, a.answers)
  if (scored.score !== a.score || scored.computedLevel !== a.computedLevel) {
    return refuse('risk_score_mismatch', `The answers score ${scored.score} (${scored.computedLevel}).`, 'R7')
  }
  const override = checkRiskLevelOverride(scored.computedLevel, a.level, a.raisedReason)
  return override ? refuse('risk_override', override, 'R7') : null
}

function isManager(ctx: GuardContext): boolean {
  return ctx.actor.role === 'manager'
}

/** R16: a closure is decided by a manager who is not the officer who asked for it. */
function closureDecision(ctx: GuardContext): Refusal | null {
  const { state } = ctx
  if (state.phase !== 'closure_requested' || !state.closure.request) {
    return refuse('no_closure_request', 'There is no closure request waiting on this case.', 'R16')
  }
  if (!isManager(ctx)) return refuse('manager_only', 'Only a manager can decide on a closure request.', 'R16')
  if (state.closure.request.requestedBy === ctx.actor.id) {
    return refuse('own_request', 'Closure needs a manager who did not request it.', 'R16')
  }
  return null
}

export const caseGuards: Guards = {
  caseRecordCreated: (ctx, e) => {
    const { state } = ctx
    const phase = inPhases(state, ['enquiry', 'evidence'], 'creating the case record')
    if (phase) return state.caseCreatedAt ? refuse('case_exists', 'The case record already exists.', 'R6') : phase
    // R2 before R6: independent evidence can arrive in the enquiry, but a case needs the threshold met.
    if (!state.threshold?.met) {
      return refuse('threshold_required', 'Record that the threshold is met before creating the case record.', 'R2')
    }
    // R6: at least one diary entry that records ASB, or independent clear evidence.
    if (state.diary.asbEntries === 0 && !state.evidence.some((ev) => ev.independent)) {
      return refuse(
        'evidence_required',
        'A case record needs a diary entry that records ASB, or independent clear evidence.',
        'R6',
      )
    }
    return requireAssigned(state, 'Assign the matter to an officer before opening a case.', 'R6') ?? checkAssessment(ctx, e.payload.riskAssessment)
  },
  riskAssessed: (ctx, e) => inPhases(ctx.state, liveOrPendingPhases, 'a risk assessment') ?? checkAssessment(ctx, e.payload.riskAssessment),
  riskChangeNoted: ({ state }) => requireLiveCase(state, 'noting a change in risk'),
  nextContactSet: (ctx, e) =>
    requireLiveCase(ctx.state, 'setting the next contact') ??
    (e.payload.dueOn < ctx.today ? refuse('in_past', 'The next contact must be today or later.', 'R8') : null),
  actionSet: ({ state }) => inPhases(state, openPhases, 'setting an action'),
  actionCompleted: ({ state }, e) => {
    const action = state.actions.find((a) => a.actionId === e.payload.actionId)
    if (!action) return refuse('unknown_action', 'That action is not on this matter.', 'R9')
    if (action.completed) return refuse('action_done', 'That action is already recorded as done.', 'R9')
    return inPhases(state, openPhases, 'completing an action')
  },
  meetingHeld: (ctx, e) => inPhases(ctx.state, openPhases, 'recording a meeting') ?? notInFuture(ctx, e.payload.heldOn, 'The meeting date'),
  referralMade: (ctx, e) => inPhases(ctx.state, openPhases, 'recording a referral') ?? notInFuture(ctx, e.payload.referredOn, 'The referral date'),
  informationRequested: ({ state }) => inPhases(state, openPhases, 'recording a request for information'),
  incidentRecorded: (ctx, e) => {
    const { state } = ctx
    return (isLateFact(state, e.occurredAt) ? null : inPhases(state, openPhases, 'recording an incident')) ?? notInFuture(ctx, e.payload.happenedAt, 'When it happened')
  },
  investigationStarted: ({ state }) => {
    if (state.phase === 'case') return null
    if (state.phase === 'intervention' || state.phase === 'legal') {
      return refuse('past_investigation', 'The case has already moved past investigation; a matter never goes back a stage.', 'R10')
    }
    if (state.phase === 'investigation') return refuse('already_investigating', 'The investigation has already started.', 'R10')
    return inPhases(state, ['case'], 'starting an investigation')
  },
  interventionRecorded: (ctx, e) =>
    requireLiveCase(ctx.state, 'recording an intervention') ?? knownParties(ctx.state, e.payload.partyIds) ?? notInFuture(ctx, e.payload.date, 'The date'),
  interventionBreached: ({ state }, e) =>
    state.interventions.some((i) => i.interventionId === e.payload.interventionId)
      ? inPhases(state, liveOrPendingPhases, 'recording a breach')
      : refuse('unknown_intervention', 'That intervention is not on this case.', 'R12'),
  mediationOffered: ({ state }, e) =>
    inPhases(state, liveOrPendingPhases, 'offering mediation') ?? knownParties(state, e.payload.responses.map((r) => r.partyId)),
  legalDecisionRecorded: ({ state }) => requireLiveCase(state, 'a legal decision record'),
  legalStepTaken: (ctx, e) => requireLiveCase(ctx.state, 'a legal step') ?? checkLegalStep(ctx.state, e.payload, ctx.today, ctx.law),
  preApplicationRiskAssessed: ({ state }, e) =>
    requireLiveCase(state, 'a risk assessment before applying') ?? knownParties(state, [e.payload.partyId]),
  legalStepBreached: (ctx, e) => {
    if (!ctx.state.legal.steps.some((s) => s.stepId === e.payload.stepId)) {
      return refuse('unknown_step', 'That legal step is not on this case.', 'R14')
    }
    return inPhases(ctx.state, openPhases, 'recording a breach') ?? notInFuture(ctx, e.payload.occurredOn, 'The date of the breach')
  },
  fixedPenaltyIssued: (ctx, e) => {
    const step = ctx.state.legal.steps.find((s) => s.stepId === e.payload.stepId)
    if (!step || (step.kind !== 'community_protection_notice' && step.kind !== 'public_space_protection_order')) {
      return refuse('penalty_needs_notice', 'A fixed penalty is for breaching a Community Protection Notice or a PSPO on this case.', 'R14')
    }
    const cap = fixedPenaltyCap(ctx.law, e.payload.issuedOn, ctx.state.location.postcode)
    if (e.payload.amountPounds > cap) {
      return refuse('penalty_too_high', `A fixed penalty issued on ${formatUkDate(e.payload.issuedOn)} can be at most £${cap}.`, 'R14')
    }
    return inPhases(ctx.state, openPhases, 'issuing a fixed penalty') ?? notInFuture(ctx, e.payload.issuedOn, 'The date issued')
  },
  legalStepDatesSet: (ctx, e) => {
    const step = ctx.state.legal.steps.find((s) => s.stepId === e.payload.stepId)
    if (!step) return refuse('unknown_step', 'That legal step is not on this case.', 'R14')
    if (e.payload.extendedToMonths !== undefined && step.kind !== 'closure_order') {
      return refuse('not_extendable', 'Only a closure order is extended by months.', 'R14')
    }
    return (
      inPhases(ctx.state, liveOrPendingPhases, 'updating a legal step') ??
      (e.payload.extendedToMonths !== undefined ? checkClosureOrderExtension(e.payload.extendedToMonths, ctx.law) : null)
    )
  },
  closureRequested: ({ state }, e) => {
    if (isAssessment(state.phase)) {
      return refuse('close_directly', 'An enquiry closes directly, with no approval: use Close enquiry.', 'R16')
    }
    const phase = requireLiveCase(state, 'requesting closure')
    if (phase) return phase
    // R18: a tit-for-tat closure needs mediation to have been offered.
    const mediationOffered =
      state.mediationOffers.length > 0 || state.interventions.some((i) => i.kind === 'mediation_referral')
    if (e.payload.reason === 'tit_for_tat' && !mediationOffered) {
      return refuse('mediation_not_offered', 'Offer mediation to both parties before closing as tit for tat.', 'R18')
    }
    // R17: the victim is told on or before the day the closure is requested, never at a future date.
    const told = e.payload.victimTold
    if (told.told && told.on > londonDate(e.occurredAt)) {
      return refuse(
        'victim_told_later',
        `The victim is told before the closure is requested: the date they were told cannot be after ${formatUkDate(londonDate(e.occurredAt))}.`,
        'R17',
      )
    }
    return null
  },
  closureApproved: (ctx) => closureDecision(ctx),
  closureRejected: (ctx) => closureDecision(ctx),
  feedbackInvited: ({ state }) => {
    if (state.phase !== 'closed') return refuse('not_closed', 'Feedback is invited once the case is closed.', 'R19')
    if (state.anonymous) return refuse('anonymous', 'The report is anonymous: contact is not possible.', 'R19')
    return null
  },
  feedbackReceived: ({ state }) =>
    state.phase === 'closed' ? null : refuse('not_closed', 'Feedback is recorded once the case is closed.', 'R19'),
  matterReopened: (ctx) => {
    const { state } = ctx
    if (state.phase !== 'closed') return refuse('not_closed', 'Only a closed matter can be reopened.', 'R19')
    // R19 decision: a manager reopens a closed case; an enquiry closed at Stage 1 can be reopened by its officer.
    if (state.caseCreatedAt && !isManager(ctx)) return refuse('manager_only', 'Only a manager can reopen a closed case.', 'R19')
    return null
  },
  // The pack lists the entries it was made from; the ids are the builder's, not typed by a person, so
  // they are not looked up again here (the device and the server hold no index to do it cheaply).
  disclosureMade: (ctx, e) =>
    notInFuture(ctx, e.payload.from, 'The start of the period shared') ?? knownParties(ctx.state, e.payload.includedThirdParties),
  entryCorrected: ({ state, findEvent, law }, e) => {
    const target = findEvent(e.payload.targetEventId)
    if (!target || target.matterId !== state.id) return refuse('unknown_entry', 'That entry is not on this matter.')
    if (!correctableTypes.includes(target.type)) {
      return refuse('not_correctable', 'This entry moved the matter on and is not corrected: record the next step instead.')
    }
    const fixed = decidingFieldsChanged(target, e.payload.changes)
    if (fixed.length > 0) {
      return refuse('not_correctable', `${fixed.join(', ')} decided the step and is not corrected: record the next step instead.`)
    }
    const corrected = correctedPayload(target, e.payload.changes)
    if (!corrected) return refuse('invalid_correction', 'The corrected entry would not be complete or valid.')
    // R14: a corrected legal step still keeps the statutory limits it was checked against.
    return target.type === 'legalStepTaken' ? checkLegalStep(state, corrected as LegalStepTaken, londonDate(target.occurredAt), law) : null
  },
}
