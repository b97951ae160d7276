import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useId, useRef, useState } from 'react'
import type { ChangeEvent } from 'react'
import { clearRecording, unfinishedRecordings } from '../../../db/recordings.ts'
import { acceptedMediaTypes } from '../../../domain/files.ts'
import { whenText } from '../../../domain/chronology-text.ts'
import { useServices } from '../../services.tsx'
import type { Attachment } from './capture-file.ts'
import { captureFile, sizeText } from './capture-file.ts'
import { AudioRecorderPanel } from './audio-recorder-panel.tsx'
import { useAudioRecorder } from './use-audio-recorder.ts'

// "Attach files" on an evidence item, diary entry, contact or incident (issue 12): take a photo or
// a video with the camera, record audio in the app, or pick documents, several at once. Each file
// is checked, hashed and previewed here, and stored with the entry when it is saved (one
// transaction, db/record-event.ts); a refused file says why and nothing of it is kept.

type Props = { matterId: string; attachments: readonly Attachment[]; onChange: (next: Attachment[]) => void }

const documentTypes = [...acceptedMediaTypes, '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.rtf', '.heic'].join(',')

function recordingFile(blob: Blob, startedAt: string): File {
  const ext = blob.type.includes('ogg') ? 'ogg' : blob.type.includes('mp4') ? 'm4a' : 'webm'
  return new File([blob], `Recording ${whenText(startedAt).replace(/:/g, '.')}.${ext}`, { type: blob.type })
}

export function AttachFiles({ matterId, attachments, onChange }: Props) {
  const { db, now } = useServices()
  const id = useId()
  const [keepLocation, setKeepLocation] = useState(false)
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const photoInput = useRef<HTMLInputElement>(null)
  const videoInput = useRef<HTMLInputElement>(null)
  const filesInput = useRef<HTMLInputElement>(null)
  // Recordings left unfinished (the app closed mid-recording): offered back, never lost silently.
  const recorder = useAudioRecorder(db, matterId, now)
  const recovered = useLiveQuery(() => unfinishedRecordings(db, matterId), [db, matterId]) ?? []
  const attachedRecordings = new Set(attachments.map((a) => a.captured.recordingId))
  // What is attached when a capture finishes, which may be after further files were added.
  const latest = useRef(attachments)
  useEffect(() => {
    latest.current = attachments
  }, [attachments])

  async function add(files: (Blob & { name: string })[], extra: { durationSeconds?: number; recordingId?: string } = {}) {
    setBusy(true)
    const results = await Promise.all(files.map((file) => captureFile(file, { keepLocation, now: now(), ...extra })))
    setBusy(false)
    const next = [...latest.current]
    const problems: string[] = []
    for (const r of results) {
      if (!r.ok) problems.push(r.message)
      else if (next.some((a) => a.ref.sha256 === r.attachment.ref.sha256)) problems.push(`“${r.attachment.ref.name}” is already attached.`)
      else next.push(r.attachment)
    }
    setErrors(problems)
    onChange(next)
  }

  function picked(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.target.files ?? [])]
    e.target.value = ''
    if (files.length > 0) void add(files)
  }

  const remove = (sha256: string) => onChange(attachments.filter((a) => a.ref.sha256 !== sha256))
  const offered = recovered.filter((r) => !attachedRecordings.has(r.recordingId) && r.recordingId !== recorder.activeId)

  return (
    <fieldset className="attach-files">
      <legend>Files</legend>
      <p className="hint" id={`${id}-hint`}>
        Photos, videos, audio recordings and documents (PDF, Word, Excel). Kept on this device and sent with the entry.
      </p>
      {errors.map((message) => (
        <p key={message} className="alert alert-error" role="alert">
          {message}
        </p>
      ))}
      {attachments.length > 0 && (
        <ul className="attached-files" aria-label="Attached files">
          {attachments.map((a) => (
            <li key={a.ref.sha256}>
              {a.ref.thumbnail ? <img src={a.ref.thumbnail} alt="" className="file-thumb" /> : null}
              <span>
                {a.ref.name} · {sizeText(a.ref.size)}
                {a.ref.location ? ' · where it was taken kept' : ''}
              </span>
              <button type="button" className="button" onClick={() => remove(a.ref.sha256)} aria-label={`Remove ${a.ref.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {offered.map((r) => (
        <div key={r.recordingId} className="alert alert-warning recovered-recording">
          <p>
            <strong>Recovered recording</strong> started {whenText(r.startedAt)} ({sizeText(r.blob.size)}): the app closed before it was saved.
          </p>
          <button type="button" className="button" onClick={() => void add([recordingFile(r.blob, r.startedAt)], { recordingId: r.recordingId })}>
            Attach the recovered recording
          </button>{' '}
          <button type="button" className="button" onClick={() => void clearRecording(db, r.recordingId)}>
            Discard it
          </button>
        </div>
      ))}
      <div className="attach-buttons" role="group" aria-describedby={`${id}-hint`} aria-label="Attach files">
        <button type="button" className="button" onClick={() => photoInput.current?.click()}>
          Take a photo
        </button>
        <button type="button" className="button" onClick={() => videoInput.current?.click()}>
          Take a video
        </button>
        <button type="button" className="button" onClick={() => filesInput.current?.click()}>
          Choose files
        </button>
      </div>
      <input ref={photoInput} type="file" accept="image/*" capture="environment" hidden aria-label="Photo from the camera" onChange={picked} />
      <input ref={videoInput} type="file" accept="video/*" capture="environment" hidden aria-label="Video from the camera" onChange={picked} />
      <input ref={filesInput} type="file" accept={documentTypes} multiple hidden aria-label="Files to attach" onChange={picked} />
      <AudioRecorderPanel
        recorder={recorder}
        onRecorded={(r) => void add([recordingFile(r.blob, r.startedAt)], { durationSeconds: r.durationSeconds, recordingId: r.recordingId })}
      />
      <div className="field field-checkbox">
        <input id={`${id}-location`} type="checkbox" checked={keepLocation} onChange={(e) => setKeepLocation(e.target.checked)} />
        <label htmlFor={`${id}-location`}>Keep where a photo was taken (from the photo itself)</label>
      </div>
      {busy && (
        <p className="hint" role="status">
          Preparing the files…
        </p>
      )}
    </fieldset>
  )
}
