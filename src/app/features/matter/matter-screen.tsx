import { useLiveQuery } from 'dexie-react-hooks'
import { chronologyOf, matterRow, outboxOf } from '../../../db/queries.ts'
import { evaluate } from '../../../domain/evaluate.ts'
import { DueList } from '../../components/due-list.tsx'
import { useServices, useSession } from '../../services.tsx'
import { useStaff } from '../../staff/use-staff.ts'
import { AllocationPanel } from './allocation-panel.tsx'
import { ChainStatus } from './chain-status.tsx'
import { Chronology } from './chronology.tsx'
import { CourtBundlePanel } from './court-bundle-panel.tsx'
import { MatterHeader } from './matter-header.tsx'
import { PeopleList } from './people-list.tsx'
import { RejectedEntries } from './rejected-entries.tsx'
import { StepPanel } from './step-panel.tsx'

// One matter: its header, what is due, recommendations, who works it, the steps allowed now, and
// the chronology.

export default function MatterScreen({ matterId }: { matterId: string }) {
  const { db, now } = useServices()
  const { actor } = useSession()
  // The three reads go to IndexedDB together: one round trip, not three, before the page draws.
  const data = useLiveQuery(async () => {
    const [row, events, outbox] = await Promise.all([matterRow(db, matterId), chronologyOf(db, matterId), outboxOf(db, matterId)])
    return { row, events, outbox }
  }, [db, matterId])
  const staff = useStaff()
  if (!data) return <p aria-busy="true">Opening the matter…</p>
  if (!data.row) {
    return (
      <div className="screen">
        <h1>Matter not found</h1>
        <p>This matter is not on this device. If it was just assigned to you, it arrives with the next sync.</p>
      </div>
    )
  }
  const state = data.row.state
  const evaluation = evaluate(state, now())
  const dueRows = evaluation.dueActions.map(({ status: _s, ...a }) => ({
    ...a,
    id: a.key,
    matterId,
    reference: state.reference,
    assignedOfficerId: state.assignedOfficerId ?? '',
  }))
  return (
    <div className="screen matter">
      <MatterHeader state={state} evaluation={evaluation} meId={actor.id} staff={staff} />
      <ChainStatus events={data.events} />
      <RejectedEntries rows={data.outbox} />
      {state.closure.lastRejection && state.phase !== 'closed' && (
        <p className="alert alert-warning">Closure request rejected by the manager: “{state.closure.lastRejection.comment}”</p>
      )}
      {evaluation.recommendations.map((r) => (
        <div key={r.rule + r.title} className="alert alert-info">
          <strong>
            {r.title} ({r.rule})
          </strong>
          <p>{r.detail}</p>
        </div>
      ))}
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">Due on this matter</h2>
        <DueList rows={dueRows} today={evaluation.today} empty="Nothing is due." />
      </section>
      <PeopleList state={state} />
      <AllocationPanel state={state} staff={staff} />
      <StepPanel state={state} events={data.events} />
      <Chronology events={data.events} outbox={data.outbox} meId={actor.id} />
      <CourtBundlePanel state={state} events={data.events} staff={staff} />
    </div>
  )
}
