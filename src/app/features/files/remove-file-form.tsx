import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { recordStep } from '../../../db/record-event.ts'
import type { StoredEvent } from '../../../db/rows.ts'
import type { FileRef } from '../../../domain/files.ts'
import { useServices, useSession } from '../../services.tsx'

// A file attached by mistake is corrected away like any entry's content (DESIGN.md: corrections
// supersede, never delete): an `entryCorrected` whose `files` no longer lists it, with the reason.
// The bytes and the original entry stay, and the history shows both.

type Props = { entry: StoredEvent; file: FileRef; kept: readonly FileRef[]; onDone: () => void }

export function RemoveFileForm({ entry, file, kept, onDone }: Props) {
  const services = useServices()
  const session = useSession()
  const id = useId()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (reason.trim() === '') return setError('Say why the file is removed: the reason stays in the history.')
    const files = kept.filter((f) => f.sha256 !== file.sha256)
    const payload = { targetEventId: entry.id, reason: reason.trim(), changes: { files } }
    const result = await recordStep(services.db, session, { matterId: entry.matterId, type: 'entryCorrected', payload }, services.now())
    if (!result.ok) return setError(result.refusal.message)
    onDone()
  }

  return (
    <form className="step-form remove-file" aria-label={`Remove ${file.name}`} noValidate onSubmit={(e) => void submit(e)}>
      <p>
        Removing <strong>{file.name}</strong> from this entry records a correction. The file itself is kept with the entry’s history.
      </p>
      {error && (
        <p className="alert alert-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>Why is it removed?</label>
        <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} {...(error ? { 'aria-describedby': `${id}-error`, 'aria-invalid': true } : {})} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Remove the file
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
