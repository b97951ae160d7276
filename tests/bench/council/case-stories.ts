import { complainantContactable } from '../../../src/domain/matter-state.ts'
import type { RiskLevel } from '../../../src/domain/risk-matrix.ts'
import { riskContactIntervalDays } from '../../../src/domain/risk-matrix.ts'
import type { CaseClosureReason } from '../../../src/domain/vocabulary.ts'
import { riskAssessment } from '../../unit/support/risk-assessment.ts'
import type { Told } from './stage1-stories.ts'
import { contactMade, diaryEntry, sheetsIssued } from './stage1-stories.ts'
import { personName, sentence } from './words.ts'

// Matters that become cases (R6) and run week by week: diary entries and incidents, contact with
// the victim at the risk level's interval (R8), risk reviews every three months (R7, R8), actions
// (R9), an investigation (R10), interventions and their breaches (R12), now and then legal steps
// (R13, R14), and a closure a manager approves (R15–R18), with feedback after (R19).

export type CaseShape = {
  weeks: number
  diaryPerWeek: number
  /** Start an investigation in the second week (R10). */
  investigate: boolean
  /** The week of the first intervention (R12), if any. */
  interveneAt: number | null
  /** The week of the legal decision and step (R13, R14), if any. */
  legalAt: number | null
  mediation: boolean
  /** A manager gives the case to another officer in this week. */
  reassignAt: number | null
  /** No closure: the case is still being worked when the story stops. */
  openEnded: boolean
}

export function caseShape(t: Told, long = false): CaseShape {
  const { r } = t
  const weeks = long
    ? r.int(90, 160)
    : Math.min(120, Math.max(3, Math.round(r.logNormal(23, 0.75))))
  const interveneAt = r.chance(long ? 0.9 : 0.5)
    ? r.int(2, Math.max(2, Math.floor(weeks * 0.6)))
    : null
  return {
    weeks,
    diaryPerWeek: long ? r.logNormal(3.5, 0.25) : r.logNormal(2, 0.6),
    investigate: r.chance(0.6),
    interveneAt,
    legalAt:
      interveneAt !== null && r.chance(long ? 0.5 : 0.12)
        ? Math.min(weeks - 1, interveneAt + r.int(4, 10))
        : null,
    mediation: r.chance(0.1),
    reassignAt: r.chance(0.1) ? r.int(1, weeks) : null,
    openEnded: false,
  }
}

const riskLevelWeights: Record<RiskLevel, number> = { standard: 60, medium: 30, high: 10 }

