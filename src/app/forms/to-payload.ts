import type { FieldValues, Resolver } from 'react-hook-form'
import { payloadSchemas } from '../../domain/events.ts'
import type { FieldSpec, FormValues, StepSpec } from './field-spec.ts'

// Form values → the event's payload, and the react-hook-form resolver that validates with the
// domain's own schema: the form and the device store apply the very same rules (STYLE.md 2).

export function getPath(values: FormValues, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as FormValues)[key] : undefined), values)
}

function setPath(target: FormValues, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {}
    node = node[key] as FormValues
  }
  const last = keys[keys.length - 1] ?? path
  const existing = node[last]
  const bothObjects = [existing, value].every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))
  // A fixed part of the payload (e.g. why a risk assessment was made) merges with what was typed.
  node[last] = bothObjects ? { ...(existing as FormValues), ...(value as FormValues) } : value
}

/** A datetime-local value ('2026-11-25T21:30') read in the device's time zone, as a UTC instant. */
export function localToInstant(local: string): string | undefined {
  const ms = Date.parse(local)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

function convert(field: FieldSpec, raw: unknown, newId: () => string): unknown {
  switch (field.kind) {
    case 'newId':
      return typeof raw === 'string' && raw ? raw : newId()
    case 'checkbox':
      return Boolean(raw)
    case 'yesNo':
      return raw === 'yes' ? true : raw === 'no' ? false : undefined
    case 'number':
      return raw === '' || raw == null ? undefined : Number(raw)
    case 'datetime':
      return typeof raw === 'string' && raw ? (localToInstant(raw) ?? raw) : undefined
    case 'parties':
      return Array.isArray(raw) ? raw : []
    case 'partyConsents':
    case 'partyResponses':
    case 'riskMatrix':
      return raw
    default:
      return typeof raw === 'string' ? (raw.trim() === '' ? undefined : raw) : raw
  }
}

export function visibleFields(spec: StepSpec, values: FormValues): FieldSpec[] {
  return spec.fields.filter((f) => !f.showIf || f.showIf(values))
}

export function toPayload(spec: StepSpec, values: FormValues, newId: () => string): FormValues {
  const payload: FormValues = structuredClone(spec.fixed ?? {})
  for (const field of visibleFields(spec, values)) {
    const value = convert(field, getPath(values, field.name), newId)
    if (value !== undefined) setPath(payload, field.name, value)
  }
  return spec.transform ? spec.transform(payload) : payload
}

/** The nearest field a schema issue belongs to, or '' for the form as a whole. */
function fieldFor(spec: StepSpec, values: FormValues, path: PropertyKey[]): string {
  const visible = visibleFields(spec, values).map((f) => f.name)
  const names = new Set(visible)
  for (let n = path.length; n > 0; n--) {
    const name = path.slice(0, n).map(String).join('.')
    if (names.has(name)) return name
  }
  // An issue about a group of fields (R1's 'complainant.contact', R17's 'victimTold') goes to the
  // group's first visible field, so it shows beside what the officer must fill in.
  const group = path.map(String).join('.')
  return (group && visible.find((name) => name.startsWith(`${group}.`))) || ''
}

export function stepResolver(spec: StepSpec, newId: () => string): Resolver<FieldValues> {
  return (values) => {
    const payload = toPayload(spec, values, newId)
    const parsed = payloadSchemas[spec.eventType].safeParse(payload)
    if (parsed.success) return { values, errors: {} }
    const errors: Record<string, { type: string; message: string }> = {}
    for (const issue of parsed.error.issues) {
      const name = fieldFor(spec, values, issue.path) || 'root.form'
      errors[name] ??= { type: 'schema', message: issue.message }
    }
    // react-hook-form reads nested errors by path; build the nested object it expects.
    const nested: FormValues = {}
    for (const [name, error] of Object.entries(errors)) setPath(nested, name, error)
    return { values: {}, errors: nested as never }
  }
}
