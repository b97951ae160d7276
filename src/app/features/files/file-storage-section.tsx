import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState } from 'react'
import { fileStorageUse, freeFileSpace, setFileBudget } from '../../../db/file-budget.ts'
import { useServices } from '../../services.tsx'
import { sizeText } from './capture-file.ts'

// Settings: the evidence files kept on this device, the budget for copies fetched from the
// server, and a way to free that space. Files not yet uploaded are never freed: said plainly.

const budgets = [100, 250, 500, 1_000, 2_000].map((mb) => mb * 1024 * 1024)

export function FileStorageSection() {
  const { db } = useServices()
  const id = useId()
  const use = useLiveQuery(() => fileStorageUse(db), [db])
  const [freed, setFreed] = useState<string | null>(null)
  if (!use) return <p aria-busy="true">Checking files…</p>
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Evidence files on this device</h2>
      <p>
        {use.count === 0 ? 'No files are kept on this device.' : `${use.count} file${use.count === 1 ? '' : 's'}, ${sizeText(use.used)}`} (up to {sizeText(use.budget)} of files
        opened from the server are kept for offline use).
      </p>
      {use.notUploaded > 0 && <p>{sizeText(use.notUploaded)} not yet on the server: kept until it is sent, whatever the limit.</p>}
      <div className="field field-inline">
        <label htmlFor={`${id}-budget`}>Keep files opened from the server up to</label>
        <select id={`${id}-budget`} value={use.budget} onChange={(e) => void setFileBudget(db, Number(e.target.value))}>
          {[...new Set([...budgets, use.budget])]
            .sort((a, b) => a - b)
            .map((b) => (
              <option key={b} value={b}>
                {sizeText(b)}
              </option>
            ))}
        </select>
      </div>
      <button type="button" className="button" disabled={use.freeable === 0} onClick={() => void freeFileSpace(db).then((n) => setFreed(`Freed ${sizeText(n)}. Those files are fetched again when opened.`))}>
        Free space ({sizeText(use.freeable)} of copies the server holds)
      </button>
      {freed && <p role="status">{freed}</p>}
    </section>
  )
}
