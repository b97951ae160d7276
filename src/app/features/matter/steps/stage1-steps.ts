import { activeDiaryLinks } from '../../../../domain/diary-links.ts'
import { partyById } from '../../../../domain/matter-state.ts'
import type { contactAttemptOutcomes } from '../../../../domain/payloads-assessment.ts'
import { formatUkDate } from '../../../../domain/uk-dates.ts'
import {
  asbCategoryLabels,
  assessmentClosureReasonLabels,
  contactMethodLabels,
  evidenceKindLabels,
  partyRoleLabels,
} from '../../../../domain/vocabulary-lists.ts'
import { optionsOf } from './options.ts'
import type { StepDefinition } from './step-definition.ts'
import { assessment, open } from './step-definition.ts'

// Intake and Stage 1 steps (R1–R5).

const methods = optionsOf(contactMethodLabels)
const outcomeLabels: Record<(typeof contactAttemptOutcomes)[number], string> = {
  no_answer: 'No answer',
  voicemail: 'Left a voicemail',
  wrong_number: 'Wrong or dead number',
  other: 'Other',
}

export const stage1Steps: StepDefinition[] = [
  {
    id: 'thresholdAssessed',
    eventType: 'thresholdAssessed',
    group: 'Assessment',
    phases: ['enquiry'],
    label: 'Record the threshold assessment',
    rule: 'R2',
    description: 'Is the threshold met to proceed? If not, the enquiry closes and the complainant is advised.',
    fields: [
      { name: 'met', label: 'Is the threshold met?', kind: 'yesNo' },
      { name: 'reason', label: 'Why', kind: 'textarea' },
      { name: 'neighbourOnly', label: 'Neighbour-to-neighbour issue only', kind: 'checkbox' },
      { name: 'lowLevel', label: 'Low level', kind: 'checkbox' },
      {
        name: 'neighboursHaveSpoken',
        label: 'The neighbours have already spoken about it',
        kind: 'checkbox',
      },
    ],
    defaults: () => ({ neighboursHaveSpoken: true }),
  },
  {
    id: 'neighbourAdviceGiven',
    eventType: 'neighbourAdviceGiven',
    group: 'Assessment',
    phases: ['enquiry'],
    label: 'Record neighbour advice given',
    rule: 'R3',
    description: "The complainant was encouraged to speak to their neighbour, with the council's 10 tips.",
    fields: [
      { name: 'method', label: 'How the advice was given', kind: 'select', options: methods },
      { name: 'givenOn', label: 'Date given', kind: 'date', defaultToday: true },
      { name: 'notes', label: 'Notes', kind: 'textarea', optional: true },
    ],
  },
  {
    id: 'contactAttempted',
    eventType: 'contactAttempted',
    group: 'Contact',
    phases: open,
    label: 'Record an unsuccessful contact attempt',
    rule: 'R4',
    fields: [
      { name: 'method', label: 'Method', kind: 'select', options: methods },
      { name: 'partyId', label: 'Who you tried to reach', kind: 'party', optional: true, hint: 'Leave empty for the complainant.' },
      { name: 'outcome', label: 'Outcome', kind: 'radio', options: optionsOf(outcomeLabels) },
      { name: 'notes', label: 'Notes', kind: 'textarea', optional: true },
    ],
    defaults: () => ({ method: 'phone', outcome: 'no_answer' }),
  },
  {
    id: 'contactMade',
    eventType: 'contactMade',
    group: 'Contact',
    phases: open,
    label: 'Record a contact',
    rule: 'R9',
    description: 'A phone call, e-mail, visit, or liaison with another agency such as the Police.',
    fields: [
      { name: 'method', label: 'Method', kind: 'select', options: methods },
      {
        name: 'direction',
        label: 'Who made contact',
        kind: 'radio',
        options: [
          { value: 'outbound', label: 'We contacted them' },
          { value: 'inbound', label: 'They contacted us' },
        ],
      },
      { name: 'partyId', label: 'With whom', kind: 'party', optional: true, hint: 'Leave empty for the complainant.' },
      { name: 'agency', label: 'Agency', kind: 'text', optional: true, showIf: (v) => v.method === 'agency_liaison' },
      { name: 'summary', label: 'What was said', kind: 'textarea' },
    ],
    defaults: () => ({ method: 'phone', direction: 'outbound' }),
  },
  {
    id: 'contactLetterSent',
    eventType: 'contactLetterSent',
    group: 'Contact',
    phases: assessment,
    label: 'Record the letter or e-mail encouraging contact',
    rule: 'R4',
    description: 'After three unanswered calls. The complainant then has 10 working days to get in touch.',
    fields: [
      {
        name: 'method',
        label: 'Sent by',
        kind: 'radio',
        options: [
          { value: 'letter', label: 'Letter' },
          { value: 'email', label: 'E-mail' },
        ],
      },
      { name: 'sentOn', label: 'Date sent', kind: 'date', defaultToday: true },
    ],
    defaults: () => ({ method: 'letter' }),
  },
  {
    id: 'diarySheetsIssued',
    eventType: 'diarySheetsIssued',
    group: 'Evidence',
    phases: assessment,
    label: 'Issue diary sheets',
    rule: 'R5',
    description: 'If no ASB is recorded and no other evidence given within six weeks, the matter closes automatically.',
    fields: [
      { name: 'issuedOn', label: 'Date issued', kind: 'date', defaultToday: true },
      {
        name: 'method',
        label: 'How',
        kind: 'select',
        options: [
          { value: 'in_person', label: 'In person' },
          { value: 'post', label: 'By post' },
          { value: 'email', label: 'By e-mail' },
          { value: 'online', label: 'Online' },
        ],
      },
    ],
    defaults: () => ({ method: 'in_person' }),
  },
  {
    id: 'diaryLinkIssued',
    eventType: 'diarySheetsIssued',
    group: 'Evidence',
    phases: assessment,
    label: 'Issue diary sheets by private link',
    rule: 'R5',
    fields: [],
    custom: 'diaryLink',
  },
  {
    id: 'diaryLinkRevoked',
    eventType: 'diaryLinkRevoked',
    group: 'Evidence',
    phases: open,
    label: 'Revoke a private diary link',
    description: 'The link stops working at once for the complainant. Entries already sent stay in the matter.',
    fields: [
      {
        name: 'linkId',
        label: 'Which link',
        kind: 'select',
        options: ({ state }) =>
          activeDiaryLinks(state).map((l) => {
            const person = l.partyId ? partyById(state, l.partyId)?.name : undefined
            return { value: l.linkId, label: `Issued ${formatUkDate(l.issuedOn)}${person ? ` for ${person}` : ''}` }
          }),
      },
      { name: 'reason', label: 'Why', kind: 'textarea', optional: true },
    ],
    defaults: ({ state }) => ({ linkId: activeDiaryLinks(state)[0]?.linkId }),
    submitLabel: 'Revoke the link',
  },
  {
    id: 'evidenceAdded',
    eventType: 'evidenceAdded',
    group: 'Evidence',
    phases: open,
    label: 'Add an evidence item',
    rule: 'R10',
    fields: [
      { name: 'evidenceId', label: 'Evidence id', kind: 'newId' },
      { name: 'kind', label: 'Kind', kind: 'select', options: optionsOf(evidenceKindLabels) },
      { name: 'description', label: 'Description', kind: 'textarea' },
      { name: 'source', label: 'Where it came from', kind: 'text' },
      { name: 'obtainedOn', label: 'Date obtained', kind: 'date', defaultToday: true },
      {
        name: 'independent',
        label: 'Independent, clear evidence',
        kind: 'checkbox',
        hint: 'For example a police report or a witness statement: enough to open a case without diary sheets (R6).',
      },
    ],
  },
  {
    id: 'partyAdded',
    eventType: 'partyAdded',
    group: 'Record',
    phases: open,
    label: 'Add a person',
    fields: [
      { name: 'partyId', label: 'Person id', kind: 'newId' },
      { name: 'role', label: 'Role', kind: 'select', options: optionsOf(partyRoleLabels) },
      { name: 'name', label: 'Name', kind: 'text' },
      { name: 'contact.phone', label: 'Phone', kind: 'tel', optional: true },
      { name: 'contact.email', label: 'E-mail', kind: 'email', optional: true },
      { name: 'contact.address', label: 'Address', kind: 'text', optional: true },
      { name: 'dateOfBirth', label: 'Date of birth', kind: 'date', optional: true },
      { name: 'notes', label: 'Notes', kind: 'textarea', optional: true },
    ],
  },
  {
    id: 'matterDetailsUpdated',
    eventType: 'matterDetailsUpdated',
    group: 'Record',
    phases: open,
    label: 'Change the location or category',
    fields: [
      { name: 'location.address', label: 'Where the ASB happens', kind: 'text' },
      { name: 'location.postcode', label: 'Postcode', kind: 'text', optional: true },
      { name: 'category', label: 'Kind of ASB', kind: 'select', options: optionsOf(asbCategoryLabels) },
    ],
    defaults: ({ state }) => ({ location: state.location, category: state.category }),
  },
  {
    id: 'matterClosed',
    eventType: 'matterClosed',
    group: 'Closure',
    phases: assessment,
    label: 'Close the enquiry',
    rule: 'R16',
    description: 'Enquiries close without a manager’s approval. Cases need a closure request instead.',
    fields: [
      {
        name: 'reason',
        label: 'Reason',
        kind: 'select',
        options: optionsOf(assessmentClosureReasonLabels).filter((o) => o.value !== 'no_contact' && o.value !== 'no_evidence'),
      },
      { name: 'rationale', label: 'Rationale', kind: 'textarea' },
    ],
    submitLabel: 'Close the enquiry',
  },
  {
    id: 'closureAdvised',
    eventType: 'closureAdvised',
    group: 'Closure',
    phases: ['closed'],
    label: 'Record that the complainant was advised of the closure',
    rule: 'R2',
    fields: [
      { name: 'method', label: 'How', kind: 'select', options: methods },
      { name: 'advisedOn', label: 'Date', kind: 'date', defaultToday: true },
    ],
  },
]
