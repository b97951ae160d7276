import type { EventType } from '../../domain/events.ts'
import type { MatterState } from '../../domain/matter-state.ts'
import type { StoredEvent } from '../../db/rows.ts'

// A step's form, as data: which fields, in which order, shown when. Field names are the payload's
// own paths ('location.address'), so the domain's zod schema reports errors against the very field
// the officer typed in, and the payload needs no hand-written mapping.

export type Option = { value: string; label: string }

export type FormContext = { state: MatterState; events: readonly StoredEvent[]; today: string; nowLocal: string }

type Base = {
  name: string
  label: string
  hint?: string
  optional?: boolean
  /** Shown, and sent, only when this holds for the current values. */
  showIf?: (values: FormValues) => boolean
}

export type FieldSpec = Base &
  (
    | { kind: 'text' | 'textarea' | 'email' | 'tel' }
    | { kind: 'date' | 'datetime'; defaultToday?: boolean }
    | { kind: 'number'; min?: number; max?: number }
    | { kind: 'checkbox' }
    | { kind: 'yesNo' }
    | { kind: 'select' | 'radio'; options: Option[] | ((ctx: FormContext, values: FormValues) => Option[]) }
    | { kind: 'party'; roles?: readonly string[] }
    | { kind: 'parties'; roles?: readonly string[] }
    | { kind: 'partyConsents' }
    | { kind: 'partyResponses' }
    | { kind: 'riskMatrix' }
    | { kind: 'newId' }
  )

export type FormValues = Record<string, unknown>

export type StepSpec = {
  /** Unique id of the step (usually the event type, or a variant of it). */
  id: string
  eventType: EventType
  label: string
  /** A sentence under the heading: what the step is for, with its rule. */
  description?: string
  rule?: string
  fields: FieldSpec[]
  submitLabel?: string
  /** Fixed payload fields the form does not ask for. */
  fixed?: FormValues
  /** Reshapes the collected values into the payload, where the form's shape differs from it. */
  transform?: (payload: FormValues) => FormValues
  /** Values to start from, from the matter. */
  defaults?: (ctx: FormContext) => FormValues
}