export function caseStory(t: Told, shape: CaseShape): void {
  const { s, r, cast } = t
  sheetsIssued(t)
  if (!s.state?.parties.some((p) => p.role === 'alleged_perpetrator')) {
    s.soon().record(cast.owner, 'partyAdded', {
      partyId: s.id(),
      role: 'alleged_perpetrator',
      name: personName(r),
    })
  }
  for (let i = r.int(1, 3); i > 0; i--) {
    s.wait(r.int(1, 8))
    diaryEntry(t)
  }
  if (r.chance(0.3)) {
    s.wait(r.int(0, 3)).record(cast.owner, 'evidenceAdded', {
      evidenceId: s.id(),
      kind: 'police_report',
      description: 'Police attended for noise after midnight.',
      source: 'Hampshire Constabulary',
      obtainedOn: s.today,
      independent: true,
    })
  }
  let level = r.weighted(riskLevelWeights)
  s.wait(r.int(1, 5)).record(cast.owner, 'caseRecordCreated', {
    summary: 'Persistent ASB affecting the complainant.',
    riskAssessment: riskAssessment(level, { reason: 'case_opened' }),
  })
  if (level === 'high')
    s.wait(r.int(1, 4)).record(cast.owner, 'referralMade', {
      to: 'marac',
      agency: 'MARAC',
      reason: 'High risk on the assessment.',
      referredOn: s.today,
    })

  const complainantId = s.state?.parties.find((p) => p.role === 'complainant')?.partyId
  const perpetratorId =
    s.state?.parties.find((p) => p.role === 'alleged_perpetrator')?.partyId ?? ''
  let lastContact = s.now
  let warning: { id: string; complyBy: string } | null = null
  const openActions: string[] = []

  for (let week = 0; week < shape.weeks; week++) {
    const weekStart = s.now
    if (week === shape.reassignAt) {
      const next = r.pick(cast.officers.filter((o) => o.id !== cast.owner.id))
      s.wait(r.int(0, 2)).record(r.pick(cast.managers), 'matterAssigned', { officerId: next.id })
      cast.owner = next
    }
    if (week === 1 && shape.investigate && s.phase === 'case') {
      s.wait(r.int(0, 2)).record(cast.owner, 'investigationStarted', {
        summary: 'Statements; police call logs; housing records.',
      })
    }
    if (week === shape.interveneAt) {
      if (r.chance(0.6) || shape.legalAt !== null) {
        const complyBy = s.dayOffset(14)
        const e = s.wait(r.int(0, 2)).record(cast.owner, 'interventionRecorded', {
          interventionId: s.id(),
          kind: 'warning_letter',
          partyIds: [perpetratorId],
          date: s.today,
          complyBy,
          summary: 'Warned in writing to stop the noise at night.',
        })
        warning = { id: (e.payload as { interventionId: string }).interventionId, complyBy }
      } else {
        s.wait(r.int(0, 2)).record(cast.owner, 'interventionRecorded', {
          interventionId: s.id(),
          kind: 'acceptable_behaviour_agreement',
          partyIds: [perpetratorId],
          date: s.today,
          terms: 'No loud music after 23:00; no abuse of neighbours.',
          reviewOn: s.dayOffset(90),
          consents: [{ partyId: perpetratorId, consented: true }],
        })
      }
    }
    if (week === shape.legalAt) legalSteps(t, perpetratorId, warning)
    if (
      shape.mediation &&
      complainantId &&
      week === Math.floor(shape.weeks / 2) &&
      s.state?.mediationOffers.length === 0
    ) {
      s.wait(r.int(0, 2)).record(cast.owner, 'mediationOffered', {
        offeredOn: s.today,
        responses: [
          { partyId: complainantId, response: 'consented' },
          {
            partyId: perpetratorId,
            response: r.pick(['consented', 'declined', 'no_response'] as const),
          },
        ],
      })
    }
    weekOfWork(t, shape, { openActions, warningId: warning?.id ?? null })
    // R8: contact with the victim at the interval for the current risk level.
    const interval = riskContactIntervalDays[level]
    if (
      Date.parse(s.now) - Date.parse(lastContact) >= (interval - 3) * 86_400_000 &&
      complainantId
    ) {
      contactMade(t, sentence(r, 'contact'))
      lastContact = s.now
    }
    if (week > 0 && week % 13 === 0) {
      level = r.weighted(riskLevelWeights)
      s.wait(r.int(0, 2)).record(cast.owner, 'riskAssessed', {
        riskAssessment: riskAssessment(level, { reason: 'scheduled' }),
      })
    }
    // On to next week, whatever was recorded in this one.
    const elapsed = (Date.parse(s.now) - Date.parse(weekStart)) / 86_400_000
    s.wait(Math.max(0, 7 - elapsed))
  }
  if (shape.openEnded) return
  closeCase(t, complainantId)
}

function weekOfWork(
  t: Told,
  shape: CaseShape,
  ctx: { openActions: string[]; warningId: string | null },
): void {
  const { s, r, cast } = t
  const entries = Math.floor(shape.diaryPerWeek) + (r.chance(shape.diaryPerWeek % 1) ? 1 : 0)
  for (let i = 0; i < entries; i++) {
    s.wait(r.next() * (5 / Math.max(1, entries)))
    diaryEntry(t)
    if (r.chance(0.01)) {
      const target = s.events.at(-1)
      if (target)
        s.soon().record(cast.owner, 'entryCorrected', {
          targetEventId: target.id,
          reason: 'Typed the wrong time of night.',
          changes: { what: `${correctedHappening(t)} (corrected)` },
        })
    }
  }
  if (r.chance(0.15))
    s.wait(r.int(0, 2)).record(cast.owner, 'incidentRecorded', {
      happenedAt: s.hoursAgo(r.int(3, 48)),
      summary: sentence(r, 'incident'),
      reportedBy: 'Police',
      policeReference: `HC-${r.int(10000, 99999)}`,
    })
  if (r.chance(0.2)) {
    const actionId = s.id()
    s.wait(r.int(0, 1)).record(cast.owner, 'actionSet', {
      actionId,
      what: sentence(r, 'action'),
      who: 'Case officer',
      dueOn: s.dayOffset(r.int(5, 20)),
    })
    ctx.openActions.push(actionId)
  }
  if (ctx.openActions.length > 0 && r.chance(0.4)) {
    const actionId = ctx.openActions.shift() ?? ''
    s.wait(r.int(0, 1)).record(cast.owner, 'actionCompleted', {
      actionId,
      outcome: sentence(r, 'outcome'),
    })
  }
  if (r.chance(0.04))
    s.wait(r.int(0, 2)).record(cast.owner, 'meetingHeld', {
      kind: 'multi_agency',
      heldOn: s.today,
      attendees: 'Police, housing, ASB team',
      summary: sentence(r, 'meeting'),
    })
  if (ctx.warningId && r.chance(0.05))
    s.wait(r.int(0, 2)).record(cast.owner, 'interventionBreached', {
      interventionId: ctx.warningId,
      occurredOn: s.dayOffset(-1),
      details: 'Loud music again after midnight.',
    })
}

