import type { DomainEvent, EventType } from './events.ts'
import { payloadSchemas } from './events.ts'

// "Corrections supersede, never delete": an `entryCorrected` event names the entry it corrects
// and the fields it changes. Folding and the chronology read the corrected payload; the original
// stays in the event list, and the history shows both.

/** Entries whose content can be corrected. Steps that moved the matter on are corrected by later steps. */
export const correctableTypes: readonly EventType[] = [
  'reportReceived',
  'reportLinked',
  'partyAdded',
  'thresholdAssessed',
  'neighbourAdviceGiven',
  'contactAttempted',
  'contactMade',
  'contactLetterSent',
  'diarySheetsIssued',
  'diaryEntryRecorded',
  'evidenceAdded',
  'nextContactSet',
  'actionSet',
  'actionCompleted',
  'meetingHeld',
  'referralMade',
  'informationRequested',
  'incidentRecorded',
  'investigationStarted',
  'interventionRecorded',
  'interventionBreached',
  'mediationOffered',
  'legalDecisionRecorded',
  'legalStepTaken',
  'legalStepDatesSet',
  'feedbackInvited',
  'feedbackReceived',
]

// Fields that decided a step or that other entries refer to. Changed by a correction, they would move
// the matter without a step of its own (a threshold "not met" closing a live case with no approval, R2/R16)
// or slip past the checks the step passed (an intervention's or legal step's kind, R12–R14).
const decidingFields: Partial<Record<EventType, readonly string[]>> = {
  thresholdAssessed: ['met'],
  // A private link's id and hash are what the server finds it by; who sent an entry is a fact.
  diarySheetsIssued: ['method', 'link'],
  diaryEntryRecorded: ['viaLinkId'],
  partyAdded: ['partyId'],
  evidenceAdded: ['evidenceId'],
  actionSet: ['actionId'],
  actionCompleted: ['actionId'],
  interventionRecorded: ['interventionId', 'kind'],
  interventionBreached: ['interventionId'],
  legalDecisionRecorded: ['decisionId'],
  legalStepTaken: ['stepId', 'kind'],
  legalStepDatesSet: ['stepId'],
}

// A letter that went out cannot be un-sent or re-worded afterwards (issue 13: what was sent is
// what the chronology shows); a mistake in it is put right by a further letter.
const sentFields: readonly string[] = ['letter']

/** The fields a correction tries to change that no correction may change. */
export function decidingFieldsChanged(target: DomainEvent, changes: Record<string, unknown>): string[] {
  const payload = target.payload as Record<string, unknown>
  return [...(decidingFields[target.type] ?? []), ...sentFields].filter((f) => f in changes && changes[f] !== payload[f])
}

/** The payload a correction would give its target, or null when the result is not a valid entry. */
export function correctedPayload(
  target: DomainEvent,
  changes: Record<string, unknown>,
): DomainEvent['payload'] | null {
  if (!correctableTypes.includes(target.type)) return null
  if (decidingFieldsChanged(target, changes).length > 0) return null
  const merged = { ...target.payload, ...changes }
  const parsed = payloadSchemas[target.type].safeParse(merged)
  return parsed.success ? (parsed.data) : null
}

/**
 * The events with each correction applied to its target, in the same order. Later corrections
 * of the same entry build on earlier ones. A correction that would make its target invalid is
 * ignored here; the command check refuses it before it is ever recorded.
 */
export function withCorrections(events: readonly DomainEvent[]): DomainEvent[] {
  const corrections = events.filter((e) => e.type === 'entryCorrected')
  if (corrections.length === 0) return [...events]
  const byId = new Map(events.map((e) => [e.id, e]))
  const corrected = new Map<string, DomainEvent>()
  for (const c of corrections) {
    const target = corrected.get(c.payload.targetEventId) ?? byId.get(c.payload.targetEventId)
    if (!target || target.matterId !== c.matterId) continue
    const payload = correctedPayload(target, c.payload.changes)
    if (payload) corrected.set(target.id, { ...target, payload } as DomainEvent)
  }
  return events.map((e) => corrected.get(e.id) ?? e)
}
