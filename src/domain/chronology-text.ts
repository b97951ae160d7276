import type { DomainEvent, EventType } from './events.ts'
import { londonDate, londonTime } from './london-time.ts'
import { phaseLabels } from './phases.ts'
import {
  assessmentClosureReasonLabels,
  caseClosureReasonLabels,
  contactMethodLabels,
  evidenceKindLabels,
  interventionKindLabels,
  legalStepKindLabels,
  partyRoleLabels,
  reportChannelLabels,
} from './vocabulary-lists.ts'

// How each entry of the action plan reads in the chronology: a title and a few lines of detail.
// Also the "kind" filter groups (R9 lists the kinds an action plan records). Shared by the matter
// screen and the documents (court bundle, partner pack), so paper and screen say the same thing.

export const entryKinds = {
  report: 'Reports',
  contact: 'Contacts',
  evidence: 'Incidents and evidence',
  risk: 'Risk',
  plan: 'Actions, meetings and referrals',
  stage: 'Stage changes and interventions',
  legal: 'Legal',
  closure: 'Closure and feedback',
  record: 'Record keeping',
} as const
export type EntryKind = keyof typeof entryKinds

export const kindOfType: Record<EventType, EntryKind> = {
  reportReceived: 'report',
  reportLinked: 'report',
  matterAssigned: 'record',
  matterDetailsUpdated: 'record',
  partyAdded: 'record',
  thresholdAssessed: 'stage',
  neighbourAdviceGiven: 'contact',
  contactAttempted: 'contact',
  contactMade: 'contact',
  contactLetterSent: 'contact',
  diarySheetsIssued: 'evidence',
  diaryEntryRecorded: 'evidence',
  diaryLinkRevoked: 'evidence',
  evidenceAdded: 'evidence',
  matterClosed: 'closure',
  closureAdvised: 'closure',
  caseRecordCreated: 'stage',
  riskAssessed: 'risk',
  riskChangeNoted: 'risk',
  nextContactSet: 'plan',
  actionSet: 'plan',
  actionCompleted: 'plan',
  meetingHeld: 'plan',
  referralMade: 'plan',
  informationRequested: 'plan',
  incidentRecorded: 'evidence',
  investigationStarted: 'stage',
  interventionRecorded: 'stage',
  interventionBreached: 'stage',
  mediationOffered: 'stage',
  legalDecisionRecorded: 'legal',
  legalStepTaken: 'legal',
  legalStepDatesSet: 'legal',
  preApplicationRiskAssessed: 'legal',
  legalStepBreached: 'legal',
  fixedPenaltyIssued: 'legal',
  closureRequested: 'closure',
  closureApproved: 'closure',
  closureRejected: 'closure',
  feedbackInvited: 'closure',
  feedbackReceived: 'closure',
  matterReopened: 'closure',
  entryCorrected: 'record',
  disclosureMade: 'record',
}

const fieldLabels: Record<string, string> = {
  what: 'What happened',
  impact: 'Impact',
  who: 'Who',
  location: 'Where',
  summary: 'Summary',
  description: 'Description',
  reason: 'Reason',
  rationale: 'Rationale',
  notes: 'Notes',
  name: 'Name',
  source: 'Source',
  outcome: 'Outcome',
  terms: 'Terms',
  advice: 'Advice',
  proportionality: 'Proportionality',
  details: 'Details',
  attendees: 'Attendees',
  purpose: 'Purpose',
  recipient: 'Shared with',
  organisation: 'Organisation',
}

export function fieldLabel(key: string): string {
  return fieldLabels[key] ?? key.replace(/([A-Z])/g, ' $1').toLowerCase()
}

export function whenText(instant: string): string {
  return `${londonDate(instant)} ${londonTime(instant)}`
}

