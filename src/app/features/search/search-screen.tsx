import { useLiveQuery } from 'dexie-react-hooks'
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react'
import { searchIndex, searchMatters } from '../../../db/queries.ts'
import type { MatterState } from '../../../domain/matter-state.ts'
import { asbCategoryLabels } from '../../../domain/vocabulary-lists.ts'
import { PhaseBadge } from '../../components/badges.tsx'
import { Link } from '../../routing/link.tsx'
import { rememberInAddress } from '../../routing/navigation.ts'
import { useServices } from '../../services.tsx'

// Search across matters, people and addresses, with results as you type. The matter rows are
// read once and filtered in memory: personal fields are not indexed (see src/db/queries.ts).

export default function SearchScreen({ initialQuery }: { initialQuery: string }) {
  const { db } = useServices()
  const [query, setQuery] = useState(initialQuery)
  const deferred = useDeferredValue(query)
  const rows = useLiveQuery(() => db.matters.toArray(), [db])
  // Built when the rows change (a sync, a step recorded), so a keystroke only scans lower-cased text.
  const index = useMemo(() => (rows ? searchIndex(rows) : []), [rows])
  // A keystroke renders twice (the input now, the results deferred): the scan runs once.
  const { hits, total } = useMemo(() => searchMatters(index, deferred), [index, deferred])
  // The query goes into the address (so Back returns to these results) once typing pauses, and
  // without a re-render of the app around the results: on a tablet each cost tens of ms a key.
  useEffect(() => {
    const timer = setTimeout(() => rememberInAddress({ name: 'search', query }), 300)
    return () => clearTimeout(timer)
  }, [query])
  return (
    <div className="screen">
      <h1>Search</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="search-query">Reference, address, postcode or name</label>
          <input
            id="search-query"
            type="search"
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      </form>
      <p aria-live="polite" className="hint">
        {deferred.trim() === ''
          ? 'Type to search.'
          : `${total} ${total === 1 ? 'match' : 'matches'}${total > hits.length ? `; the ${hits.length} most recently active are shown. Type more to narrow them.` : ''}`}
      </p>
      <ul className="matter-list">
        {hits.map(({ matter, matched }) => (
          <SearchResult key={matter.id} matter={matter} matched={matched} />
        ))}
      </ul>
    </div>
  )
}

// Most results stay the same from one keystroke to the next (the same matter object from the
// index, the same field matched): those are not rendered again (issue 5: a keystroke ≤ 50 ms).
const SearchResult = memo(function SearchResult({ matter, matched }: { matter: MatterState; matched: string }) {
  return (
    <li>
      <Link to={{ name: 'matter', matterId: matter.id }} className="matter-link">
        <span className="matter-ref">{matter.reference}</span>
        <span className="matter-where">
          {matter.location.address} · {asbCategoryLabels[matter.category]}
        </span>
        <PhaseBadge phase={matter.phase} />
        {matched && <span className="hint">matched {matched}</span>}
      </Link>
    </li>
  )
})
