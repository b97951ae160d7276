import type { StepSpec } from '../../forms/field-spec.ts'
import { asbCategoryLabels, reportChannelLabels } from '../../../domain/vocabulary-lists.ts'
import { optionsOf } from '../matter/steps/options.ts'

// R1: the intake form. Anonymous reports come only through the online form and keep no contact
// details; any other report needs at least one way to reach the complainant.

const isAnonymous = (v: Record<string, unknown>) => v.channel === 'online_form' && Boolean(v.anonymous)

export const reportSpec: StepSpec = {
  id: 'reportReceived',
  eventType: 'reportReceived',
  label: 'New report',
  rule: 'R1',
  fields: [
    { name: 'channel', label: 'How the report came in', kind: 'radio', options: optionsOf(reportChannelLabels) },
    { name: 'receivedAt', label: 'When it was received', kind: 'datetime' },
    { name: 'location.address', label: 'Where the ASB happens', kind: 'text', hint: 'Street address or a place, such as “Fleet Pond car park”.' },
    { name: 'location.postcode', label: 'Postcode', kind: 'text', optional: true },
    { name: 'category', label: 'Kind of ASB', kind: 'select', options: optionsOf(asbCategoryLabels) },
    { name: 'description', label: 'What happened', kind: 'textarea' },
    {
      name: 'anonymous',
      label: 'The person reporting chose to stay anonymous',
      kind: 'checkbox',
      showIf: (v) => v.channel === 'online_form',
      hint: 'Contact is then not possible, and no updates can be given.',
    },
    { name: 'complainant.partyId', label: 'Complainant id', kind: 'newId', showIf: (v) => !isAnonymous(v) },
    { name: 'complainant.name', label: 'Complainant’s name', kind: 'text', showIf: (v) => !isAnonymous(v) },
    { name: 'complainant.contact.phone', label: 'Phone', kind: 'tel', optional: true, showIf: (v) => !isAnonymous(v) },
    { name: 'complainant.contact.email', label: 'E-mail', kind: 'email', optional: true, showIf: (v) => !isAnonymous(v) },
    { name: 'complainant.contact.address', label: 'Address for letters', kind: 'text', optional: true, showIf: (v) => !isAnonymous(v) },
  ],
  transform: (payload) => ({ ...payload, anonymous: payload.anonymous === true && payload.channel === 'online_form' }),
  submitLabel: 'Save the report',
}
