import { Suspense, useEffect, useState } from 'react'
import type { SentLetter } from '../../../domain/letter-sent.ts'
import type { MatterState } from '../../../domain/matter-state.ts'
import type { FormValues } from '../../forms/field-spec.ts'
import { screen } from '../../routing/screen-loader.ts'

// "Write the letter" inside a step that sends one (issue 13). The writer and the templates are
// their own chunk, fetched when the step opens (precached by the service worker like every
// screen's chunk, so it works offline) and never on the first screen's path.

// Loaded like a screen (screen-loader.ts): once the chunk is here, the writer draws at once
// instead of suspending for a frame first, so the letter appears as soon as it is asked for.
const writer = screen(() => import('./letter-writer.tsx'))
const LetterWriter = writer.Component

type Props = {
  stepId: string
  state: MatterState
  values: FormValues
  today: string
  letter: SentLetter | null
  onLetter: (letter: SentLetter | null) => void
}

export function LetterSection({ stepId, state, values, today, letter, onLetter }: Props) {
  const [writing, setWriting] = useState(false)
  // Fetch the writer's chunk while the officer fills the step in, so the preview is there at once.
  useEffect(() => void writer.load().catch(() => undefined), [])

  if (writing) {
    return (
      <Suspense fallback={<p aria-busy="true">Opening the letter…</p>}>
        <LetterWriter
          stepId={stepId}
          state={state}
          values={values}
          today={today}
          start={letter}
          onUse={(l) => {
            onLetter(l)
            setWriting(false)
          }}
          onCancel={() => setWriting(false)}
        />
      </Suspense>
    )
  }
  return (
    <section className="letter-section" aria-label="Letter">
      {letter ? (
        <>
          <p className="alert alert-info">
            Letter ready: <strong>{letter.title}</strong>. It is kept with this step when you save it.
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setWriting(true)}>
              Change the letter
            </button>
            <button type="button" className="button" onClick={() => onLetter(null)}>
              Remove the letter
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="button" onClick={() => setWriting(true)}>
          Write the letter
        </button>
      )}
    </section>
  )
}
