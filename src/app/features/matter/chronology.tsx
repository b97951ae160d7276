import { startTransition, useEffect, useMemo, useState } from 'react'
import type { OutboxRow, StoredEvent } from '../../../db/rows.ts'
import { compareIso } from '../../../domain/calendar.ts'
import type { EntryKind } from '../../../domain/chronology-text.ts'
import { entryDetails, entryKinds, entryTitle, kindOfType, whenText } from '../../../domain/chronology-text.ts'
import { linkIdOfActor } from '../../../domain/diary-links.ts'
import { ChronologyFiles, useMatterFiles } from '../files/chronology-files.tsx'
import { SentLetterText } from './sent-letter-text.tsx'

// The action plan as a readable chronology, in the order things happened. Corrected entries show
// the correction beside the original; nothing is hidden or deleted. Entries not yet accepted by the
// server say so; a rejected one says why.

type Props = { events: readonly StoredEvent[]; outbox: readonly OutboxRow[]; meId: string }

// A case worked for years has hundreds of entries. The first ones are drawn with the rest of the
// matter page; the others follow a batch at a time in the next frames, as a non-urgent update, so
// opening a long matter is not held up by entries below the fold (issue 5's benchmarks). Twenty
// fill more than a tablet's screen below the matter's header and steps.
const firstEntries = 20
const laterEntries = 120

function useEntriesDrawn(total: number): number {
  const [drawn, setDrawn] = useState(firstEntries)
  useEffect(() => {
    if (drawn >= total) return
    const timer = setTimeout(() => startTransition(() => setDrawn((n) => n + laterEntries)), 0)
    return () => clearTimeout(timer)
  }, [drawn, total])
  return Math.min(drawn, total)
}

function byWhom(actorId: string, meId: string): string {
  if (actorId === meId) return 'you'
  if (actorId === 'system') return 'Casebook (automatic)'
  if (actorId === 'public') return 'the online form'
  if (linkIdOfActor(actorId)) return 'the complainant, by their private link'
  return 'a colleague'
}

export function Chronology({ events, outbox, meId }: Props) {
  const [kind, setKind] = useState<EntryKind | 'all'>('all')
  // Worked out once per change of entries, not again for each batch of entries drawn.
  const corrections = useMemo(() => {
    const byTarget = new Map<string, StoredEvent[]>()
    for (const e of events) {
      if (e.type === 'entryCorrected') byTarget.set(e.payload.targetEventId, [...(byTarget.get(e.payload.targetEventId) ?? []), e])
    }
    return byTarget
  }, [events])
  const status = useMemo(() => new Map(outbox.map((o) => [o.eventId, o])), [outbox])
  const shown = useMemo(
    () =>
      events
        .filter((e) => kind === 'all' || kindOfType[e.type] === kind)
        .sort((a, b) => compareIso(a.occurredAt, b.occurredAt) || compareIso(a.recordedAt, b.recordedAt)),
    [events, kind],
  )
  const drawn = useEntriesDrawn(shown.length)
  const files = useMatterFiles(events)

  return (
    <section aria-labelledby="chronology-heading" className="chronology">
      <h2 id="chronology-heading">Action plan ({events.length} entries)</h2>
      <div className="field field-inline">
        <label htmlFor="chronology-kind">Show</label>
        <select id="chronology-kind" value={kind} onChange={(e) => setKind(e.target.value as EntryKind | 'all')}>
          <option value="all">All entries</option>
          {Object.entries(entryKinds).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <ol className="entries">
        {shown.slice(0, drawn).map((e) => {
          const pending = status.get(e.id)
          const corrected = corrections.get(e.id)
          const by = byWhom(e.actorId, meId)
          return (
            <li key={e.id} className={`entry entry-${kindOfType[e.type]}${corrected ? ' entry-superseded' : ''}`}>
              <p className="entry-head">
                <strong>{entryTitle(e)}</strong>
                <span className="entry-when">
                  {whenText(e.occurredAt)} · by {by}
                  {e.recordedAt.slice(0, 16) !== e.occurredAt.slice(0, 16) ? ` · recorded ${whenText(e.recordedAt)}` : ''}
                </span>
              </p>
              <dl className="entry-details">
                {entryDetails(e).map(([label, value], i) => (
                  <div key={`${label}-${i}`}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              <SentLetterText event={e} />
              <ChronologyFiles entry={e} corrections={corrected} files={files} by={by} canCorrect={e.type !== 'entryCorrected'} />
              {corrected && <p className="entry-note">Corrected later ({corrected.length}): see the correction entries.</p>}
              {pending?.status === 'pending' && <p className="entry-note">Saved on this device; not yet sent to the server.</p>}
              {pending?.status === 'rejected' && (
                <p className="entry-note entry-rejected" role="alert">
                  Not accepted by the server: {pending.refusal?.message}
                </p>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
