import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { clearDraft, readDraft, saveDraft } from '../../../db/drafts.ts'
import { matterRow } from '../../../db/queries.ts'
import { newId } from '../../../db/new-id.ts'
import { recordStep } from '../../../db/record-event.ts'
import type { MatterRow } from '../../../db/rows.ts'
import { useMarkDirty } from '../../forms/dirty-forms.ts'
import type { FormContext, FormValues, StepSpec } from '../../forms/field-spec.ts'
import { FieldInput } from '../../forms/field-input.tsx'
import { localNow } from '../../forms/step-form.tsx'
import { stepResolver, toPayload } from '../../forms/to-payload.ts'
import { payloadSchemas } from '../../../domain/events.ts'
import { AttachFiles } from '../files/attach-files.tsx'
import type { Attachment } from '../files/capture-file.ts'
import { attachmentsPayload } from '../files/file-steps.ts'
import { Link } from '../../routing/link.tsx'
import { navigate } from '../../routing/navigation.ts'
import { useServices, useSession } from '../../services.tsx'

// R5: the diary entry, the form used most in the field. Big targets, one column, quick times,
// and a draft kept in IndexedDB on every keystroke so nothing half-typed is ever lost.

const diarySpec: StepSpec = {
  id: 'diaryEntryRecorded',
  eventType: 'diaryEntryRecorded',
  label: 'Diary entry',
  rule: 'R5',
  fields: [
    { name: 'happenedAt', label: 'When it happened', kind: 'datetime' },
    { name: 'location', label: 'Where', kind: 'text' },
    { name: 'who', label: 'Who was involved', kind: 'text' },
    { name: 'what', label: 'What happened', kind: 'textarea' },
    { name: 'impact', label: 'How it affected the complainant', kind: 'textarea', hint: 'Required: the impact is what makes the picture (R5).' },
    { name: 'recordsAsb', label: 'This entry records anti-social behaviour', kind: 'checkbox' },
  ],
}

const draftKey = (matterId: string) => `diary:${matterId}`

function shift(nowLocal: string, hours: number): string {
  const d = new Date(nowLocal)
  d.setHours(d.getHours() - hours)
  return localNow(d.toISOString())
}

export default function DiaryEntryScreen({ matterId }: { matterId: string }) {
  const { db } = useServices()
  const row = useLiveQuery(() => matterRow(db, matterId), [db, matterId])
  const draft = useLiveQuery(async () => ({ value: await readDraft<FormValues>(db, draftKey(matterId)) }), [db, matterId])
  if (row === undefined && draft === undefined) return <p aria-busy="true">Opening…</p>
  if (!row) return <p>This matter is not on this device.</p>
  if (!draft) return <p aria-busy="true">Opening…</p>
  return <DiaryForm row={row} initial={draft.value} />
}

