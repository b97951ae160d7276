import type { StepFacts } from '../../../documents/letters/letter-values.ts'
import type { FormValues } from '../../forms/field-spec.ts'

// What a step's form says that its letter depends on: the date it is sent, who it is for, the
// comply-by date and the closure reason. Field names are the payloads' own (field-spec.ts).

const dateFields = ['sentOn', 'givenOn', 'issuedOn', 'advisedOn', 'date', 'servedOn'] as const

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined)

export function stepFacts(values: FormValues): StepFacts {
  const victimTold = values.victimTold as FormValues | undefined
  const sentOn = dateFields.map((f) => text(values[f])).find(Boolean) ?? text(victimTold?.on)
  const partyIds = Array.isArray(values.partyIds) ? values.partyIds.filter((p): p is string => typeof p === 'string') : undefined
  return { sentOn, complyBy: text(values.complyBy), partyIds, closureReason: text(values.reason) }
}
