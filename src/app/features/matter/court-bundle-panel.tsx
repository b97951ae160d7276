import { useState } from 'react'
import type { StaffRow, StoredEvent } from '../../../db/rows.ts'
import { entryTitle, whenText } from '../../../domain/chronology-text.ts'
import { londonDate } from '../../../domain/london-time.ts'
import type { MatterState } from '../../../domain/matter-state.ts'
import { isPrivateToCouncil } from '../../../domain/private-entries.ts'
import { useServices, useSession } from '../../services.tsx'

// "Court bundle" on the matter screen (issue 13): the officer chooses the period and which entries
// private to the council to leave out, and the PDF is made on this device, offline, and saved.

type Status =
  | { kind: 'idle' }
  | { kind: 'making' }
  | { kind: 'done'; fileName: string }
  | { kind: 'failed'; message: string }

function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has started the download by now; the URL is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export function CourtBundlePanel({
  state,
  events,
  staff,
}: {
  state: MatterState
  events: readonly StoredEvent[]
  staff: readonly StaffRow[] | undefined
}) {
  const { now } = useServices()
  const { profile } = useSession()
  const today = londonDate(now())
  const [from, setFrom] = useState(() => londonDate(state.createdAt))
  const [to, setTo] = useState(today)
  const [leaveOut, setLeaveOut] = useState<ReadonlySet<string>>(new Set())
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const privateEntries = events.filter(isPrivateToCouncil)
  const periodError =
    !from || !to
      ? 'Choose both dates.'
      : from > to
        ? 'The start of the period is after its end.'
        : null

  const make = async () => {
    if (periodError) return
    setStatus({ kind: 'making' })
    try {
      const { makeCourtBundle } = await import('../../documents/make-court-bundle.ts')
      const blob = await makeCourtBundle({
        events,
        staff: staff ?? [],
        from,
        to,
        leaveOut: [...leaveOut],
        producedBy: { id: profile.id, name: profile.name, role: profile.role },
        producedAt: now(),
        councilName: 'Casebook',
      })
      const fileName = `court-bundle-${state.reference}-${to}.pdf`
      saveFile(blob, fileName)
      setStatus({ kind: 'done', fileName })
    } catch (error) {
      setStatus({
        kind: 'failed',
        message: error instanceof Error ? error.message : 'The court bundle could not be made.',
      })
    }
  }

  return (
    <section aria-labelledby="court-bundle-heading">
      <h2 id="court-bundle-heading">Court bundle</h2>
      <p className="hint">
        A PDF of the whole chronology for court, made on this device (works offline).
      </p>
      <div className="field">
        <label htmlFor="bundle-from">From</label>
        <input
          id="bundle-from"
          type="date"
          value={from}
          max={today}
          onChange={(e) => setFrom(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="bundle-to">To</label>
        <input
          id="bundle-to"
          type="date"
          value={to}
          max={today}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      {privateEntries.length > 0 && (
        <fieldset className="field field-checkbox">
          <legend>
            Private to the council: leave out (each one is listed in the bundle&apos;s index)
          </legend>
          {privateEntries.map((e) => (
            <label key={e.id}>
              <input
                type="checkbox"
                checked={leaveOut.has(e.id)}
                onChange={(change) => {
                  const next = new Set(leaveOut)
                  if (change.target.checked) next.add(e.id)
                  else next.delete(e.id)
                  setLeaveOut(next)
                }}
              />
              {entryTitle(e)}, {whenText(e.occurredAt)}
            </label>
          ))}
        </fieldset>
      )}
      {periodError && (
        <p className="error" role="alert">
          {periodError}
        </p>
      )}
      <button
        type="button"
        className="button button-primary"
        disabled={status.kind === 'making' || periodError !== null}
        onClick={() => void make()}
      >
        {status.kind === 'making' ? 'Making the court bundle…' : 'Make the court bundle'}
      </button>
      {(status.kind === 'done' || status.kind === 'failed') && (
        <p role="status" className="hint">
          {status.kind === 'done' ? `Saved ${status.fileName}.` : `The court bundle could not be made: ${status.message}`}
        </p>
      )}
    </section>
  )
}
