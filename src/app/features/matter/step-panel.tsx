import { useState } from 'react'
import type { StoredEvent } from '../../../db/rows.ts'
import type { MatterState } from '../../../domain/matter-state.ts'
import { Link } from '../../routing/link.tsx'
import { useSession } from '../../services.tsx'
import { StepForm } from '../../forms/step-form.tsx'
import { IssueDiaryLink } from './diary-link/issue-diary-link.tsx'
import { stepsFor } from './steps/step-registry.ts'
import type { StepDefinition } from './steps/step-definition.ts'

// The steps the matter's phase allows now, grouped; choosing one opens its short form in place.

export function StepPanel({ state, events }: { state: MatterState; events: readonly StoredEvent[] }) {
  const { actor } = useSession()
  const [open, setOpen] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const steps = stepsFor(state, actor.role)
  const groups = new Map<StepDefinition['group'], StepDefinition[]>()
  for (const s of steps) groups.set(s.group, [...(groups.get(s.group) ?? []), s])
  const diaryAllowed = state.phase !== 'enquiry' && state.phase !== 'closed'
  const active = steps.find((s) => s.id === open)

  return (
    <section aria-labelledby="steps-heading" className="steps">
      <h2 id="steps-heading">Record a step</h2>
      {saved && (
        <p className="alert alert-success" role="status">
          {saved}
        </p>
      )}
      {diaryAllowed && (
        <p>
          <Link to={{ name: 'diaryEntry', matterId: state.id }} className="button button-primary button-wide">
            Record a diary entry
          </Link>
        </p>
      )}
      {active?.custom === 'diaryLink' ? (
        <IssueDiaryLink
          state={state}
          onDone={(message) => {
            setSaved(message)
            setOpen(null)
          }}
          onCancel={() => setOpen(null)}
        />
      ) : active ? (
        <StepForm
          key={active.id}
          spec={active}
          state={state}
          events={events}
          onDone={(message) => {
            setSaved(message)
            setOpen(null)
          }}
          onCancel={() => setOpen(null)}
        />
      ) : (
        [...groups].map(([group, list]) => (
          <div key={group} className="step-group">
            <h3>{group}</h3>
            <ul className="step-list">
              {list.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setSaved(null)
                      setOpen(s.id)
                    }}
                  >
                    {s.label}
                    {s.rule ? ' ' : null}
                    {s.rule ? <span className="rule">{s.rule}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  )
}
