import type { Option } from '../../../forms/field-spec.ts'

/** Options for a select from a code → label record, in the record's order. */
export function optionsOf(labels: Record<string, string>): Option[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }))
}
