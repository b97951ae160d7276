import type { meetingKinds, referralTargets } from '../../../../domain/payloads-case.ts'
import { optionsOf } from './options.ts'
import type { StepDefinition } from './step-definition.ts'
import { assessment, live, liveOrPending, open } from './step-definition.ts'

// The case record and the action plan (R6–R11).

const meetingLabels: Record<(typeof meetingKinds)[number], string> = {
  multi_agency: 'Multi-agency meeting',
  marac: 'Multi-agency risk meeting (MARAC)',
  case_conference: 'Case conference',
  other: 'Other meeting',
}
const referralLabels: Record<(typeof referralTargets)[number], string> = {
  marac: 'Multi-agency risk meeting (MARAC)',
  police: 'Police',
  victim_support: 'Victim support',
  mediation: 'Mediation service',
  housing: 'Housing',
  social_care: 'Social care',
  mental_health: 'Mental health services',
  other: 'Other agency',
}

export const caseSteps: StepDefinition[] = [
  {
    id: 'caseRecordCreated',
    eventType: 'caseRecordCreated',
    group: 'Case',
    phases: assessment,
    label: 'Create the case record',
    rule: 'R6',
    description: 'Needs a diary entry that records ASB, or independent clear evidence, and a completed Risk Assessment Matrix.',
    fields: [
      { name: 'summary', label: 'Case summary', kind: 'textarea', optional: true },
      { name: 'riskAssessment', label: 'Risk Assessment Matrix', kind: 'riskMatrix' },
    ],
    fixed: { riskAssessment: { reason: 'case_opened' } },
    submitLabel: 'Create the case record',
  },
  {
    id: 'riskAssessed',
    eventType: 'riskAssessed',
    group: 'Case',
    phases: liveOrPending,
    label: 'Re-assess the risk',
    rule: 'R7',
    fields: [{ name: 'riskAssessment', label: 'Risk Assessment Matrix', kind: 'riskMatrix' }],
  },
  {
    id: 'riskChangeNoted',
    eventType: 'riskChangeNoted',
    group: 'Case',
    phases: live,
    label: 'Record that the risk has changed significantly',
    rule: 'R8',
    description: 'A risk re-assessment becomes due at once.',
    fields: [{ name: 'summary', label: 'What has changed', kind: 'textarea' }],
  },
  {
    id: 'nextContactSet',
    eventType: 'nextContactSet',
    group: 'Action plan',
    phases: live,
    label: 'Set the next contact',
    rule: 'R8',
    description: 'By default: 7 days after the last contact for high risk, 14 for medium, 28 for standard.',
    fields: [
      { name: 'dueOn', label: 'Next contact due', kind: 'date' },
      { name: 'note', label: 'Note', kind: 'textarea', optional: true },
    ],
  },
  {
    id: 'actionSet',
    eventType: 'actionSet',
    group: 'Action plan',
    phases: open,
    label: 'Set an action',
    rule: 'R9',
    fields: [
      { name: 'actionId', label: 'Action id', kind: 'newId' },
      { name: 'what', label: 'What', kind: 'text' },
      { name: 'who', label: 'Who will do it', kind: 'text' },
      { name: 'dueOn', label: 'By when', kind: 'date' },
    ],
  },
  {
    id: 'actionCompleted',
    eventType: 'actionCompleted',
    group: 'Action plan',
    phases: open,
    label: 'Record an action as done',
    rule: 'R9',
    fields: [
      {
        name: 'actionId',
        label: 'Action',
        kind: 'select',
        options: ({ state }) => state.actions.filter((a) => !a.completed).map((a) => ({ value: a.actionId, label: `${a.what} (by ${a.dueOn})` })),
      },
      { name: 'outcome', label: 'Outcome', kind: 'textarea' },
    ],
  },
  {
    id: 'meetingHeld',
    eventType: 'meetingHeld',
    group: 'Action plan',
    phases: open,
    label: 'Record a meeting',
    rule: 'R9',
    fields: [
      { name: 'kind', label: 'Kind of meeting', kind: 'select', options: optionsOf(meetingLabels) },
      { name: 'heldOn', label: 'Date', kind: 'date', defaultToday: true },
      { name: 'attendees', label: 'Who attended', kind: 'text' },
      { name: 'summary', label: 'What was agreed', kind: 'textarea' },
    ],
  },
  {
    id: 'referralMade',
    eventType: 'referralMade',
    group: 'Action plan',
    phases: open,
    label: 'Record a referral to an agency',
    rule: 'R9',
    fields: [
      { name: 'to', label: 'Referred to', kind: 'select', options: optionsOf(referralLabels) },
      { name: 'agency', label: 'Agency or team', kind: 'text' },
      { name: 'reason', label: 'Reason', kind: 'textarea' },
      { name: 'referredOn', label: 'Date', kind: 'date', defaultToday: true },
    ],
  },
  {
    id: 'informationRequested',
    eventType: 'informationRequested',
    group: 'Action plan',
    phases: open,
    label: 'Record a request for information',
    rule: 'R9',
    fields: [
      { name: 'from', label: 'Asked of', kind: 'text' },
      { name: 'what', label: 'What was asked for', kind: 'textarea' },
      { name: 'requestedOn', label: 'Date asked', kind: 'date', defaultToday: true },
      { name: 'dueOn', label: 'Reply due', kind: 'date', optional: true },
    ],
  },
  {
    id: 'incidentRecorded',
    eventType: 'incidentRecorded',
    group: 'Evidence',
    phases: open,
    label: 'Record an incident',
    rule: 'R11',
    fields: [
      { name: 'happenedAt', label: 'When it happened', kind: 'datetime' },
      { name: 'summary', label: 'What happened', kind: 'textarea' },
      { name: 'reportedBy', label: 'Reported by', kind: 'text' },
      { name: 'policeReference', label: 'Police reference', kind: 'text', optional: true },
    ],
  },
  {
    id: 'investigationStarted',
    eventType: 'investigationStarted',
    group: 'Case',
    phases: ['case'],
    label: 'Start the investigation',
    rule: 'R10',
    fields: [{ name: 'summary', label: 'Plan of investigation', kind: 'textarea' }],
    submitLabel: 'Start the investigation',
  },
]
