import { correctableTypes } from '../../../../domain/corrections.ts'
import { powerOfArrestGrounds } from '../../../../domain/payloads-action.ts'
import {
  caseClosureReasonLabels,
  contactMethodLabels,
  interventionKindLabels,
  legalStepKindLabels,
} from '../../../../domain/vocabulary-lists.ts'
import type { FormValues } from '../../../forms/field-spec.ts'
import { entryTitle, fieldLabel } from '../../../../domain/chronology-text.ts'
import { legal2026Fields, requirementsFromSlots } from './legal-2026-steps.ts'
import { optionsOf } from './options.ts'
import type { StepDefinition } from './step-definition.ts'
import { live, liveOrPending, open } from './step-definition.ts'

// Interventions (R12), legal steps (R13, R14), closure (R15–R19) and corrections.

const kindIs = (...kinds: string[]) => (v: FormValues) => kinds.includes(String(v.kind))
const agreement = kindIs('acceptable_behaviour_agreement', 'good_neighbour_agreement')

export const actionSteps: StepDefinition[] = [
  {
    id: 'interventionRecorded',
    eventType: 'interventionRecorded',
    group: 'Interventions',
    phases: live,
    label: 'Record an intervention',
    rule: 'R12',
    fields: [
      { name: 'interventionId', label: 'Intervention id', kind: 'newId' },
      { name: 'kind', label: 'Intervention', kind: 'select', options: optionsOf(interventionKindLabels) },
      { name: 'partyIds', label: 'Who it is for', kind: 'parties' },
      { name: 'date', label: 'Date', kind: 'date', defaultToday: true },
      { name: 'summary', label: 'Summary', kind: 'textarea', optional: true },
      { name: 'terms', label: 'Terms of the agreement', kind: 'textarea', showIf: agreement },
      { name: 'reviewOn', label: 'Review date', kind: 'date', showIf: agreement },
      {
        name: 'complyBy',
        label: 'Time given to comply: until',
        kind: 'date',
        optional: true,
        showIf: kindIs('warning_letter'),
        hint: 'A Community Protection Notice can follow only once this has passed (s43).',
      },
      {
        name: 'consents',
        label: 'Consent of each party',
        kind: 'partyConsents',
        showIf: kindIs('mediation_referral'),
        hint: 'A mediation referral needs the recorded consent of both parties.',
      },
    ],
  },
  {
    id: 'interventionBreached',
    eventType: 'interventionBreached',
    group: 'Interventions',
    phases: liveOrPending,
    label: 'Record a breach',
    rule: 'R12',
    fields: [
      {
        name: 'interventionId',
        label: 'Intervention breached',
        kind: 'select',
        options: ({ state }) => state.interventions.map((i) => ({ value: i.interventionId, label: `${interventionKindLabels[i.kind]} (${i.date})` })),
      },
      { name: 'occurredOn', label: 'Date of the breach', kind: 'date', defaultToday: true },
      { name: 'details', label: 'What happened', kind: 'textarea' },
    ],
  },
  {
    id: 'mediationOffered',
    eventType: 'mediationOffered',
    group: 'Interventions',
    phases: liveOrPending,
    label: 'Record mediation offered',
    rule: 'R18',
    fields: [
      { name: 'offeredOn', label: 'Date offered', kind: 'date', defaultToday: true },
      { name: 'responses', label: 'Each party’s answer', kind: 'partyResponses' },
    ],
  },
  {
    id: 'legalDecisionRecorded',
    eventType: 'legalDecisionRecorded',
    group: 'Legal',
    phases: live,
    label: 'Record a legal decision',
    rule: 'R13',
    description: 'Required before the first legal step. Court applications need legal services’ advice.',
    fields: [
      { name: 'decisionId', label: 'Decision id', kind: 'newId' },
      { name: 'legalServicesConsulted', label: 'Were the Council’s legal services consulted?', kind: 'yesNo' },
      { name: 'advice', label: 'Their advice', kind: 'textarea', optional: true, showIf: (v) => v.legalServicesConsulted === 'yes' },
      { name: 'proportionality', label: 'Why the step is reasonable and proportionate', kind: 'textarea' },
    ],
  },
  {
    id: 'legalStepTaken',
    eventType: 'legalStepTaken',
    group: 'Legal',
    phases: live,
    label: 'Record a legal step',
    rule: 'R14',
    fields: [
      { name: 'stepId', label: 'Step id', kind: 'newId' },
      { name: 'kind', label: 'Legal step', kind: 'select', options: optionsOf(legalStepKindLabels) },
      { name: 'partyIds', label: 'Against whom', kind: 'parties', showIf: (v) => v.kind !== 'public_space_protection_order' },
      { name: 'area', label: 'Area it covers', kind: 'text', showIf: kindIs('public_space_protection_order') },
      {
        name: 'warningInterventionId',
        label: 'The written warning that came first',
        kind: 'select',
        showIf: kindIs('community_protection_notice'),
        options: ({ state }) =>
          state.interventions
            .filter((i) => i.kind === 'warning_letter')
            .map((i) => ({ value: i.interventionId, label: `Warning letter of ${i.date}${i.complyBy ? `, comply by ${i.complyBy}` : ''}` })),
      },
      { name: 'respondentAge', label: 'Respondent’s age', kind: 'number', min: 0, max: 120, showIf: kindIs('civil_injunction') },
      { name: 'durationMonths', label: 'Length in months', kind: 'number', min: 1, optional: true, showIf: kindIs('civil_injunction', 'public_space_protection_order', 'youth_injunction') },
      { name: 'youthOffendingTeamConsulted', label: 'Youth offending team consulted (under 18)', kind: 'checkbox', showIf: kindIs('civil_injunction', 'youth_injunction') },
      { name: 'powerOfArrest', label: 'Power of arrest attached', kind: 'checkbox', showIf: kindIs('civil_injunction') },
      {
        name: 'powerOfArrestGrounds',
        label: 'Grounds for the power of arrest',
        kind: 'select',
        optional: true,
        showIf: (v) => v.kind === 'civil_injunction' && Boolean(v.powerOfArrest),
        options: powerOfArrestGrounds.map((g) => ({ value: g, label: g.replace(/_/g, ' ') })),
      },
      { name: 'premises', label: 'Premises', kind: 'text', showIf: kindIs('closure_order', 'housing_injunction') },
      ...legal2026Fields,
      { name: 'noticeServedAt', label: 'Closure notice served at', kind: 'datetime', showIf: kindIs('closure_order') },
      { name: 'noticeHours', label: 'Notice lasts (hours)', kind: 'number', min: 1, max: 48, showIf: kindIs('closure_order') },
      { name: 'noticeExtensionSignedOffBy', label: 'Extended to 48 hours: signed off by', kind: 'text', optional: true, showIf: kindIs('closure_order') },
      { name: 'hearingAt', label: 'Hearing at', kind: 'datetime', showIf: kindIs('closure_order') },
      { name: 'orderMonths', label: 'Order length (months)', kind: 'number', min: 1, max: 6, optional: true, showIf: kindIs('closure_order') },
      { name: 'consultedPoliceOn', label: 'Police consulted on', kind: 'date', showIf: kindIs('public_space_protection_order') },
      { name: 'consultedCommissionerOn', label: 'Police and Crime Commissioner consulted on', kind: 'date', showIf: kindIs('public_space_protection_order') },
      { name: 'consultedCommunityOn', label: 'Community representatives consulted on', kind: 'date', showIf: kindIs('public_space_protection_order') },
      { name: 'servedOn', label: 'Served on', kind: 'date', optional: true },
      { name: 'hearingOn', label: 'Hearing date', kind: 'date', optional: true, showIf: (v) => v.kind !== 'closure_order' },
      { name: 'reviewOn', label: 'Review date', kind: 'date', optional: true },
      { name: 'expiresOn', label: 'Expiry date', kind: 'date', optional: true },
      { name: 'notes', label: 'Notes', kind: 'textarea', optional: true },
    ],
    transform: requirementsFromSlots,
  },
  {
    id: 'legalStepDatesSet',
    eventType: 'legalStepDatesSet',
    group: 'Legal',
    phases: liveOrPending,
    label: 'Update a legal step’s dates',
    rule: 'R14',
    fields: [
      {
        name: 'stepId',
        label: 'Legal step',
        kind: 'select',
        options: ({ state }) => state.legal.steps.map((s) => ({ value: s.stepId, label: legalStepKindLabels[s.kind] })),
      },
      { name: 'servedOn', label: 'Served on', kind: 'date', optional: true },
      { name: 'hearingOn', label: 'Hearing date', kind: 'date', optional: true },
      { name: 'reviewOn', label: 'Review date', kind: 'date', optional: true },
      { name: 'expiresOn', label: 'Expiry date', kind: 'date', optional: true },
      { name: 'extendedToMonths', label: 'Closure order extended to (months in total)', kind: 'number', optional: true },
    ],
  },
  {
    id: 'closureRequested',
    eventType: 'closureRequested',
    group: 'Closure',
    phases: live,
    label: 'Request closure',
    rule: 'R15',
    description: 'A manager who did not make the request approves it (R16).',
    fields: [
      { name: 'reason', label: 'Reason', kind: 'select', options: optionsOf(caseClosureReasonLabels) },
      { name: 'rationale', label: 'Rationale', kind: 'textarea' },
      {
        name: 'mediationOutcome',
        label: 'Did both parties consent to the mediation offered?',
        kind: 'select',
        showIf: (v) => v.reason === 'tit_for_tat',
        options: [
          { value: 'both_consented', label: 'Both consented' },
          { value: 'declined', label: 'One or both declined' },
          { value: 'no_response', label: 'No response' },
        ],
      },
      { name: 'signposting', label: 'Signposting given', kind: 'textarea', showIf: (v) => v.reason === 'tools_exhausted' },
      { name: 'victimTold.told', label: 'Has the victim been told the case will close, and why?', kind: 'yesNo', hint: 'R17' },
      { name: 'victimTold.method', label: 'How', kind: 'select', options: optionsOf(contactMethodLabels), showIf: (v) => (v.victimTold as FormValues | undefined)?.told === 'yes' },
      { name: 'victimTold.on', label: 'When', kind: 'date', defaultToday: true, showIf: (v) => (v.victimTold as FormValues | undefined)?.told === 'yes' },
      { name: 'victimTold.why', label: 'Why that was not possible', kind: 'textarea', showIf: (v) => (v.victimTold as FormValues | undefined)?.told === 'no' },
    ],
    defaults: ({ state, today }) => ({ victimTold: state.anonymous ? { told: 'no', why: 'Anonymous report: contact is not possible.' } : { on: today } }),
    submitLabel: 'Request closure',
  },
  {
    id: 'closureApproved',
    eventType: 'closureApproved',
    group: 'Closure',
    phases: ['closure_requested'],
    roles: ['manager'],
    label: 'Approve the closure',
    rule: 'R16',
    fields: [{ name: 'comment', label: 'Comment', kind: 'textarea', optional: true }],
    submitLabel: 'Approve and close the case',
  },
  {
    id: 'closureRejected',
    eventType: 'closureRejected',
    group: 'Closure',
    phases: ['closure_requested'],
    roles: ['manager'],
    label: 'Reject the closure request',
    rule: 'R16',
    fields: [{ name: 'comment', label: 'Your comment to the officer', kind: 'textarea' }],
    submitLabel: 'Reject the request',
  },
  {
    id: 'feedbackInvited',
    eventType: 'feedbackInvited',
    group: 'Closure',
    phases: ['closed'],
    label: 'Record the feedback invitation',
    rule: 'R19',
    fields: [
      {
        name: 'method',
        label: 'Sent as',
        kind: 'radio',
        options: [
          { value: 'link', label: 'A link to the survey' },
          { value: 'post', label: 'By post (asked for)' },
        ],
      },
      { name: 'sentOn', label: 'Date sent', kind: 'date', defaultToday: true },
    ],
    defaults: () => ({ method: 'link' }),
  },
  {
    id: 'feedbackReceived',
    eventType: 'feedbackReceived',
    group: 'Closure',
    phases: ['closed'],
    label: 'Record feedback received',
    rule: 'R19',
    fields: [
      { name: 'receivedOn', label: 'Date received', kind: 'date', defaultToday: true },
      {
        name: 'satisfied',
        label: 'Satisfied with how the case was handled?',
        kind: 'radio',
        optional: true,
        options: [
          { value: 'yes', label: 'Yes' },
          { value: 'partly', label: 'Partly' },
          { value: 'no', label: 'No' },
        ],
      },
      { name: 'summary', label: 'The feedback', kind: 'textarea' },
    ],
  },
  {
    id: 'matterReopened',
    eventType: 'matterReopened',
    group: 'Closure',
    phases: ['closed'],
    label: 'Reopen',
    rule: 'R19',
    fields: [{ name: 'reason', label: 'Reason for reopening', kind: 'textarea' }],
  },
  {
    id: 'entryCorrected',
    eventType: 'entryCorrected',
    group: 'Record',
    phases: [...open, 'closed'],
    label: 'Correct an entry',
    description: 'Nothing is deleted: the correction supersedes the entry, with your reason, and both stay in the history.',
    fields: [
      {
        name: 'targetEventId',
        label: 'Entry to correct',
        kind: 'select',
        options: ({ events }) =>
          events.filter((e) => correctableTypes.includes(e.type)).map((e) => ({ value: e.id, label: `${e.occurredAt.slice(0, 10)}: ${entryTitle(e)}` })),
      },
      {
        name: 'field',
        label: 'What to correct',
        kind: 'select',
        options: ({ events }, values) => {
          const target = events.find((e) => e.id === values.targetEventId)
          const texts = target ? Object.entries(target.payload).filter(([, v]) => typeof v === 'string') : []
          return texts.map(([key, v]) => ({ value: key, label: `${fieldLabel(key)}: “${String(v).slice(0, 40)}”` }))
        },
      },
      { name: 'value', label: 'Corrected text', kind: 'textarea' },
      { name: 'reason', label: 'Reason for the correction', kind: 'textarea' },
    ],
    transform: ({ field, value, ...rest }) => ({ ...rest, changes: typeof field === 'string' && value !== undefined ? { [field]: value } : {} }),
  },
]

