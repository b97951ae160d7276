import type { closureNoticeIssuers, exclusionGrounds } from '../../../../domain/payloads-action.ts'
import { legalStepKindLabels } from '../../../../domain/vocabulary-lists.ts'
import type { FieldSpec, FormValues } from '../../../forms/field-spec.ts'
import type { StepDefinition } from './step-definition.ts'
import { live, liveOrPending } from './step-definition.ts'

// The Crime and Policing Act 2026's legal steps (DOMAIN.md, R14 continued): the fields each new
// kind of legal step asks for, and the steps that go with them (the risk assessment before a
// Respect Order application, breaches with their referral for prosecution, fixed penalties).
// Whether a power is in force for this council on the day is the rules' answer, not the form's.

const kindIs =
  (...kinds: string[]) =>
  (v: FormValues) =>
    kinds.includes(String(v.kind))

const issuerLabels: Record<(typeof closureNoticeIssuers)[number], string> = {
  council: 'The council',
  police: 'The police',
  social_landlord: 'A social landlord',
}
const groundLabels: Record<(typeof exclusionGrounds)[number], string> = {
  violence: 'Violence',
  significant_risk_of_harm: 'A significant risk of harm',
}

/** Up to three requirements on the form, each with its supervisor; the payload has a list. */
const requirementSlots = [1, 2, 3] as const

/** Fields of `legalStepTaken` for the 2026 kinds, placed after the kind is chosen. */
export const legal2026Fields: FieldSpec[] = [
  {
    name: 'respondentDateOfBirth',
    label: 'Respondent’s date of birth',
    kind: 'date',
    hint: 'The age on the day of the application is worked out from it.',
    optional: true,
    showIf: kindIs('respect_order', 'youth_injunction', 'civil_injunction'),
  },
  {
    name: 'court',
    label: 'Court',
    kind: 'select',
    showIf: kindIs('respect_order'),
    options: [
      { value: 'county_court', label: 'County court' },
      { value: 'high_court', label: 'High Court' },
    ],
  },
  {
    name: 'prohibitions',
    label: 'Prohibitions',
    kind: 'textarea',
    optional: true,
    showIf: kindIs('respect_order'),
  },
  ...requirementSlots.flatMap((n): FieldSpec[] => [
    {
      name: `requirement${n}`,
      label: `Requirement ${n}`,
      kind: 'text',
      optional: true,
      showIf: kindIs('respect_order'),
    },
    {
      name: `supervisor${n}`,
      label: `Who supervises requirement ${n}`,
      kind: 'text',
      optional: true,
      showIf: kindIs('respect_order'),
    },
  ]),
  {
    name: 'termMonths',
    label: 'Length in months',
    hint: 'Leave empty for an order until further order.',
    kind: 'number',
    min: 1,
    optional: true,
    showIf: kindIs('respect_order'),
  },
  {
    name: 'excludesFromHome',
    label: 'Excludes the respondent from their home',
    kind: 'checkbox',
    showIf: kindIs('respect_order'),
  },
  {
    name: 'exclusionGrounds',
    label: 'Grounds for excluding them from their home',
    kind: 'select',
    optional: true,
    showIf: (v) => v.kind === 'respect_order' && Boolean(v.excludesFromHome),
    options: Object.entries(groundLabels).map(([value, label]) => ({ value, label })),
  },
  {
    name: 'nuisance',
    label: 'The housing-related nuisance or annoyance',
    kind: 'textarea',
    showIf: kindIs('housing_injunction'),
  },
  {
    name: 'issuer',
    label: 'Closure notice issued by',
    kind: 'select',
    showIf: kindIs('closure_order'),
    options: Object.entries(issuerLabels).map(([value, label]) => ({ value, label })),
  },
]

/** The requirement slots of the form, as the payload's list of requirements with supervisors. */
export function requirementsFromSlots(payload: FormValues): FormValues {
  const rest: FormValues = { ...payload }
  const requirements: { description: unknown; supervisor: unknown }[] = []
  for (const n of requirementSlots) {
    const [description, supervisor] = [rest[`requirement${n}`], rest[`supervisor${n}`]]
    delete rest[`requirement${n}`]
    delete rest[`supervisor${n}`]
    if (description !== undefined || supervisor !== undefined)
      requirements.push({ description, supervisor: supervisor ?? '' })
  }
  return rest.kind === 'respect_order' ? { ...rest, requirements } : rest
}

const stepOptions =
  (kinds?: readonly string[]) =>
  ({
    state,
  }: {
    state: {
      legal: { steps: { stepId: string; kind: keyof typeof legalStepKindLabels; at: string }[] }
    }
  }) =>
    state.legal.steps
      .filter((s) => !kinds || kinds.includes(s.kind))
      .map((s) => ({ value: s.stepId, label: legalStepKindLabels[s.kind] }))

export const legal2026Steps: StepDefinition[] = [
  {
    id: 'preApplicationRiskAssessed',
    eventType: 'preApplicationRiskAssessed',
    group: 'Legal',
    phases: live,
    label: 'Assess the risk before applying for a Respect Order',
    rule: 'R14',
    fields: [
      { name: 'assessmentId', label: 'Assessment id', kind: 'newId' },
      { name: 'partyId', label: 'Respondent', kind: 'party' },
      { name: 'harmToOthers', label: 'The risk of harm to others', kind: 'textarea' },
      {
        name: 'respondentVulnerabilities',
        label: 'The respondent’s vulnerabilities',
        kind: 'textarea',
      },
      { name: 'alternativesTried', label: 'The alternatives tried', kind: 'textarea' },
    ],
  },
  {
    id: 'legalStepBreached',
    eventType: 'legalStepBreached',
    group: 'Legal',
    phases: liveOrPending,
    label: 'Record a breach of an order or notice',
    rule: 'R14',
    fields: [
      { name: 'stepId', label: 'Order or notice', kind: 'select', options: stepOptions() },
      { name: 'occurredOn', label: 'Date of the breach', kind: 'date', defaultToday: true },
      { name: 'details', label: 'What the breach was', kind: 'textarea' },
      { name: 'referredForProsecution', label: 'Referred for prosecution', kind: 'checkbox' },
      {
        name: 'prosecutionReference',
        label: 'Police or prosecution reference',
        kind: 'text',
        optional: true,
        showIf: (v) => Boolean(v.referredForProsecution),
      },
    ],
  },
  {
    id: 'fixedPenaltyIssued',
    eventType: 'fixedPenaltyIssued',
    group: 'Legal',
    phases: liveOrPending,
    label: 'Issue a fixed penalty',
    rule: 'R14',
    description:
      'For breaching a Community Protection Notice or a PSPO. The most it can be depends on the law on the day.',
    fields: [
      { name: 'penaltyId', label: 'Penalty id', kind: 'newId' },
      {
        name: 'stepId',
        label: 'Notice or order breached',
        kind: 'select',
        options: stepOptions(['community_protection_notice', 'public_space_protection_order']),
      },
      { name: 'partyId', label: 'Issued to', kind: 'party', optional: true },
      { name: 'issuedOn', label: 'Issued on', kind: 'date', defaultToday: true },
      { name: 'amountPounds', label: 'Amount (£)', kind: 'number', min: 1 },
    ],
  },
]
