import type { DiaryApi } from './diary-api.ts'
import type { StoredEntry } from './entry-store.ts'
import { entriesFor, markRefused, markSent } from './entry-store.ts'

// Sends what is saved on the phone and not yet with the council, oldest first. Each entry is
// marked sent only once the server has answered that it holds it; sending the same entry again
// after a lost answer is harmless (the server is idempotent by the entry's id).

export type SendSummary = { sent: number; waiting: number; ended: boolean }

export const isWaiting = (e: StoredEntry) => e.sentAt === null && !e.problem

export async function sendUnsent(db: IDBDatabase, token: string, api: DiaryApi): Promise<SendSummary> {
  const waiting = (await entriesFor(db, token)).filter(isWaiting)
  let sent = 0
  let held = 0
  for (const [i, stored] of waiting.entries()) {
    const answer = await api.send(token, stored.entry, stored.files)
    if (answer.kind === 'sent') {
      await markSent(db, stored.id, answer.sentAt)
      sent += 1
    } else if (answer.kind === 'refused') {
      await markRefused(db, stored.id, answer.message)
    } else if (answer.kind === 'retry' && stored.files.length > 0) {
      // Its files could not go yet (a large video on a weak signal, or a server not taking files
      // now): the entries after it, in words only, are not held up behind it.
      held += 1
    } else {
      return { sent, waiting: held + waiting.length - i, ended: answer.kind === 'ended' }
    }
  }
  return { sent, waiting: held, ended: false }
}

/** Entries the server lists as received, whose answer the phone never got: marked sent. */
export async function markListedAsSent(
  db: IDBDatabase,
  token: string,
  listed: readonly { id: string; sentAt: string }[],
): Promise<void> {
  const onServer = new Map(listed.map((e) => [e.id, e.sentAt]))
  for (const stored of await entriesFor(db, token)) {
    const sentAt = onServer.get(stored.id)
    if (sentAt && !stored.sentAt) await markSent(db, stored.id, sentAt)
  }
}
