import type { FieldError, UseFormReturn } from 'react-hook-form'
import { useController } from 'react-hook-form'
import { partyRoleLabels } from '../../domain/vocabulary-lists.ts'
import type { FieldSpec, FormContext, FormValues, Option } from './field-spec.ts'
import { RiskMatrixField } from './risk-matrix-field.tsx'

// One field of a step form: a visible label, the hint and error tied to the control with
// aria-describedby, and a control big enough to hit with a thumb (44px, see styles.css).

type Props = { field: FieldSpec; form: UseFormReturn<FormValues>; ctx: FormContext; idPrefix: string }

function errorAt(form: UseFormReturn<FormValues>, name: string): string | undefined {
  const error = name.split('.').reduce<unknown>((e, key) => (e as Record<string, unknown> | undefined)?.[key], form.formState.errors)
  return (error as FieldError | undefined)?.message
}

function optionsOf(
  field: FieldSpec & { options: Option[] | ((ctx: FormContext, values: FormValues) => Option[]) },
  ctx: FormContext,
  values: FormValues,
): Option[] {
  return typeof field.options === 'function' ? field.options(ctx, values) : field.options
}

function partyOptions(ctx: FormContext, roles?: readonly string[]): Option[] {
  return ctx.state.parties
    .filter((p) => !roles || roles.includes(p.role))
    .map((p) => ({ value: p.partyId, label: `${p.name} (${partyRoleLabels[p.role].toLowerCase()})` }))
}

export function FieldInput({ field, form, ctx, idPrefix }: Props) {
  const id = `${idPrefix}-${field.name.replace(/\./g, '-')}`
  const error = errorAt(form, field.name)
  const describedBy = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy }
  const label = `${field.label}${field.optional ? ' (optional)' : ''}`
  const register = form.register(field.name)

  if (field.kind === 'newId') return null
  if (field.kind === 'riskMatrix') return <RiskMatrixField name={field.name} control={form.control} error={error} />
  if (field.kind === 'partyConsents' || field.kind === 'partyResponses') {
    return <PartyAnswers field={field} form={form} ctx={ctx} id={id} error={error} />
  }

  let control
  switch (field.kind) {
    case 'textarea':
      control = <textarea {...common} {...register} rows={4} />
      break
    case 'checkbox':
      return (
        <div className="field field-checkbox">
          <input type="checkbox" {...common} {...register} />
          <label htmlFor={id}>{label}</label>
          {field.hint && <p className="hint" id={`${id}-hint`}>{field.hint}</p>}
          {error && <p className="error" id={`${id}-error`}>{error}</p>}
        </div>
      )
    case 'yesNo':
    case 'radio': {
      const options = field.kind === 'yesNo' ? [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] : optionsOf(field, ctx, form.getValues())
      return (
        <fieldset className="field" aria-describedby={describedBy}>
          <legend>{label}</legend>
          {field.hint && <p className="hint" id={`${id}-hint`}>{field.hint}</p>}
          {error && <p className="error" id={`${id}-error`}>{error}</p>}
          <div className="choices">
            {options.map((o) => (
              <label key={o.value} className="choice">
                <input type="radio" value={o.value} {...register} /> {o.label}
              </label>
            ))}
          </div>
        </fieldset>
      )
    }
    case 'parties': {
      const options = partyOptions(ctx, field.roles)
      return (
        <fieldset className="field" aria-describedby={describedBy}>
          <legend>{label}</legend>
          {field.hint && <p className="hint" id={`${id}-hint`}>{field.hint}</p>}
          {error && <p className="error" id={`${id}-error`}>{error}</p>}
          {options.length === 0 && <p className="hint">Add the people involved first (Add a person).</p>}
          <div className="choices">
            {options.map((o) => (
              <label key={o.value} className="choice">
                <input type="checkbox" value={o.value} {...register} /> {o.label}
              </label>
            ))}
          </div>
        </fieldset>
      )
    }
    case 'select':
    case 'party': {
      const options = field.kind === 'party' ? partyOptions(ctx, field.roles) : optionsOf(field, ctx, form.getValues())
      control = (
        <select {...common} {...register}>
          <option value="">Choose…</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )
      break
    }
    case 'date':
      control = <input type="date" {...common} {...register} />
      break
    case 'datetime':
      control = <input type="datetime-local" {...common} {...register} />
      break
    case 'number':
      control = <input type="number" inputMode="numeric" min={field.min} max={field.max} {...common} {...register} />
      break
    default:
      control = <input type={field.kind} {...common} {...register} autoComplete="off" />
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {field.hint && <p className="hint" id={`${id}-hint`}>{field.hint}</p>}
      {error && <p className="error" id={`${id}-error`}>{error}</p>}
      {control}
    </div>
  )
}

type Answer = { partyId: string; consented?: boolean; response?: string }

/** Each party's answer: consent (mediation referral, R12) or response to an offer (R18). */
function PartyAnswers({ field, form, ctx, id, error }: { field: FieldSpec; form: UseFormReturn<FormValues>; ctx: FormContext; id: string; error?: string | undefined }) {
  const { field: controller } = useController({ name: field.name, control: form.control, defaultValue: [] })
  const answers = (controller.value as Answer[] | undefined) ?? []
  const set = (partyId: string, answer: Partial<Answer>) => {
    const rest = answers.filter((a) => a.partyId !== partyId)
    controller.onChange([...rest, { partyId, ...answer }])
  }
  const consents = field.kind === 'partyConsents'
  return (
    <fieldset className="field">
      <legend>{field.label}</legend>
      {field.hint && <p className="hint">{field.hint}</p>}
      {error && <p className="error" id={`${id}-error`}>{error}</p>}
      {ctx.state.parties.map((p) => {
        const answer = answers.find((a) => a.partyId === p.partyId)
        const name = `${id}-${p.partyId}`
        return (
          <div key={p.partyId} className="party-answer">
            <label htmlFor={name}>{p.name}</label>
            <select
              id={name}
              value={consents ? (answer?.consented === undefined ? '' : answer.consented ? 'yes' : 'no') : (answer?.response ?? '')}
              onChange={(e) => {
                const v = e.target.value
                if (!v) controller.onChange(answers.filter((a) => a.partyId !== p.partyId))
                else set(p.partyId, consents ? { consented: v === 'yes' } : { response: v })
              }}
            >
              <option value="">Not part of this</option>
              {consents ? (
                <>
                  <option value="yes">Consented</option>
                  <option value="no">Did not consent</option>
                </>
              ) : (
                <>
                  <option value="consented">Consented</option>
                  <option value="declined">Declined</option>
                  <option value="no_response">No response yet</option>
                </>
              )}
            </select>
          </div>
        )
      })}
    </fieldset>
  )
}

export { partyOptions }
