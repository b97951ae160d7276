import type { CheckContext } from '../domain/check-event.ts'
import { checkEvent } from '../domain/check-event.ts'
import type { DomainEvent, EventType } from '../domain/events.ts'
import { evolve, evolveOwned } from '../domain/fold.ts'
import type { Actor } from '../domain/guard-context.ts'
import type { MatterState } from '../domain/matter-state.ts'
import type { Refusal } from '../domain/refusal.ts'
import type { CasebookDb } from './database.ts'
import { writeTables } from './database.ts'
import type { CapturedFile } from './files.ts'
import { filesMissingFrom, queueCapturedFiles } from './files.ts'
import { newId } from './new-id.ts'
import type { MatterRow } from './rows.ts'
import { refoldMatter, writeReadRowsOf } from './read-tables.ts'

// The one way a step is recorded on the device. The domain checks it; then ONE transaction
// appends the event, queues it for the server and updates the read tables. If any write fails,
// IndexedDB rolls all of them back: nothing is half-recorded, and the UI says "saved" only
// after the transaction has committed.

export type Session = { actor: Actor; deviceId: string }

export type StepInput = {
  matterId: string
  type: EventType
  payload: unknown
  /** When it happened, if not now (a diary entry from last night). */
  occurredAt?: string
  /**
   * The bytes of the files the payload references, captured on this device: stored and queued
   * for upload in the same transaction as the event (DESIGN.md "Evidence files").
   */
  files?: readonly CapturedFile[]
}

export type RecordResult =
  | { ok: true; event: DomainEvent; state: MatterState }
  | { ok: false; refusal: Refusal }

export async function recordEvent(
  db: CasebookDb,
  session: Session,
  input: StepInput,
  now: string,
): Promise<RecordResult> {
  const proposed = proposedEvent(session, input, now)
  const captured = input.files ?? []
  const tables = captured.length > 0 ? [...writeTables(db), db.files, db.uploadQueue, db.recordingChunks] : writeTables(db)
  return db.transaction('rw', tables, async () => {
    // Everything the step needs is read in one round trip to the store (the matter row, which
    // also names its party and due-action rows), and everything it changes is written in a
    // second: the officer waits for this transaction, and each round trip costs a tablet
    // milliseconds (issue 5).
    const target = correctionTarget(input)
    const [row, found] = await Promise.all([db.matters.get(input.matterId), target ? db.events.get(target) : undefined])
    const state = row?.state ?? null
    const ctx: CheckContext = { state, actor: session.actor, now, findEvent: (id) => (found?.id === id ? found : undefined) }
    const checked = checkEvent(ctx, proposed)
    if (!checked.ok) return checked
    const event = checked.event
    if (captured.length > 0) {
      // An entry never references bytes this device does not have: it could never be sent.
      const missing = await filesMissingFrom(db, event.payload, captured)
      if (missing.length > 0) return { ok: false as const, refusal: missingFilesRefusal }
    }
    // The row was just read from IndexedDB: its state is a copy this call may change.
    const next = evolveOwned(state, event)
    await Promise.all([
      db.events.add({ ...event, seq: null }),
      db.outbox.add({ eventId: event.id, matterId: event.matterId, queuedAt: now, status: 'pending', attempts: 0, refusal: null }),
      next ? writeReadRowsOf(db, [next], now, [row]) : undefined,
      captured.length > 0 ? queueCapturedFiles(db, event, captured, now) : undefined,
    ])
    // A correction changes an earlier entry: fold the matter again, with the new event stored.
    const written = next ?? (await refoldMatter(db, event.matterId, now))
    if (!written) throw new Error(`Recorded ${event.type} but matter ${event.matterId} does not fold`)
    return { ok: true as const, event, state: written }
  })
}

/**
 * `recordEvent` for a screen that holds the matter's row as it was drawn (the diary entry's form):
 * the step is checked and its changes worked out before the transaction, which then reads the
 * stored row and writes, all in one round trip to the store (issue 5: a diary entry committed in
 * ≤ 20 ms). If the stored row is not the one the screen held (a sync changed the matter since it
 * was drawn), that transaction is abandoned with nothing written and the step is recorded the usual
 * way, against the stored row; so is a step the held row refuses, and a correction.
 */
