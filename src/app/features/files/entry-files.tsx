import { useState } from 'react'
import type { FileRow, UploadRow } from '../../../db/rows.ts'
import type { FileRef } from '../../../domain/files.ts'
import { fileKindOf } from '../../../domain/files.ts'
import { whenText } from '../../../domain/chronology-text.ts'
import { sizeText } from './capture-file.ts'
import { fileStateText } from './file-state.ts'
import { ImageViewer } from './image-viewer.tsx'
import { useOpenedFile } from './use-opened-file.ts'

// The files of one entry in the chronology: a photo or video as its preview, a recording as a
// player, a document as a row; each with its name, size, when and by whom it was captured, its
// SHA-256 (short, the whole on demand) and where it is. Opening fetches it if this device lacks it.

export type FileContext = {
  rows: ReadonlyMap<string, FileRow>
  queue: ReadonlyMap<string, UploadRow>
  entrySynced: boolean
  by: string
  matterId: string
}

export function EntryFiles({ files, ctx, onRemove }: { files: readonly FileRef[]; ctx: FileContext; onRemove?: (file: FileRef) => void }) {
  return (
    <ul className="entry-files" aria-label="Files">
      {files.map((f) => (
        <EntryFile key={f.sha256} file={f} ctx={ctx} {...(onRemove ? { onRemove } : {})} />
      ))}
    </ul>
  )
}

function EntryFile({ file, ctx, onRemove }: { file: FileRef; ctx: FileContext; onRemove?: (file: FileRef) => void }) {
  const kind = fileKindOf(file.mediaType)
  const { opened, open } = useOpenedFile(file, ctx.matterId)
  const [viewing, setViewing] = useState(false)
  const state = fileStateText(ctx.rows.get(file.sha256), ctx.queue.get(file.sha256), ctx.entrySynced)
  const captured = `${file.capturedAt ? `captured ${whenText(file.capturedAt)}` : 'captured'} by ${ctx.by}`
  const where = file.location ? ` · taken at ${file.location.latitude.toFixed(5)}, ${file.location.longitude.toFixed(5)}` : ''
  const url = opened.state === 'open' ? opened.url : null
  const label = kind === 'image' ? 'View full screen' : kind === 'audio' ? 'Play' : kind === 'video' ? 'Play the video' : 'Open'

  return (
    <li className={`entry-file entry-file-${kind}`}>
      {file.thumbnail && <img className="file-thumb" src={file.thumbnail} alt={`Preview of ${file.name}`} width={96} />}
      <div className="entry-file-text">
        <p className="entry-file-name">
          <strong>{file.name}</strong> · {sizeText(file.size)}
          {file.durationSeconds !== undefined ? ` · ${Math.round(file.durationSeconds)} s` : ''}
        </p>
        <p className="hint">
          {captured}
          {where}
        </p>
        <p className="file-state">{state}</p>
        <details className="file-hash">
          <summary>
            SHA-256 <code>{file.sha256.slice(0, 12)}</code>
          </summary>
          <code className="file-hash-full">{file.sha256}</code>
        </details>
        {url && kind === 'audio' && <audio controls src={url} aria-label={`Recording ${file.name}`} />}
        {url && kind === 'video' && <video controls src={url} aria-label={`Video ${file.name}`} className="file-video" />}
        {url && kind === 'document' && (
          <a className="button" href={url} download={file.name}>
            Save {file.name}
          </a>
        )}
        {opened.state === 'failed' && (
          <p className="alert alert-error" role="alert">
            {opened.message}
          </p>
        )}
        <div className="entry-file-actions">
          {!(url && kind !== 'image') && (
            <button
              type="button"
              className="button"
              aria-label={`${label}: ${file.name}`}
              disabled={opened.state === 'opening'}
              onClick={() => void open().then(() => setViewing(kind === 'image'))}
            >
              {opened.state === 'opening' ? 'Opening…' : label}
            </button>
          )}
          {onRemove && (
            <button type="button" className="button" aria-label={`Remove from the entry: ${file.name}`} onClick={() => onRemove(file)}>
              Remove from the entry
            </button>
          )}
        </div>
      </div>
      {viewing && url && <ImageViewer url={url} name={file.name} caption={`${captured}${where}`} onClose={() => setViewing(false)} />}
    </li>
  )
}