export function entryTitle(e: DomainEvent): string {
  switch (e.type) {
    case 'reportReceived':
      return `Report received (${reportChannelLabels[e.payload.channel].toLowerCase()})${e.payload.anonymous ? ', anonymous' : ''}`
    case 'reportLinked':
      return 'Further report linked'
    case 'matterAssigned':
      return 'Assigned to an officer'
    case 'matterDetailsUpdated':
      return 'Details changed'
    case 'partyAdded':
      return `${partyRoleLabels[e.payload.role]} added: ${e.payload.name}`
    case 'thresholdAssessed':
      return e.payload.met ? 'Threshold met' : 'Threshold not met: enquiry closed'
    case 'neighbourAdviceGiven':
      return 'Neighbour advice given (10 tips)'
    case 'contactAttempted':
      return `Contact attempt failed (${contactMethodLabels[e.payload.method].toLowerCase()})`
    case 'contactMade':
      return `Contact (${contactMethodLabels[e.payload.method].toLowerCase()}${e.payload.direction === 'inbound' ? ', they got in touch' : ''})`
    case 'contactLetterSent':
      return `${e.payload.method === 'email' ? 'E-mail' : 'Letter'} sent encouraging contact`
    case 'diarySheetsIssued':
      return e.payload.method === 'private_link' ? 'Diary sheets issued by private link' : 'Diary sheets issued'
    case 'diaryEntryRecorded':
      return `${e.payload.recordsAsb ? 'Diary entry' : 'Diary entry (no ASB recorded)'}${e.payload.viaLinkId ? ', sent by the complainant from their private link' : ''}`
    case 'diaryLinkRevoked':
      return 'Private diary link revoked: it no longer works'
    case 'evidenceAdded':
      return `Evidence: ${evidenceKindLabels[e.payload.kind].toLowerCase()}${e.payload.independent ? ' (independent)' : ''}`
    case 'matterClosed':
      return `Enquiry closed${e.payload.automatic ? ' automatically' : ''}: ${assessmentClosureReasonLabels[e.payload.reason].toLowerCase()}`
    case 'closureAdvised':
      return 'Complainant advised of the closure'
    case 'caseRecordCreated':
      return `Case record created (risk ${e.payload.riskAssessment.level})`
    case 'riskAssessed':
      return `Risk assessed: ${e.payload.riskAssessment.level} (score ${e.payload.riskAssessment.score})`
    case 'riskChangeNoted':
      return 'Risk changed significantly'
    case 'nextContactSet':
      return `Next contact set for ${e.payload.dueOn}`
    case 'actionSet':
      return `Action set: ${e.payload.what}`
    case 'actionCompleted':
      return 'Action done'
    case 'meetingHeld':
      return `Meeting: ${e.payload.kind.replace(/_/g, ' ')}`
    case 'referralMade':
      return `Referral to ${e.payload.agency}`
    case 'informationRequested':
      return `Information requested from ${e.payload.from}`
    case 'incidentRecorded':
      return 'Incident'
    case 'investigationStarted':
      return `Investigation started (${phaseLabels.investigation})`
    case 'interventionRecorded':
      return `Intervention: ${interventionKindLabels[e.payload.kind]}`
    case 'interventionBreached':
      return 'Breach recorded'
    case 'mediationOffered':
      return 'Mediation offered'
    case 'legalDecisionRecorded':
      return `Legal decision recorded${e.payload.legalServicesConsulted ? ' (legal services consulted)' : ''}`
    case 'legalStepTaken':
      return `Legal step: ${legalStepKindLabels[e.payload.kind]}`
    case 'legalStepDatesSet':
      return 'Legal step dates updated'
    case 'preApplicationRiskAssessed':
      return 'Risk assessment before applying for a Respect Order'
    case 'legalStepBreached':
      return e.payload.referredForProsecution ? 'Breach of an order: referred for prosecution' : 'Breach of an order recorded'
    case 'fixedPenaltyIssued':
      return `Fixed penalty of £${e.payload.amountPounds} issued`
    case 'closureRequested':
      return `Closure requested: ${caseClosureReasonLabels[e.payload.reason].toLowerCase()}`
    case 'closureApproved':
      return 'Closure approved: case closed'
    case 'closureRejected':
      return 'Closure request rejected'
    case 'feedbackInvited':
      return `Feedback invited (${e.payload.method === 'post' ? 'by post' : 'link'})`
    case 'feedbackReceived':
      return 'Feedback received'
    case 'matterReopened':
      return 'Reopened'
    case 'entryCorrected':
      return 'Correction'
    case 'disclosureMade':
      return `Shared with ${e.payload.recipient} (${e.payload.organisation})`
  }
}

/** The free-text lines of an entry, labelled, in payload order. */
export function entryDetails(e: DomainEvent): [string, string][] {
  const payload = e.payload as Record<string, unknown>
  const lines: [string, string][] = []
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === 'string' && !/Id$|^id$|At$|On$/.test(key) && key !== 'reference' && value.length > 0 && !/^[a-z_]+$|^\d{4}-\d{2}-\d{2}$/.test(value)) {
      lines.push([fieldLabel(key), value])
    }
  }
  if (e.type === 'reportReceived' || e.type === 'matterDetailsUpdated') {
    const location = e.payload.location
    if (location) lines.unshift(['Where', `${location.address}${location.postcode ? `, ${location.postcode}` : ''}`])
  }
  if (e.type === 'entryCorrected') {
    for (const [key, value] of Object.entries(e.payload.changes)) {
      // A file corrected away: the files the entry keeps, by name (the bytes stay, never deleted).
      if (key === 'files' && Array.isArray(value)) {
        const names = value.map((f) => {
          const name = (f as { name?: unknown }).name
          return typeof name === 'string' ? name : 'a file'
        })
        lines.push(['Files kept', names.length > 0 ? names.join(', ') : 'none'])
      } else lines.push([`New ${fieldLabel(key).toLowerCase()}`, String(value)])
    }
  }
  return lines
}