function correctedHappening({ r }: Told): string {
  return r.pick(['Music at full volume from 01:00 to 03:30', 'Shouting on the landing from 23:30'])
}

function legalSteps(
  { s, r, cast }: Told,
  perpetratorId: string,
  warning: { id: string; complyBy: string } | null,
): void {
  s.wait(r.int(0, 3)).record(cast.owner, 'legalDecisionRecorded', {
    decisionId: s.id(),
    legalServicesConsulted: true,
    advice: 'A Community Protection Notice is proportionate.',
    proportionality: 'Warnings have been ignored; the behaviour continues.',
  })
  if (warning && warning.complyBy < s.today) {
    s.wait(r.int(1, 5)).record(cast.owner, 'legalStepTaken', {
      kind: 'community_protection_notice',
      stepId: s.id(),
      partyIds: [perpetratorId],
      warningInterventionId: warning.id,
      servedOn: s.today,
    })
  } else {
    s.wait(r.int(1, 5)).record(cast.owner, 'legalStepTaken', {
      kind: 'letter_before_action',
      stepId: s.id(),
      partyIds: [perpetratorId],
      servedOn: s.today,
    })
  }
}

const closureWeights: Record<CaseClosureReason, number> = {
  asb_stopped_low_risk: 45,
  insufficient_evidence: 20,
  no_cooperation: 15,
  not_asb: 6,
  did_not_happen: 4,
  tools_exhausted: 5,
  tit_for_tat: 5,
}

function closeCase(t: Told, complainantId: string | undefined): void {
  const { s, r, cast } = t
  const mediated = (s.state?.mediationOffers.length ?? 0) > 0
  let reason = r.weighted(closureWeights)
  if (reason === 'tit_for_tat' && !mediated) reason = 'asb_stopped_low_risk'
  const request = () =>
    s.wait(r.int(1, 5)).record(cast.owner, 'closureRequested', {
      reason,
      rationale: 'No reports for eight weeks; the victim says things are better.',
      victimTold: complainantId
        ? { told: true, method: 'phone', on: s.today }
        : { told: false, why: 'The report was anonymous.' },
      ...(reason === 'tit_for_tat' ? { mediationOutcome: 'declined' as const } : {}),
      ...(reason === 'tools_exhausted'
        ? { signposting: 'Citizens Advice and the housing association.' }
        : {}),
    })
  request()
  if (r.chance(0.08)) {
    s.wait(r.int(1, 3)).record(r.pick(cast.managers), 'closureRejected', {
      comment: 'Speak to the housing officer first.',
    })
    s.wait(r.int(5, 15))
    diaryEntry(t, false)
    request()
  }
  approve(t)
  if (r.chance(0.02)) {
    s.wait(r.int(20, 90)).record(r.pick(cast.managers), 'matterReopened', {
      reason: 'The victim reports that the noise has started again.',
    })
    for (let i = r.int(2, 8); i > 0; i--) {
      s.wait(r.int(2, 7))
      diaryEntry(t)
    }
    request()
    approve(t)
  }
}

/** R16 approval by a manager, then R19: the victim is invited to give feedback. */
function approve(t: Told): void {
  const { s, r, cast } = t
  s.wait(r.int(0, 4)).record(r.pick(cast.managers), 'closureApproved', {})
  if (s.state && complainantContactable(s.state) && r.chance(0.97)) {
    s.wait(r.int(1, 5)).record(cast.owner, 'feedbackInvited', { method: 'link', sentOn: s.today })
    if (r.chance(0.4))
      s.wait(r.int(3, 20)).record(cast.owner, 'feedbackReceived', {
        receivedOn: s.today,
        satisfied: r.pick(['yes', 'partly', 'no'] as const),
        summary: 'Things are quieter now.',
      })
  }
}
