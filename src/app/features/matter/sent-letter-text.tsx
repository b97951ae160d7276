import type { StoredEvent } from '../../../db/rows.ts'
import type { SentLetter } from '../../../domain/letter-sent.ts'

// Issue 13: a step that sent a letter shows "Letter sent: <title>", and the words that went out
// on demand, exactly as they were recorded.

export function SentLetterText({ event }: { event: StoredEvent }) {
  const letter = (event.payload as { letter?: SentLetter }).letter
  if (!letter) return null
  return (
    <details className="entry-letter">
      <summary>Letter sent: {letter.title}</summary>
      <p className="entry-letter-text">{letter.text}</p>
    </details>
  )
}
