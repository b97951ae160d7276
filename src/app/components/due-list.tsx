import type { DueActionRow } from '../../db/rows.ts'
import { workingDaysBetween } from '../../domain/calendar.ts'
import { Link } from '../routing/link.tsx'
import { CappedList } from './capped-list.tsx'

// Due and overdue actions, each linking to its matter. Overdue items say so in words, not only
// in colour (WCAG 1.4.1).

export function dueText(dueOn: string, today: string): string {
  if (dueOn < today) {
    const days = workingDaysBetween(dueOn, today)
    return `Overdue since ${dueOn}${days > 0 ? ` (${days} working day${days === 1 ? '' : 's'})` : ''}`
  }
  if (dueOn === today) return 'Due today'
  const days = workingDaysBetween(today, dueOn)
  return `Due ${dueOn} (in ${days} working day${days === 1 ? '' : 's'})`
}

export function DueList({
  rows,
  today,
  empty,
  what = 'actions',
}: {
  rows: readonly DueActionRow[]
  today: string
  empty: string
  /** What the rows are, for "Show all 57 …" when the list is long. */
  what?: string
}) {
  if (rows.length === 0) return <p className="empty">{empty}</p>
  return (
    <CappedList items={rows} className="due-list" what={what}>
      {(row) => (
        <li key={row.id} className={row.dueOn < today ? 'due overdue' : row.dueOn === today ? 'due today' : 'due'}>
          <Link to={{ name: 'matter', matterId: row.matterId }} className="due-link">
            <span className="due-title">{row.title}</span>
            <span className="due-meta">
              {row.reference} · <span className="due-when">{dueText(row.dueOn, today)}</span> · {row.rule}
            </span>
          </Link>
        </li>
      )}
    </CappedList>
  )
}
