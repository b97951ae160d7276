import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { openMatters, possibleDuplicates } from '../../../db/queries.ts'
import { newId } from '../../../db/new-id.ts'
import { recordStep } from '../../../db/record-event.ts'
import type { MatterState } from '../../../domain/matter-state.ts'
import { useMarkDirty } from '../../forms/dirty-forms.ts'
import type { FormContext, FormValues } from '../../forms/field-spec.ts'
import { FieldInput } from '../../forms/field-input.tsx'
import { localNow } from '../../forms/step-form.tsx'
import { getPath, stepResolver, toPayload, visibleFields } from '../../forms/to-payload.ts'
import { navigate } from '../../routing/navigation.ts'
import { useServices, useSession } from '../../services.tsx'
import { reportSpec } from './report-spec.ts'

// R1: record a new report. As the address and name are typed, open matters that match are
// offered, so the report can be linked to one instead of keyed twice.

const noMatter = { parties: [] } as unknown as MatterState

export default function NewReportScreen() {
  const services = useServices()
  const session = useSession()
  const idPrefix = useId()
  const nowLocal = localNow(services.now())
  const form = useForm<FormValues>({
    resolver: stepResolver(reportSpec, () => newId(services.now())),
    defaultValues: { channel: 'phone', receivedAt: nowLocal, anonymous: false },
  })
  const [refusal, setRefusal] = useState<string | null>(null)
  const [assignToMe, setAssignToMe] = useState(true)
  const values = useWatch({ control: form.control }) as FormValues
  useMarkDirty('new-report', form.formState.isDirty)
  const matters = useLiveQuery(() => openMatters(services.db), [services.db]) ?? []
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  const address = text(getPath(values, 'location.address'))
  const name = text(getPath(values, 'complainant.name'))
  const postcode = getPath(values, 'location.postcode') as string | undefined
  const duplicates = address.length > 4 || name.length > 2 ? possibleDuplicates(matters, { address, postcode, names: [name] }) : []
  const ctx: FormContext = { state: noMatter, events: [], today: nowLocal.slice(0, 10), nowLocal }

  const save = form.handleSubmit(async (vals) => {
    setRefusal(null)
    const matterId = newId(services.now())
    const payload = toPayload(reportSpec, vals, () => newId(services.now()))
    const result = await recordStep(services.db, session, { matterId, type: 'reportReceived', payload }, services.now())
    if (!result.ok) return setRefusal(result.refusal.message)
    if (assignToMe && session.actor.role !== 'admin') {
      await recordStep(services.db, session, { matterId, type: 'matterAssigned', payload: { officerId: session.actor.id } }, services.now())
    }
    form.reset(undefined, { keepValues: true })
    navigate({ name: 'matter', matterId })
  })

  const linkTo = async (matter: MatterState) => {
    const vals = form.getValues()
    const reporter = vals.channel === 'online_form' && vals.anonymous ? undefined : toPayload(reportSpec, vals, () => newId(services.now())).complainant
    const payload = {
      channel: vals.channel,
      receivedAt: toPayload(reportSpec, vals, () => '').receivedAt,
      description: vals.description,
      ...(reporter ? { reporter } : {}),
    }
    const result = await recordStep(services.db, session, { matterId: matter.id, type: 'reportLinked', payload }, services.now())
    if (!result.ok) return setRefusal(result.refusal.message)
    form.reset(undefined, { keepValues: true })
    navigate({ name: 'matter', matterId: matter.id })
  }

  const anonymous = values.channel === 'online_form' && Boolean(values.anonymous)
  return (
    <div className="screen">
      <h1>New report</h1>
      <form className="step-form" aria-label="New report" noValidate onSubmit={(e) => void save(e)}>
        {(refusal ?? form.formState.errors.root?.form?.message) && (
          <p className="alert alert-error" role="alert">
            {refusal ?? form.formState.errors.root?.form?.message}
          </p>
        )}
        {visibleFields(reportSpec, values).map((field) => (
          <FieldInput key={field.name} field={field} form={form} ctx={ctx} idPrefix={idPrefix} />
        ))}
        {anonymous && (
          <p className="alert alert-info" role="note">
            Anonymous report: contact not possible; no updates can be given.
          </p>
        )}
        {duplicates.length > 0 && (
          <section className="alert alert-warning" aria-labelledby={`${idPrefix}-dup`}>
            <h2 id={`${idPrefix}-dup`}>Possible duplicate</h2>
            <p>These open matters have the same address or a person of the same name. Add this report to one of them instead of keying it twice?</p>
            <ul>
              {duplicates.map((m) => (
                <li key={m.id}>
                  <strong>{m.reference}</strong> · {m.location.address} · {m.description.slice(0, 80)}
                  <button type="button" className="button" onClick={() => void form.handleSubmit(() => linkTo(m))()}>
                    Add to {m.reference}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="field field-checkbox">
          <input id={`${idPrefix}-assign`} type="checkbox" checked={assignToMe} onChange={(e) => setAssignToMe(e.target.checked)} />
          <label htmlFor={`${idPrefix}-assign`}>Assign to me</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Saving…' : 'Save the report'}
          </button>
        </div>
      </form>
    </div>
  )
}