function DiaryForm({ row, initial }: { row: MatterRow; initial: FormValues | null }) {
  const { state } = row
  const services = useServices()
  const session = useSession()
  const idPrefix = useId()
  const nowLocal = localNow(services.now())
  const form = useForm<FormValues>({
    resolver: stepResolver(diarySpec, () => ''),
    defaultValues: initial ?? { happenedAt: nowLocal, location: state.location.address, who: '', what: '', impact: '', recordsAsb: true },
  })
  const values = useWatch({ control: form.control }) as FormValues
  const [refusal, setRefusal] = useState<string | null>(null)
  const [attachments, setAttachments] = useState<Attachment[]>([])
  const [draftSaved, setDraftSaved] = useState(Boolean(initial))
  useMarkDirty(`diary:${state.id}`, form.formState.isDirty)

  // Keep the draft as the officer types; a reload or crash restores it.
  // While saving, no draft write may start: it could land after the draft is cleared.
  // `saving` is a ref, not state: a re-render (and the repaint it brings) between the tap and the
  // transaction would delay the store's callbacks; the save takes a few frames at most.
  const { isDirty } = form.formState
  const saving = useRef(false)
  const [recorded, setRecorded] = useState(false)
  useEffect(() => {
    if (!isDirty || recorded) return
    const timer = setTimeout(() => {
      if (saving.current) return
      void saveDraft(services.db, draftKey(state.id), values, services.now()).then(() => setDraftSaved(true))
    }, 250)
    return () => clearTimeout(timer)
  }, [values, isDirty, recorded, services, state.id])

  const ctx: FormContext = { state, events: [], today: nowLocal.slice(0, 10), nowLocal }
  const record = async (vals: FormValues, payload: FormValues) => {
    let result: Awaited<ReturnType<typeof recordStep>>
    try {
      // With the row drawn here: one round trip to the store when the matter has not changed since.
      const files = attachments.map((a) => a.captured)
      result = await recordStep(services.db, session, { matterId: state.id, type: 'diaryEntryRecorded', payload, files }, services.now(), row)
    } catch {
      // Not a rule, not a full device: the store failed. Nothing was written; the form (and its
      // draft) still holds what was typed, and Save can be pressed again.
      saving.current = false
      return setRefusal('This entry could not be saved on this device. What you typed is still here: try Save again, or reload the app.')
    }
    if (!result.ok) {
      saving.current = false
      return setRefusal(result.refusal.message)
    }
    setRecorded(true)
    await clearDraft(services.db, draftKey(state.id))
    form.reset(vals)
    navigate({ name: 'matter', matterId: state.id })
  }
  // The entry is checked against the domain's schema here, in the submit itself, so a valid one
  // starts its IndexedDB transaction at once, while the screen redraws: the officer's tap to
  // "saved" is the store's time, not a render's first (issue 5: ≤ 20 ms). An invalid one goes
  // through the form's own validation, which shows each error beside its field.
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (saving.current) return
    const vals = form.getValues()
    const payload = { ...toPayload(diarySpec, vals, () => newId(services.now())), ...attachmentsPayload(attachments) }
    if (!payloadSchemas.diaryEntryRecorded.safeParse(payload).success) {
      void form.handleSubmit(() => undefined)()
      return
    }
    saving.current = true
    void record(vals, payload)
  }
  const quickTimes: [string, string][] = [
    ['Just now', nowLocal],
    ['An hour ago', shift(nowLocal, 1)],
    ['Three hours ago', shift(nowLocal, 3)],
    ['Yesterday, same time', shift(nowLocal, 24)],
  ]
  const fields = diarySpec.fields
  return (
    <div className="screen diary">
      <p>
        <Link to={{ name: 'matter', matterId: state.id }} className="back-link">
          ← Back to {state.reference}
        </Link>
      </p>
      <h1>Diary entry</h1>
      <p className="lede">
        {state.reference} · {state.location.address}
      </p>
      <form className="step-form diary-form" aria-label="Diary entry" noValidate onSubmit={submit}>
        {refusal && (
          <p className="alert alert-error" role="alert">
            {refusal}
          </p>
        )}
        {fields[0] && <FieldInput field={fields[0]} form={form} ctx={ctx} idPrefix={idPrefix} />}
        <div className="quick-times" role="group" aria-label="Quick times">
          {quickTimes.map(([label, value]) => (
            <button key={label} type="button" className="button" onClick={() => form.setValue('happenedAt', value, { shouldDirty: true })}>
              {label}
            </button>
          ))}
        </div>
        {fields.slice(1).map((field) => (
          <FieldInput key={field.name} field={field} form={form} ctx={ctx} idPrefix={idPrefix} />
        ))}
        <AttachFiles matterId={state.id} attachments={attachments} onChange={setAttachments} />
        <p className="hint" aria-live="polite">
          {draftSaved ? 'Draft kept on this device.' : ' '}
        </p>
        <div className="form-actions">
          <button type="submit" className="button button-primary button-wide">
            Save diary entry
          </button>
        </div>
      </form>
    </div>
  )
}
