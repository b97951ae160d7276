import type { ReactNode } from 'react'
import { useState } from 'react'

// A long list shows its first items and a button for the rest: a manager's Today holds the whole
// council's due actions and caseload, and drawing hundreds of rows on a tablet's first screen
// cost a cold start hundreds of milliseconds (issue 5). The count is always in the heading.

export const firstShown = 20

export function CappedList<T>({
  items,
  className,
  what,
  children,
  limit = firstShown,
}: {
  items: readonly T[]
  className: string
  /** What the items are, for the button: "Show all 57 overdue actions". */
  what: string
  children: (item: T) => ReactNode
  limit?: number
}) {
  const [all, setAll] = useState(false)
  const long = items.length > limit
  const shown = all || !long ? items : items.slice(0, limit)
  return (
    <>
      <ul className={className}>{shown.map(children)}</ul>
      {long && (
        <p>
          <button type="button" className="button" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? `Show only the first ${limit}` : `Show all ${items.length} ${what}`}
          </button>
        </p>
      )}
    </>
  )
}
