import { z } from 'zod'
import * as action from './payloads-action.ts'
import * as assessment from './payloads-assessment.ts'
import * as kase from './payloads-case.ts'
import { disclosureMadePayload } from './payloads-disclosure.ts'
import { idSchema, instantSchema, storableString } from './primitives.ts'

// Every change to a matter is one of these immutable facts (DESIGN.md "events in, state out").
// The action plan IS the list of a matter's events. Names are past tense.
export const payloadSchemas = {
  reportReceived: assessment.reportReceivedPayload,
  reportLinked: assessment.reportLinkedPayload,
  matterAssigned: assessment.matterAssignedPayload,
  matterDetailsUpdated: assessment.matterDetailsUpdatedPayload,
  partyAdded: assessment.partyAddedPayload,
  thresholdAssessed: assessment.thresholdAssessedPayload,
  neighbourAdviceGiven: assessment.neighbourAdviceGivenPayload,
  contactAttempted: assessment.contactAttemptedPayload,
  contactMade: assessment.contactMadePayload,
  contactLetterSent: assessment.contactLetterSentPayload,
  diarySheetsIssued: assessment.diarySheetsIssuedPayload,
  diaryEntryRecorded: assessment.diaryEntryRecordedPayload,
  diaryLinkRevoked: assessment.diaryLinkRevokedPayload,
  evidenceAdded: assessment.evidenceAddedPayload,
  matterClosed: assessment.matterClosedPayload,
  closureAdvised: assessment.closureAdvisedPayload,
  caseRecordCreated: kase.caseRecordCreatedPayload,
  riskAssessed: kase.riskAssessedPayload,
  riskChangeNoted: kase.riskChangeNotedPayload,
  nextContactSet: kase.nextContactSetPayload,
  actionSet: kase.actionSetPayload,
  actionCompleted: kase.actionCompletedPayload,
  meetingHeld: kase.meetingHeldPayload,
  referralMade: kase.referralMadePayload,
  informationRequested: kase.informationRequestedPayload,
  incidentRecorded: kase.incidentRecordedPayload,
  investigationStarted: kase.investigationStartedPayload,
  interventionRecorded: action.interventionRecordedPayload,
  interventionBreached: action.interventionBreachedPayload,
  mediationOffered: action.mediationOfferedPayload,
  legalDecisionRecorded: action.legalDecisionRecordedPayload,
  legalStepTaken: action.legalStepTakenPayload,
  legalStepDatesSet: action.legalStepDatesSetPayload,
  preApplicationRiskAssessed: action.preApplicationRiskAssessedPayload,
  legalStepBreached: action.legalStepBreachedPayload,
  fixedPenaltyIssued: action.fixedPenaltyIssuedPayload,
  closureRequested: action.closureRequestedPayload,
  closureApproved: action.closureApprovedPayload,
  closureRejected: action.closureRejectedPayload,
  feedbackInvited: action.feedbackInvitedPayload,
  feedbackReceived: action.feedbackReceivedPayload,
  matterReopened: action.matterReopenedPayload,
  entryCorrected: action.entryCorrectedPayload,
  disclosureMade: disclosureMadePayload,
} as const

export type EventType = keyof typeof payloadSchemas
export const eventTypes = Object.keys(payloadSchemas) as [EventType, ...EventType[]]
export const eventTypeSchema = z.enum(eventTypes)

export type PayloadOf<T extends EventType> = z.infer<(typeof payloadSchemas)[T]>
export type PayloadInput<T extends EventType> = z.input<(typeof payloadSchemas)[T]>

/** The automatic steps (R4, R5) are recorded by this actor, never by a person. */
export const systemActorId = 'system'

const envelope = {
  id: idSchema,
  matterId: idSchema,
  actorId: storableString('The author').trim().min(1).max(100),
  deviceId: storableString('The device').trim().min(1).max(100),
  occurredAt: instantSchema,
  recordedAt: instantSchema,
}

function eventSchemaOf<T extends EventType>(type: T) {
  return z.object({ ...envelope, type: z.literal(type), payload: payloadSchemas[type] })
}

type EventSchemas = { [T in EventType]: ReturnType<typeof eventSchemaOf<T>> }
/** Each type's event schema: the envelope, the type and its payload. */
export const eventSchemas = Object.fromEntries(eventTypes.map((t) => [t, eventSchemaOf(t)])) as EventSchemas

export const domainEventSchema = z.discriminatedUnion(
  'type',
  Object.values(eventSchemas) as unknown as [EventSchemas[EventType], ...EventSchemas[EventType][]],
)

export type EventOf<T extends EventType> = z.infer<EventSchemas[T]>
export type DomainEvent = { [T in EventType]: EventOf<T> }[EventType]

/** An event as a caller proposes it: payload before zod's defaults are applied. */
export type ProposedEvent = {
  [T in EventType]: Omit<EventOf<T>, 'payload'> & { payload: PayloadInput<T> }
}[EventType]

export function parseEvent(input: unknown): z.ZodSafeParseResult<DomainEvent> {
  return domainEventSchema.safeParse(input)
}
