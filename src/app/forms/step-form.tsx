import { useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { newId } from '../../db/new-id.ts'
import { recordStep } from '../../db/record-event.ts'
import { takesOnBeforeClosing } from '../../domain/guard-context.ts'
import type { SentLetter } from '../../domain/letter-sent.ts'
import { sendsLetter } from '../../domain/letter-sent.ts'
import type { MatterState } from '../../domain/matter-state.ts'
import { LetterSection } from '../features/letters/letter-section.tsx'
import type { StoredEvent } from '../../db/rows.ts'
import { AttachFiles } from '../features/files/attach-files.tsx'
import type { Attachment } from '../features/files/capture-file.ts'
import { attachmentsPayload, takesFiles } from '../features/files/file-steps.ts'
import { useServices, useSession } from '../services.tsx'
import { useMarkDirty } from './dirty-forms.ts'
import type { FormContext, FormValues, StepSpec } from './field-spec.ts'
import { FieldInput } from './field-input.tsx'
import { stepResolver, toPayload, visibleFields } from './to-payload.ts'

// One step of the procedure as a short form. Validation is the domain's schema; the final word is
// the domain's check when the step is recorded: a refusal is shown in the officer's words and
// everything typed stays in the form.

type Props = {
  spec: StepSpec
  state: MatterState
  events: readonly StoredEvent[]
  onDone: (message: string) => void
  onCancel?: () => void
}

export function localNow(now: string): string {
  const d = new Date(now)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function StepForm({ spec, state, events, onDone, onCancel }: Props) {
  const services = useServices()
  const session = useSession()
  const idPrefix = useId()
  const now = services.now()
  const ctx: FormContext = { state, events, today: localNow(now).slice(0, 10), nowLocal: localNow(now) }
  const defaults: FormValues = {}
  for (const f of spec.fields) {
    if (f.kind === 'date' && f.defaultToday) defaults[f.name] = ctx.today
    if (f.kind === 'datetime') defaults[f.name] = ctx.nowLocal
  }
  const form = useForm<FormValues>({
    resolver: stepResolver(spec, () => newId(services.now())),
    defaultValues: { ...defaults, ...spec.defaults?.(ctx) },
  })
  const [refusal, setRefusal] = useState<string | null>(null)
  // Issue 13: the letter written from this step is recorded with it, as it went out.
  const [letter, setLetter] = useState<SentLetter | null>(null)
  const [attachments, setAttachments] = useState<Attachment[]>([])
  const values = useWatch({ control: form.control }) as FormValues
  useMarkDirty(`${spec.id}:${state.id}`, form.formState.isDirty)

  const submit = form.handleSubmit(async (vals) => {
    setRefusal(null)
    const payload = {
      ...toPayload(spec, vals, () => newId(services.now())),
      ...(letter ? { letter } : {}),
      ...attachmentsPayload(attachments),
    }
    const step = { matterId: state.id, type: spec.eventType, payload }
    if (takesOnBeforeClosing(state, session.actor, step)) {
      // Closing an unassigned enquiry: the officer takes it on first (decisions.md).
      const assigned = await recordStep(services.db, session, { matterId: state.id, type: 'matterAssigned', payload: { officerId: session.actor.id } }, services.now())
      if (!assigned.ok) {
        setRefusal(assigned.refusal.message)
        return
      }
    }
    const result = await recordStep(services.db, session, { ...step, files: attachments.map((a) => a.captured) }, services.now())
    if (!result.ok) {
      setRefusal(result.refusal.message)
      return
    }
    form.reset()
    setAttachments([])
    onDone(`${spec.label}: saved on this device.`)
  })

  const headingId = `${idPrefix}-heading`
  return (
    <form className="step-form" aria-labelledby={headingId} noValidate onSubmit={(e) => void submit(e)}>
      <h3 id={headingId}>{spec.label}</h3>
      {spec.description && <p className="hint">{spec.description}</p>}
      {(refusal ?? form.formState.errors.root?.form?.message) && (
        <p className="alert alert-error" role="alert">
          {refusal ?? form.formState.errors.root?.form?.message}
        </p>
      )}
      {visibleFields(spec, values).map((field) => (
        <FieldInput key={field.name} field={field} form={form} ctx={ctx} idPrefix={idPrefix} />
      ))}
      {sendsLetter(spec.eventType) && (
        <LetterSection stepId={spec.id} state={state} values={values} today={ctx.today} letter={letter} onLetter={setLetter} />
      )}
      {takesFiles(spec.eventType) && <AttachFiles matterId={state.id} attachments={attachments} onChange={setAttachments} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Saving…' : (spec.submitLabel ?? 'Save')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}
