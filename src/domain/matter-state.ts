import type { IsoDate } from './calendar.ts'
import type { DiaryLink } from './diary-links.ts'
import type { PayloadOf } from './events.ts'
import type { RiskAssessment } from './payloads-case.ts'
import type { Location } from './primitives.ts'
import type { Phase } from './phases.ts'
import type {
  AsbCategory,
  AssessmentClosureReason,
  CaseClosureReason,
  ReportChannel,
} from './vocabulary.ts'

// The state of one matter, as `fold(events)` derives it. Never stored as the truth: the device's
// read tables and the server's checks rebuild it from the events whenever they need it.

export type Party = PayloadOf<'partyAdded'>

export type RecordedRisk = RiskAssessment & { eventId: string; at: string; assessorId: string }

export type SetAction = PayloadOf<'actionSet'> & {
  setAt: string
  completed: { outcome: string; at: string } | null
}

export type Intervention = PayloadOf<'interventionRecorded'> & {
  breaches: PayloadOf<'interventionBreached'>[]
}

export type LegalStep = PayloadOf<'legalStepTaken'> & {
  at: string
  /** Optional: states stored before breaches and penalties were kept have neither. */
  breaches?: PayloadOf<'legalStepBreached'>[]
  penalties?: PayloadOf<'fixedPenaltyIssued'>[]
}

export type ClosureRequest = PayloadOf<'closureRequested'> & {
  requestedBy: string
  at: string
  fromPhase: Phase
}

export type MatterState = {
  id: string
  reference: string
  createdBy: string
  createdAt: string
  receivedAt: string
  channel: ReportChannel
  category: AsbCategory
  location: Location
  description: string
  anonymous: boolean
  assignedOfficerId: string | null
  phase: Phase
  /** Where a closure request or a closure came from: a rejection or reopening returns here. */
  phaseBeforeClosure: Phase | null
  parties: Party[]
  linkedReports: number
  threshold: (PayloadOf<'thresholdAssessed'> & { at: string }) | null
  neighbourAdvice: PayloadOf<'neighbourAdviceGiven'> | null
  contact: {
    /** R4: contact with the complainant is established; the attempt count no longer matters. */
    established: boolean
    failedPhoneAttempts: number
    thirdFailedAttemptAt: string | null
    letterSentOn: IsoDate | null
    lastContactAt: string | null
  }
  diary: {
    /** R5: the FIRST issue; issuing again (lost sheets, a new link) does not restart the clock. */
    sheetsIssuedOn: IsoDate | null
    entries: number
    asbEntries: number
    /** Private diary links; absent in states saved before links existed (see diaryLinksOf). */
    links?: DiaryLink[]
  }
  evidence: PayloadOf<'evidenceAdded'>[]
  /** R11: the last incident, diary entry or further report. */
  lastReportAt: string | null
  caseCreatedAt: string | null
  risk: { current: RecordedRisk | null; history: RecordedRisk[]; changeNotedAt: string | null }
  nextContactDueOn: IsoDate | null
  nextContactSetAt: string | null
  actions: SetAction[]
  referrals: (PayloadOf<'referralMade'> & { at: string })[]
  meetings: PayloadOf<'meetingHeld'>[]
  informationRequests: PayloadOf<'informationRequested'>[]
  investigationStartedAt: string | null
  interventions: Intervention[]
  mediationOffers: PayloadOf<'mediationOffered'>[]
  legal: {
    decisions: (PayloadOf<'legalDecisionRecorded'> & { at: string })[]
    steps: LegalStep[]
    /** 2026 Act: risk assessments of respondents before a Respect Order application. */
    preApplicationAssessments?: (PayloadOf<'preApplicationRiskAssessed'> & { at: string })[]
  }
  closure: {
    request: ClosureRequest | null
    lastRejection: { comment: string; by: string; at: string } | null
    closedAt: string | null
    reason: AssessmentClosureReason | CaseClosureReason | null
    automatic: boolean
    /** R4, R5: the last day of the clock that closed the matter automatically. */
    deadline: IsoDate | null
    /**
     * False while an automatic closure is in force but the server has not yet written it: a later
     * fact put the matter past its deadline (DOMAIN.md "Where the dates and the people must agree").
     */
    recorded: boolean
    approvedBy: string | null
    complainantAdvisedOn: IsoDate | null
  }
  feedback: { invitedOn: IsoDate | null; receivedOn: IsoDate | null }
  reopenings: number
  eventCount: number
  /** The latest recordedAt seen: lists sort by it. */
  updatedAt: string
}

export function partyById(state: MatterState, partyId: string): Party | undefined {
  return state.parties.find((p) => p.partyId === partyId)
}

export function complainant(state: MatterState): Party | undefined {
  return state.parties.find((p) => p.role === 'complainant')
}

/** R4, R17, R19: can the council get in touch with the person who reported it? */
export function complainantContactable(state: MatterState): boolean {
  const c = complainant(state)
  return !state.anonymous && Boolean(c?.contact && (c.contact.phone || c.contact.email || c.contact.address))
}
