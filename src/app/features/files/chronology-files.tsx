import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { fileRows, queuedUploads } from '../../../db/files.ts'
import type { StoredEvent } from '../../../db/rows.ts'
import type { FileRef } from '../../../domain/files.ts'
import { filesOf } from '../../../domain/files.ts'
import { useServices } from '../../services.tsx'
import type { FileContext } from './entry-files.tsx'
import { EntryFiles } from './entry-files.tsx'
import { RemoveFileForm } from './remove-file-form.tsx'

// The files of the chronology's entries: the device's rows for them (state, progress) are read
// once per matter, live, so "Uploading 40%" moves as the bytes go.

export function useMatterFiles(events: readonly StoredEvent[]) {
  const { db } = useServices()
  const shas = useMemo(() => [...new Set(events.flatMap((e) => filesOf(e.payload).map((f) => f.sha256)))].sort(), [events])
  const key = shas.join(',')
  const data = useLiveQuery(async () => {
    const [rows, queue] = await Promise.all([fileRows(db, shas), queuedUploads(db, shas)])
    return { rows: new Map(rows.map((r) => [r.sha256, r])), queue: new Map(queue.map((q) => [q.sha256, q])) }
    // `key` stands for `shas`: the same files, the same query.
  }, [db, key])
  return data ?? { rows: new Map(), queue: new Map() }
}

/** The files an entry has now: its own, as the latest correction of its `files` left them. */
export function currentFiles(entry: StoredEvent, corrections: readonly StoredEvent[] | undefined): { kept: FileRef[]; removed: FileRef[] } {
  const original = filesOf(entry.payload)
  let kept = original
  for (const c of corrections ?? []) {
    if (c.type !== 'entryCorrected') continue
    const files = (c.payload.changes as { files?: unknown }).files
    if (Array.isArray(files)) kept = files as FileRef[]
  }
  const keptShas = new Set(kept.map((f) => f.sha256))
  return { kept, removed: original.filter((f) => !keptShas.has(f.sha256)) }
}

type Props = {
  entry: StoredEvent
  corrections: readonly StoredEvent[] | undefined
  files: Pick<FileContext, 'rows' | 'queue'>
  by: string
  canCorrect: boolean
}

export function ChronologyFiles({ entry, corrections, files, by, canCorrect }: Props) {
  const [removing, setRemoving] = useState<FileRef | null>(null)
  const { kept, removed } = currentFiles(entry, corrections)
  if (kept.length === 0 && removed.length === 0) return null
  const ctx: FileContext = { ...files, entrySynced: entry.seq !== null, by, matterId: entry.matterId }
  return (
    <div className="chronology-files">
      {kept.length > 0 && <EntryFiles files={kept} ctx={ctx} {...(canCorrect ? { onRemove: setRemoving } : {})} />}
      {removing && <RemoveFileForm entry={entry} file={removing} kept={kept} onDone={() => setRemoving(null)} />}
      {removed.length > 0 && (
        <p className="entry-note">Removed by a correction (kept in the history): {removed.map((f) => f.name).join(', ')}.</p>
      )}
    </div>
  )
}
