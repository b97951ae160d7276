import { useState } from 'react'
import { recordStep } from '../../../db/record-event.ts'
import type { StaffRow } from '../../../db/rows.ts'
import type { MatterState } from '../../../domain/matter-state.ts'
import { useServices, useSession } from '../../services.tsx'
import { AllocateMatter } from './allocate-matter.tsx'

// Who works the matter (issue 4): an officer takes unassigned work on; a manager allocates any
// open matter. An unassigned matter is the team's; past the enquiry only its officer (and the
// managers) see it, so it must have one first (R5, R6).

type Props = { state: MatterState; staff: readonly StaffRow[] | undefined }

export function AllocationPanel({ state, staff }: Props) {
  const session = useSession()
  const { actor } = session
  const { db, now } = useServices()
  const [saved, setSaved] = useState<string | null>(null)
  const canTakeOn = actor.role === 'officer' && state.assignedOfficerId === null
  const canAllocate = actor.role === 'manager' && staff !== undefined
  if (state.phase === 'closed' || !(canTakeOn || canAllocate || saved)) return null

  const takeOn = async () => {
    const input = { matterId: state.id, type: 'matterAssigned' as const, payload: { officerId: actor.id } }
    const result = await recordStep(db, session, input, now())
    setSaved(result.ok ? 'You have taken this matter on.' : result.refusal.message)
  }

  return (
    <section aria-labelledby="allocation-heading" className="allocation">
      <h2 id="allocation-heading">Allocation</h2>
      {saved && (
        <p className="alert alert-success" role="status">
          {saved}
        </p>
      )}
      {canTakeOn && (
        <p>
          <button type="button" className="button button-primary" onClick={() => void takeOn()}>
            Take this matter on (assign to me)
          </button>
        </p>
      )}
      {canAllocate && <AllocateMatter state={state} staff={staff} onAllocated={setSaved} />}
    </section>
  )
}
