import { useState } from 'react'
import type { FormEvent } from 'react'
import { recordStep } from '../../../db/record-event.ts'
import type { StaffRow } from '../../../db/rows.ts'
import type { MatterState } from '../../../domain/matter-state.ts'
import { useServices, useSession } from '../../services.tsx'

// A manager allocates an open matter to an officer (issue 4), from the directory the last sync
// brought, so it works offline. The server sends the officer the whole history at their next sync.

type Props = { state: MatterState; staff: readonly StaffRow[]; onAllocated: (message: string) => void }

export function AllocateMatter({ state, staff, onAllocated }: Props) {
  const session = useSession()
  const { db, now } = useServices()
  const [chosen, setChosen] = useState('')
  const [refusal, setRefusal] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  // Officers first; a manager can hold a matter too, so managers follow, marked as such.
  const choices = [...staff.filter((p) => p.role === 'officer'), ...staff.filter((p) => p.role === 'manager')].filter(
    (p) => p.id !== state.assignedOfficerId,
  )

  if (staff.length === 0) {
    return <p className="hint">The list of officers arrives with the next sync: connect to allocate this matter.</p>
  }

  const allocate = async (event: FormEvent) => {
    event.preventDefault()
    const person = choices.find((p) => p.id === chosen)
    if (!person) return setRefusal('Choose the officer to allocate the matter to.')
    setSaving(true)
    setRefusal(null)
    const input = { matterId: state.id, type: 'matterAssigned' as const, payload: { officerId: person.id } }
    const result = await recordStep(db, session, input, now()).finally(() => setSaving(false))
    if (!result.ok) return setRefusal(result.refusal.message)
    setChosen('')
    onAllocated(`Allocated to ${person.name}.`)
  }

  return (
    <form className="field" aria-label="Allocate to an officer" noValidate onSubmit={(e) => void allocate(e)}>
      {refusal && (
        <p className="alert alert-error" role="alert">
          {refusal}
        </p>
      )}
      <label htmlFor="allocate-officer">Allocate to an officer</label>
      <div className="field-inline">
        <select id="allocate-officer" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">Choose…</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.role === 'manager' ? `${p.name} (manager)` : p.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-primary" disabled={saving}>
          Allocate
        </button>
      </div>
    </form>
  )
}
