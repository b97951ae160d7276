import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import type { CasebookDb } from '../../../db/database.ts'
import { dueActionsUpTo, openMatters } from '../../../db/queries.ts'
import type { DueActionRow, MatterRow } from '../../../db/rows.ts'
import { noOfficer } from '../../../db/rows.ts'
import { addCalendarDays, compareIso } from '../../../domain/calendar.ts'
import { londonDate } from '../../../domain/london-time.ts'
import { phases, phaseLabels } from '../../../domain/phases.ts'
import { RiskBadge } from '../../components/badges.tsx'
import { CappedList } from '../../components/capped-list.tsx'
import { DueList } from '../../components/due-list.tsx'
import { startFirstRead, takeFirstRead } from '../../startup/first-read.ts'
import { Link } from '../../routing/link.tsx'
import { useServices, useSession } from '../../services.tsx'

// Today: what is overdue and due first, then the coming week, then the caseload by phase.
// A manager also sees the closure requests waiting for a decision (R16), and the open matters no
// officer has yet, to allocate them.

function mine(row: { assignedOfficerId: string }, me: string): boolean {
  return row.assignedOfficerId === me || row.assignedOfficerId === noOfficer
}

type TodayData = { due: DueActionRow[]; matters: MatterRow[] }

async function readToday(db: CasebookDb, today: string): Promise<TodayData> {
  const [due, matters] = await Promise.all([dueActionsUpTo(db, addCalendarDays(today, 7)), openMatters(db)])
  return { due, matters }
}

/** At start-up, on the Today address: Today's read starts while the app starts (app.tsx). */
export function preload(db: CasebookDb, now: string): Promise<void> {
  const today = londonDate(now)
  return startFirstRead(`today:${today}`, () => readToday(db, today))
}

export default function TodayScreen() {
  const { db, now } = useServices()
  const { actor, profile } = useSession()
  const today = londonDate(now())
  const [first] = useState(() => takeFirstRead<TodayData>(`today:${today}`))
  const data = useLiveQuery(() => readToday(db, today), [db, today], first)
  if (!data) return <p aria-busy="true">Loading today’s work…</p>
  const { due, matters } = data

  const isManager = actor.role === 'manager'
  const forMe = (r: DueActionRow) => r.forRole === 'officer' && (isManager || mine(r, actor.id))
  const overdue = due.filter((r) => forMe(r) && r.dueOn < today)
  const dueToday = due.filter((r) => forMe(r) && r.dueOn === today)
  const comingUp = due.filter((r) => forMe(r) && r.dueOn > today)
  const approvals = due.filter((r) => r.forRole === 'manager')
  const caseload = matters.filter((m) => isManager || mine(m, actor.id))
  const unallocated = matters.filter((m) => m.assignedOfficerId === noOfficer).sort((a, b) => compareIso(a.state.receivedAt, b.state.receivedAt))

  return (
    <div className="screen today">
      <h1>Today</h1>
      <p className="lede">
        {profile.name} · {today}
      </p>
      {isManager && (
        <section aria-labelledby="approvals-heading">
          <h2 id="approvals-heading">Closure requests waiting for you ({approvals.length})</h2>
          <DueList rows={approvals} today={today} empty="No closure requests are waiting." what="closure requests" />
        </section>
      )}
      {isManager && <NotYetAllocated matters={unallocated} />}
      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Overdue ({overdue.length})</h2>
        <DueList rows={overdue} today={today} empty="Nothing is overdue." what="overdue actions" />
      </section>
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">Due today ({dueToday.length})</h2>
        <DueList rows={dueToday} today={today} empty="Nothing else is due today." what="actions due today" />
      </section>
      <section aria-labelledby="week-heading">
        <h2 id="week-heading">Coming up this week ({comingUp.length})</h2>
        <DueList rows={comingUp} today={today} empty="Nothing is due in the next seven days." what="actions due this week" />
      </section>
      <Caseload matters={caseload} />
    </div>
  )
}

/** Open matters with no officer, the longest waiting first: each links to the matter to allocate it. */
function NotYetAllocated({ matters }: { matters: MatterRow[] }) {
  return (
    <section aria-labelledby="unallocated-heading">
      <h2 id="unallocated-heading">Not yet allocated ({matters.length})</h2>
      {matters.length === 0 ? (
        <p className="empty">Every open matter has an officer.</p>
      ) : (
        <CappedList items={matters} className="matter-list" what="matters not yet allocated">
          {(m) => (
            <li key={m.id}>
              <Link to={{ name: 'matter', matterId: m.id }} className="matter-link">
                <span className="matter-ref">{m.reference}</span>
                <span className="matter-where">{m.state.location.address}</span>
                <span className="matter-received">Received {londonDate(m.state.receivedAt)}</span>
              </Link>
            </li>
          )}
        </CappedList>
      )}
    </section>
  )
}

function Caseload({ matters }: { matters: MatterRow[] }) {
  return (
    <section aria-labelledby="caseload-heading">
      <h2 id="caseload-heading">Caseload ({matters.length})</h2>
      {matters.length === 0 && (
        <p className="empty">
          No open matters. <Link to={{ name: 'newReport' }}>Record a new report</Link>.
        </p>
      )}
      {phases
        .filter((p) => p !== 'closed')
        .map((phase) => {
          const inPhase = matters.filter((m) => m.phase === phase).sort((a, b) => compareIso(a.nextDueOn, b.nextDueOn))
          if (inPhase.length === 0) return null
          return (
            <div key={phase} className="phase-group">
              <h3>
                {phaseLabels[phase]} ({inPhase.length})
              </h3>
              <CappedList items={inPhase} className="matter-list" what="matters in this phase">
                {(m) => (
                  <li key={m.id}>
                    <Link to={{ name: 'matter', matterId: m.id }} className="matter-link">
                      <span className="matter-ref">{m.reference}</span>
                      <span className="matter-where">{m.state.location.address}</span>
                      <RiskBadge level={m.riskLevel} />
                    </Link>
                  </li>
                )}
              </CappedList>
            </div>
          )
        })}
    </section>
  )
}
