import type { StaffRow } from '../../../db/rows.ts'
import { workingDaysBetween } from '../../../domain/calendar.ts'
import type { Evaluation } from '../../../domain/evaluate.ts'
import type { MatterState } from '../../../domain/matter-state.ts'
import { asbCategoryLabels } from '../../../domain/vocabulary-lists.ts'
import { PhaseBadge, RiskBadge } from '../../components/badges.tsx'
import { dueText } from '../../components/due-list.tsx'
import { officerLabel } from '../../staff/use-staff.ts'

// The matter at a glance: phase, risk, officer, and the next deadline with its working-day count.

type Props = { state: MatterState; evaluation: Evaluation; meId: string; staff: readonly StaffRow[] | undefined }

export function MatterHeader({ state, evaluation, meId, staff }: Props) {
  const { today } = evaluation
  const next = evaluation.dueActions.find((a) => a.forRole === 'officer')
  const closure = evaluation.automaticClosure
  const officer = officerLabel(state.assignedOfficerId, meId, staff)
  return (
    <header className="matter-header">
      <h1>
        {state.reference} <span className="matter-category">{asbCategoryLabels[state.category]}</span>
      </h1>
      <p className="matter-where">
        {state.location.address}
        {state.location.postcode ? `, ${state.location.postcode}` : ''}
      </p>
      <p className="badges">
        <PhaseBadge phase={state.phase} /> <RiskBadge level={state.risk.current?.level ?? 'none'} />{' '}
        <span className="badge">Officer: {officer}</span>
      </p>
      {state.anonymous && (
        <p className="alert alert-info" role="note">
          Anonymous report: contact not possible; no updates can be given.
        </p>
      )}
      {closure && (
        <p className="alert alert-warning">
          {evaluation.automaticClosureDue
            ? `The deadline passed on ${closure.deadline}: this matter closes automatically (${closure.rule}).`
            : `Closes automatically at the end of ${closure.deadline} (${workingDaysBetween(today, closure.deadline)} working days left) unless ${closure.rule === 'R4' ? 'the complainant makes contact' : 'ASB or other evidence is recorded'} (${closure.rule}).`}
        </p>
      )}
      {next && (
        <p className="next-deadline">
          Next: <strong>{next.title}</strong> — {dueText(next.dueOn, today)}
        </p>
      )}
    </header>
  )
}
