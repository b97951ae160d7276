import type { OutboxRow } from '../../../db/rows.ts'
import { dismissRejection } from '../../../db/server-events.ts'
import { useServices } from '../../services.tsx'
import { entryDetails, entryTitle, whenText } from '../../../domain/chronology-text.ts'

// Entries the server refused (DESIGN.md: "shown to the officer, never silently dropped"): what was
// recorded, the server's reason, and a way to act: record it again correctly, then dismiss.

export function RejectedEntries({ rows }: { rows: readonly OutboxRow[] }) {
  const { db } = useServices()
  const rejected = rows.filter((r) => r.status === 'rejected' && r.event)
  if (rejected.length === 0) return null
  return (
    <section className="alert alert-error" aria-labelledby="rejected-heading">
      <h2 id="rejected-heading">Not accepted by the server ({rejected.length})</h2>
      <p>These entries were saved on this device but the server refused them, so they are not part of the case. Record them again if they still apply, then dismiss them here.</p>
      <ul className="entries">
        {rejected.map((row) => {
          const event = row.event
          if (!event) return null
          return (
            <li key={row.eventId} className="entry">
              <p className="entry-head">
                <strong>{entryTitle(event)}</strong> <span className="entry-when">{whenText(event.occurredAt)}</span>
              </p>
              <p>
                <strong>Reason:</strong> {row.refusal?.message ?? 'No reason given.'}
                {row.refusal?.rule ? ` (${row.refusal.rule})` : ''}
              </p>
              <dl className="entry-details">
                {entryDetails(event).map(([label, value], i) => (
                  <div key={`${label}-${i}`}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              <button type="button" className="button" onClick={() => void dismissRejection(db, row.eventId)}>
                Dismiss
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
