import { useId, useState } from 'react'
import { newId } from '../../../../db/new-id.ts'
import { recordStep } from '../../../../db/record-event.ts'
import type { MatterState } from '../../../../domain/matter-state.ts'
import { localNow } from '../../../forms/step-form.tsx'
import { useServices, useSession } from '../../../services.tsx'
import { newDiaryToken, tokenHash } from './link-token.ts'
import { ShowDiaryLink } from './show-diary-link.tsx'

// "Issue diary sheets" by private link (R5): the device makes the token, records the event with
// its hash only, and shows the link once to hand over. Works offline: the link works as soon as
// the event reaches the server with the next sync.

type Props = { state: MatterState; onDone: (message: string) => void; onCancel: () => void }

export function IssueDiaryLink({ state, onDone, onCancel }: Props) {
  const { db, now } = useServices()
  const session = useSession()
  const id = useId()
  const today = localNow(now()).slice(0, 10)
  const people = state.parties.filter((p) => p.role === 'complainant' || p.role === 'victim')
  const [partyId, setPartyId] = useState(people[0]?.partyId ?? '')
  const [issuedOn, setIssuedOn] = useState(today)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [token, setToken] = useState<string | null>(null)

  if (token) {
    return <ShowDiaryLink token={token} onDone={() => onDone('Diary sheets issued by private link: saved on this device.')} />
  }

  const issue = async () => {
    setBusy(true)
    setRefusal(null)
    try {
      const made = newDiaryToken()
      const link = { linkId: newId(now()), tokenHash: await tokenHash(made), ...(partyId ? { partyId } : {}) }
      const payload = { issuedOn, method: 'private_link' as const, link }
      const result = await recordStep(db, session, { matterId: state.id, type: 'diarySheetsIssued', payload }, now())
      if (result.ok) setToken(made)
      else setRefusal(result.refusal.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="step-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void issue()
      }}
    >
      <h3 id={`${id}-heading`}>Issue diary sheets by private link</h3>
      <p className="hint">
        The complainant keeps the diary on their own phone, even without signal, and each entry reaches this matter. The
        six weeks of R5 run from the first issue of diary sheets.
      </p>
      {refusal && (
        <p className="alert alert-error" role="alert">
          {refusal}
        </p>
      )}
      {people.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-party`}>For</label>
          <select id={`${id}-party`} value={partyId} onChange={(e) => setPartyId(e.target.value)}>
            {people.map((p) => (
              <option key={p.partyId} value={p.partyId}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-date`}>Date issued</label>
        <input id={`${id}-date`} type="date" value={issuedOn} max={today} onChange={(e) => setIssuedOn(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Making the link…' : 'Make the link'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