export async function recordEventOnRow(
  db: CasebookDb,
  session: Session,
  input: StepInput,
  now: string,
  held: MatterRow,
): Promise<RecordResult> {
  if (input.type === 'entryCorrected' || held.id !== input.matterId || (input.files?.length ?? 0) > 0) {
    return recordEvent(db, session, input, now)
  }
  const checked = checkEvent({ state: held.state, actor: session.actor, now, findEvent: () => undefined }, proposedEvent(session, input, now))
  if (!checked.ok) return recordEvent(db, session, input, now)
  const event = checked.event
  // `evolve`, not `evolveOwned`: the held row is the screen's, and stays as it was.
  const next = evolve(held.state, event)
  if (!next) return recordEvent(db, session, input, now)
  const moved = new Error('The matter changed since the screen read it')
  try {
    return await db.transaction('rw', writeTables(db), async () => {
      // Requested first, so it reads the row as it was before this step's writes below.
      const stored = db.matters.get(held.id)
      const written = Promise.all([
        db.events.add({ ...event, seq: null }),
        db.outbox.add({ eventId: event.id, matterId: event.matterId, queuedAt: now, status: 'pending', attempts: 0, refusal: null }),
        writeReadRowsOf(db, [next], now, [held]),
      ])
      if (!sameRow(await stored, held)) {
        // Throwing aborts the transaction: the writes already requested are undone.
        written.catch(() => undefined)
        throw moved
      }
      await written
      return { ok: true as const, event, state: next }
    })
  } catch (error) {
    if (error !== moved) throw error
    return recordEvent(db, session, input, now)
  }
}

/** The same matter state and the same read rows: what a step's writes were worked out from. */
function sameRow(stored: MatterRow | undefined, held: MatterRow): boolean {
  return stored !== undefined && JSON.stringify([stored.state, stored.readRows]) === JSON.stringify([held.state, held.readRows])
}

function proposedEvent(session: Session, input: StepInput, now: string) {
  return {
    id: newId(now),
    matterId: input.matterId,
    type: input.type,
    payload: input.payload,
    actorId: session.actor.id,
    deviceId: session.deviceId,
    occurredAt: input.occurredAt ?? now,
    recordedAt: now,
  }
}

const missingFilesRefusal: Refusal = {
  code: 'file_missing',
  message: 'A file attached to this entry is no longer on this device. Remove it and attach it again, then save.',
}

function correctionTarget(input: StepInput): string | undefined {
  if (input.type !== 'entryCorrected' || typeof input.payload !== 'object' || input.payload === null) return undefined
  const target = (input.payload as { targetEventId?: unknown }).targetEventId
  return typeof target === 'string' ? target : undefined
}

function isQuotaError(error: unknown): boolean {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map((e) => (e as { name?: unknown } | null)?.name)
  return names.includes('QuotaExceededError')
}

/**
 * What the screens call: `recordEvent`, with a full device turned into a refusal the officer can
 * act on. Nothing was written (the transaction rolled back) and the form keeps what was typed.
 * Any other storage failure is a bug or a broken device and is rethrown, never swallowed.
 */
export async function recordStep(
  db: CasebookDb,
  session: Session,
  input: StepInput,
  now: string,
  /** The matter's row as the screen drew it, when it has one: see `recordEventOnRow`. */
  held?: MatterRow,
): Promise<RecordResult> {
  try {
    return await (held ? recordEventOnRow(db, session, input, now, held) : recordEvent(db, session, input, now))
  } catch (error) {
    if (!isQuotaError(error)) throw error
    return {
      ok: false,
      refusal: {
        code: 'storage_full',
        message:
          'This device has run out of storage space, so this entry was not saved. What you typed is still here: free some space (photos, other apps), then save again.',
      },
    }
  }
}
