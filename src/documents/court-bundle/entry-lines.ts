import { entryDetails, fieldLabel } from '../../domain/chronology-text.ts'
import type { DomainEvent } from '../../domain/events.ts'
import { filesOf } from '../../domain/files.ts'
import type { MatterState } from '../../domain/matter-state.ts'
import type { RiskAssessment } from '../../domain/payloads-case.ts'
import { defaultRiskMatrix, riskQuestion } from '../../domain/risk-matrix.ts'
import { interventionKindLabels, partyRoleLabels } from '../../domain/vocabulary-lists.ts'
import { personLabel, recordedBy } from '../attribution.ts'
import { ukDateTime, ukWhen } from '../uk-dates.ts'
import type { RecordedEvent, StaffMember } from './bundle-input.ts'
import { happenedAt } from './bundle-entries.ts'

// The label/value lines of one entry on paper: who recorded it and when (it happened, it was
// recorded, it reached the server), then everything it says, in plain English and UK dates.

export type Line = readonly [label: string, value: string]

export interface LineContext {
  readonly state: MatterState | null
  readonly staff: Readonly<Record<string, StaffMember>>
  /** Whether third parties' contact details are printed (the court bundle) or redacted (a partner pack). */
  readonly redact?: (partyId: string | undefined) => boolean
}

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`
const answerLabels: Record<string, string> = { yes: 'Yes', no: 'No', not_known: 'Not known' }
const redacted = '[redacted]'

function reachedServer(recorded: RecordedEvent): string {
  if (recorded.receivedAt) return ukDateTime(recorded.receivedAt)
  // Accepted (it has the server's number) but pulled before the server sent its time of arrival.
  if (recorded.seq !== null && recorded.seq !== undefined) {
    return `Yes (entry ${recorded.seq} on the server; the time was not sent to this device)`
  }
  return 'Not yet on the server'
}

export function whenLines(recorded: RecordedEvent, staff: LineContext['staff']): Line[] {
  const { event } = recorded
  return [
    ['Recorded by', recordedBy(event, staff)],
    ['Happened', ukWhen(happenedAt(event))],
    ['Recorded', ukDateTime(event.recordedAt)],
    ['Reached the server', reachedServer(recorded)],
  ]
}

function partyName(context: LineContext, partyId: string): string {
  const party = context.state?.parties.find((p) => p.partyId === partyId)
  if (!party) return 'a person not on this matter'
  const name = context.redact?.(partyId) ? redacted : party.name
  return `${name} (${partyRoleLabels[party.role].toLowerCase()})`
}

function riskLines(assessment: RiskAssessment): Line[] {
  const matrix = assessment.matrixVersion === defaultRiskMatrix.version ? defaultRiskMatrix : null
  const lines: Line[] = [
    [
      'Risk level',
      `${capital(assessment.level)} (score ${assessment.score}, matrix ${assessment.matrixVersion})`,
    ],
  ]
  if (assessment.raisedReason) lines.push(['Why raised', assessment.raisedReason])
  for (const [questionId, answer] of Object.entries(assessment.answers)) {
    const question = matrix ? riskQuestion(matrix, questionId)?.text : undefined
    lines.push([question ?? questionId, answerLabels[answer] ?? answer])
  }
  return lines
}

function contactLines(
  context: LineContext,
  label: string,
  person: {
    partyId: string
    name: string
    contact?: { phone?: string; email?: string; address?: string } | undefined
  },
): Line[] {
  const hidden = context.redact?.(person.partyId) ?? false
  const lines: Line[] = [[label, hidden ? redacted : person.name]]
  const contact = person.contact
  if (!contact) return lines
  if (contact.phone) lines.push(['Phone', hidden ? redacted : contact.phone])
  if (contact.email) lines.push(['E-mail', hidden ? redacted : contact.email])
  if (contact.address) lines.push(['Address', hidden ? redacted : contact.address])
  return lines
}

/** Everything the entry says, after the "who and when" lines. */
export function contentLines(event: DomainEvent, context: LineContext): Line[] {
  const payload = event.payload as Record<string, unknown>
  const lines: Line[] = entryDetails(event).map(([label, value]) => [capital(label), value])
  if (event.type === 'partyAdded' && context.redact?.(event.payload.partyId)) {
    return [['Name', redacted], ...lines.filter(([label]) => label !== 'Name' && label !== 'Notes')]
  }
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'happenedAt' || key === 'receivedAt' || typeof value !== 'string') continue
    if (/(On|At)$/.test(key) && /^\d{4}-\d{2}-\d{2}/.test(value))
      lines.push([capital(fieldLabel(key)), ukWhen(value)])
  }
  if (event.type === 'reportReceived' && event.payload.complainant) {
    lines.push(...contactLines(context, 'Complainant', event.payload.complainant))
  }
  if (event.type === 'reportLinked' && event.payload.reporter) {
    lines.push(...contactLines(context, 'Reported by', event.payload.reporter))
  }
  if (event.type === 'partyAdded' && event.payload.contact) {
    lines.push(...contactLines(context, 'Contact for', event.payload).slice(1))
  }
  const partyIds = Array.isArray(payload['partyIds']) ? (payload['partyIds'] as string[]) : []
  if (typeof payload['partyId'] === 'string') partyIds.push(payload['partyId'])
  if (partyIds.length > 0 && event.type !== 'partyAdded') {
    lines.push(['People', partyIds.map((id) => partyName(context, id)).join(', ')])
  }
  if (event.type === 'caseRecordCreated' || event.type === 'riskAssessed')
    lines.push(...riskLines(event.payload.riskAssessment))
  if (event.type === 'interventionBreached') {
    const intervention = context.state?.interventions.find(
      (i) => i.interventionId === event.payload.interventionId,
    )
    if (intervention)
      lines.push([
        'Breach of',
        `${interventionKindLabels[intervention.kind]} of ${ukWhen(intervention.date)}`,
      ])
  }
  if (event.type === 'mediationOffered') {
    for (const response of event.payload.responses) {
      lines.push([
        partyName(context, response.partyId),
        capital(response.response.replace(/_/g, ' ')),
      ])
    }
  }
  if (event.type === 'closureRequested') {
    const told = event.payload.victimTold
    lines.push(['Victim told', told.told ? `Yes, on ${ukWhen(told.on)}` : `No: ${told.why}`])
  }
  if (event.type === 'disclosureMade') {
    lines.push(['Period shared', `${ukWhen(event.payload.from)} to ${ukWhen(event.payload.to)}`])
    lines.push([
      'Shared',
      `${event.payload.eventIds.length} entries, ${event.payload.fileHashes.length} files`,
    ])
  }
  if (event.type === 'matterAssigned') {
    const officer = context.staff[event.payload.officerId]
    lines.push(['Officer', officer ? personLabel(officer) : event.payload.officerId])
  }
  for (const file of filesOf(event.payload)) {
    lines.push(['File', `${file.name} (its SHA-256 is in the evidence list)`])
  }
  return lines
}
