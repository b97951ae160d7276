import type { PushResult } from '../../api/sync-push.ts'
import { checkEvent, checkParsedEvent } from '../../domain/check-event.ts'
import type { DomainEvent } from '../../domain/events.ts'
import { filesOf } from '../../domain/files.ts'
import { evolveOwned, fold } from '../../domain/fold.ts'
import type { Actor } from '../../domain/guard-context.ts'
import type { MatterState } from '../../domain/matter-state.ts'
import type { Refusal } from '../../domain/refusal.ts'
import { genesisHash } from '../../domain/event-chain.ts'
import { isCaseworker } from '../auth/users.ts'
import { buildChainsOf } from '../chain/build-chains.ts'
import { linkAfter, recordOf } from '../chain/chain-links.ts'
import type { FileRefInsert, Uploader } from '../files/file-records.ts'
import { filesHeldFor, insertFileRefs } from '../files/file-records.ts'
import type { LinkChange } from '../diary/diary-link-rows.ts'
import { linkChangeOf, saveLinkChanges } from '../diary/diary-link-rows.ts'
import type { Sql, Storage } from '../storage/storage.ts'
import type { AudienceChange } from './audience-changes.ts'
import { changesAudience, insertAudienceChanges } from './audience-changes.ts'
import type { EventInsert, StoredEvent } from './event-rows.ts'
import { findStoredEvents, insertEvents, matterEvents } from './event-rows.ts'
import { loadStates, saveStates } from './matter-states.ts'
import { sameEvent } from './same-event.ts'
import { syncRefusals } from './sync-refusals.ts'
import { audienceOf, canSee, unassignedEnquiries, viewerTokens } from './visibility.ts'

// The one way an event is stored on the server, whoever proposes it: a device's push, the
// public form, the scheduler, the demo seed. Each event is checked by the domain's `checkEvent`
// against the server's own state of its matter, in the name of the signed-in person.
//
// Everything happens in one transaction that first locks the seq counter's row. That lock is
// what makes seq gap-free and the duplicate check exact: writers take turns, so the next seq is
// the counter plus one, and an event id not found after taking the lock is not stored by anyone
// else before we commit. Accepted events are written a chunk at a time while later ones are still
// being checked, so that on PostgreSQL the database stores one chunk while Node checks the next
// (issue 5: a push was Node's work and then the database's, one after the other). The changes of
// audience, the matters changed and the counter are written at the end. Each accepted event is
// linked into its matter's hash chain as it is appended (domain/event-chain.ts), under the same
// lock, so links follow seq order and the head is saved with the matter. A crash before COMMIT
// loses the whole batch, none of which was acknowledged; the device pushes it again.
//
// Evidence files: an event that references files is accepted only when the server holds each of
// them for this person (files/file-records.ts); otherwise it comes back `missing_files`, and so
// does every later event of its matter in the same batch, which may depend on it (a correction
// of it). The event's references are stored with it, in this transaction.

export type EventLog = {
  /** The matter as this transaction sees it, including events recorded in it so far. */
  state(matterId: string): Promise<MatterState | null>
  /** Loads in two queries what `record` would otherwise look up event by event. */
  preload(events: readonly DomainEvent[]): Promise<void>
  /**
   * `parsed`: the event has just been parsed by `domainEventSchema` (a push request), so the
   * check need not parse it again. Events the server makes itself are always parsed here.
   */
  record(actor: Actor, event: DomainEvent, options?: RecordOptions): Promise<PushResult>
}

export type RecordOptions = {
  deviceId?: string
  parsed?: boolean
  /**
   * Who else's uploads count as the proposer's own for the event's files: a complainant's diary
   * link (the entry's files were uploaded through the same link).
   */
  filesUploadedBy?: readonly Uploader[]
}

const seqCounter = 'event_seq'

/** Accepted events per insert: small enough to overlap checking, large enough to be few statements. */
const writeChunk = 100

function rejected(id: string, reason: Refusal): PushResult {
  return { id, status: 'rejected', reason }
}

export async function withEventLog<T>(
  storage: Storage,
  now: Date,
  fn: (log: EventLog, tx: Sql) => Promise<T>,
): Promise<T> {
  return storage.transaction(async (tx) => {
    const [counter] = await tx.query<{ value: number | string }>(
      'SELECT value FROM counters WHERE name = $1 FOR UPDATE',
      [seqCounter],
    )
    if (!counter) throw new Error('The event_seq counter is missing: run the migrations.')
    const session = new EventLogSession(tx, Number(counter.value), now.toISOString())
    const result = await fn(session, tx)
    await session.flush()
    return result
  })
}

class EventLogSession implements EventLog {
  private readonly tx: Sql
  private seq: number
  private readonly now: string
  private readonly states = new Map<string, MatterState | null>()
  /** Each loaded or changed matter's chain head; a matter not stored yet starts from genesis. */
  private readonly heads = new Map<string, string>()
  private readonly stored = new Map<string, StoredEvent | null>()
  private readonly changed = new Map<string, number>()
  /** Officers already looked up: a push assigns hundreds of matters to a handful of people. */
  private readonly caseworkers = new Map<string, boolean>()
  /** Accepted events not yet sent to the database: they go a chunk at a time. */
  private pending: EventInsert[] = []
  /** Chunks sent and not yet awaited; a failed one fails the transaction at `flush`. */
  private readonly writes: Promise<void>[] = []
  /** The pending events after which someone else can see their matter (pull-events.ts). */
  private pendingChanges: AudienceChange[] = []
  /** Which accepted events reference which files, written at `flush`. */
  private pendingFileRefs: FileRefInsert[] = []
  /** Matters with an event of this batch waiting for its files: their later events wait too. */
  private readonly waiting = new Map<string, string[]>()
  /** Private diary links issued or revoked by the accepted events, in their order. */
  private linkChanges: LinkChange[] = []

  constructor(tx: Sql, seq: number, now: string) {
    this.tx = tx
    this.seq = seq
    this.now = now
  }

  async preload(events: readonly DomainEvent[]): Promise<void> {
    const ids = events.map((e) => e.id).filter((id) => !this.stored.has(id))
    const found = await findStoredEvents(this.tx, ids)
    for (const id of ids) this.stored.set(id, found.get(id) ?? null)
    const matterIds = [...new Set(events.map((e) => e.matterId))].filter(
      (id) => !this.states.has(id),
    )
    await this.loadMatters(matterIds)
  }

  async state(matterId: string): Promise<MatterState | null> {
    if (!this.states.has(matterId)) await this.loadMatters([matterId])
    return this.states.get(matterId) ?? null
  }

  private async loadMatters(ids: readonly string[]): Promise<void> {
    const stored = await loadStates(this.tx, ids)
    const unchained: string[] = []
    for (const id of ids) {
      const matter = stored.get(id)
      this.states.set(id, matter?.state ?? null)
      if (matter?.chainHead) this.heads.set(id, matter.chainHead)
      else if (matter) unchained.push(id)
    }
    // Stored before the chain and not yet built by the start-up step (another server may be
    // building it now): built here, under the seq lock this transaction holds.
    for (const [id, head] of await buildChainsOf(this.tx, unchained)) this.heads.set(id, head)
  }

  private async storedEvent(id: string): Promise<StoredEvent | null> {
    if (!this.stored.has(id))
      this.stored.set(id, (await findStoredEvents(this.tx, [id])).get(id) ?? null)
    return this.stored.get(id) ?? null
  }

  async record(actor: Actor, event: DomainEvent, options: RecordOptions = {}): Promise<PushResult> {
    const existing = await this.storedEvent(event.id)
    if (existing) {
      return sameEvent(existing.event, event)
        ? { id: event.id, status: 'duplicate', seq: existing.seq }
        : rejected(event.id, syncRefusals.idConflict)
    }
    if (options.deviceId !== undefined && event.deviceId !== options.deviceId) {
      return rejected(event.id, syncRefusals.wrongDevice)
    }
    const waitingFor = this.waiting.get(event.matterId)
    if (waitingFor) return { id: event.id, status: 'missing_files', missing: waitingFor }
    const state = await this.state(event.matterId)
    if (state && !canSee(actor, state) && !(await this.hadItWhen(actor, event)))
      return rejected(event.id, syncRefusals.notVisible)
    if (event.type === 'matterAssigned' && !(await this.isCaseworker(event.payload.officerId))) {
      return rejected(event.id, syncRefusals.unknownOfficer)
    }
    const findEvent = await this.correctionTarget(event)
    const ctx = { state, actor, now: this.now, findEvent }
    const checked = options.parsed ? checkParsedEvent(ctx, event) : checkEvent(ctx, event)
    if (!checked.ok) return rejected(event.id, checked.refusal)
    const missing = await this.missingFiles(actor, checked.event, options.filesUploadedBy)
    if (missing.length > 0) {
      this.waiting.set(event.matterId, missing)
      return { id: event.id, status: 'missing_files', missing }
    }
    return this.append(state, checked.event)
  }

  /** The event's files the server does not hold for `actor`; the rest stay locked until commit. */
  private async missingFiles(
    actor: Actor,
    event: DomainEvent,
    uploaders: readonly Uploader[] = [],
  ): Promise<string[]> {
    const wanted = filesOf(event.payload).map((f) => f.sha256)
    if (wanted.length === 0) return []
    const held = await filesHeldFor(this.tx, { actor, uploaders }, wanted, { lock: true })
    return wanted.filter((sha256) => !held.has(sha256))
  }

  /**
   * A late fact (decisions.md "Access after allocation"): the matter was the actor's own (they
   * created it or it was allocated to them; seeing it in the enquiry pool is not enough) until a
   * change of its audience reached the server, and the event happened before that.
   */
  private async hadItWhen(actor: Actor, event: DomainEvent): Promise<boolean> {
    const viewer = viewerTokens(actor)
    if (viewer === 'all') return false
    const tokens = viewer.filter((t) => t !== unassignedEnquiries)
    if (tokens.length === 0) return false
    const [lost] = await this.tx.query<{ received_at: string | Date }>(
      `SELECT e.received_at FROM audience_changes c JOIN events e ON e.seq = c.seq
        WHERE c.matter_id = $1 AND c.audience_before && $2::text[]
          AND NOT c.audience_after && $2::text[]
        ORDER BY c.seq DESC LIMIT 1`,
      [event.matterId, tokens],
    )
    return lost !== undefined && event.occurredAt < new Date(lost.received_at).toISOString()
  }

  private async isCaseworker(id: string): Promise<boolean> {
    let known = this.caseworkers.get(id)
    if (known === undefined) {
      known = await isCaseworker(this.tx, id)
      this.caseworkers.set(id, known)
    }
    return known
  }

  /** `checkEvent` looks up a corrected entry synchronously, so it is loaded before the check. */
  private async correctionTarget(
    event: DomainEvent,
  ): Promise<(id: string) => DomainEvent | undefined> {
    if (event.type !== 'entryCorrected') return () => undefined
    const target = await this.storedEvent(event.payload.targetEventId)
    return (id) => (target && target.event.id === id ? target.event : undefined)
  }

  private async append(before: MatterState | null, event: DomainEvent): Promise<PushResult> {
    const seq = this.seq + 1
    // Taken first: advancing changes the session's state object itself.
    const audienceBefore = audienceOf(before)
    await this.advance(before, event, seq)
    const hash = linkAfter(
      this.heads.get(event.matterId) ?? genesisHash,
      recordOf(event, seq, this.now),
    )
    this.heads.set(event.matterId, hash)
    this.pending.push({ seq, event, receivedAt: this.now, audienceBefore, hash })
    for (const file of filesOf(event.payload))
      this.pendingFileRefs.push({ sha256: file.sha256, matterId: event.matterId, eventId: event.id })
    if (this.pending.length >= writeChunk) this.writePending()
    const audienceAfter = audienceOf(this.states.get(event.matterId) ?? null)
    if (changesAudience(audienceBefore, audienceAfter))
      this.pendingChanges.push({ matterId: event.matterId, seq, audienceBefore, audienceAfter })
    const linkChange = linkChangeOf(event, this.now)
    if (linkChange) this.linkChanges.push(linkChange)
    this.seq = seq
    this.stored.set(event.id, { seq, event })
    this.changed.set(event.matterId, seq)
    return { id: event.id, status: 'accepted', seq }
  }

  /**
   * Sends the pending events without waiting for them: the transaction's queries run in the order
   * sent, so any later read in this transaction sees them.
   */
  private writePending(): void {
    const rows = this.pending
    if (rows.length === 0) return
    this.pending = []
    // The seq lock makes a conflict impossible; if one ever happens, the insert fails and the
    // transaction rolls back rather than leave a gap or a double.
    const written = insertEvents(this.tx, rows)
    // Awaited in `flush`; until then a failure must not count as unhandled.
    written.catch(() => undefined)
    this.writes.push(written)
  }

  /**
   * The matter after the event: one step applied to the session's own copy (loaded for this
   * transaction, never shared), or a fresh fold when a correction needs it.
   */
  private async advance(
    before: MatterState | null,
    event: DomainEvent,
    seq: number,
  ): Promise<void> {
    let next = evolveOwned(before, event)
    if (!next) {
      // The matter's history: what is stored (with the chunks of this push already sent), then
      // what this push accepted and has not sent (all later in seq order).
      const stored = await matterEvents(this.tx, event.matterId)
      const pending = this.pending.filter((p) => p.event.matterId === event.matterId)
      next = fold([...stored, ...pending].map((s) => s.event).concat(event))
    }
    if (!next)
      throw new Error(`Event ${event.id} (seq ${seq}) was accepted but its matter does not fold.`)
    this.states.set(event.matterId, next)
  }

  /** Writes the events, each changed matter once, and the counter, before the transaction commits. */
  async flush(): Promise<void> {
    this.writePending()
    await Promise.all(this.writes.splice(0))
    await insertAudienceChanges(this.tx, this.pendingChanges)
    this.pendingChanges = []
    await insertFileRefs(this.tx, this.pendingFileRefs)
    this.pendingFileRefs = []
    await saveLinkChanges(this.tx, this.linkChanges.splice(0))
    const writes = [...this.changed].flatMap(([matterId, lastSeq]) => {
      const state = this.states.get(matterId)
      const chainHead = this.heads.get(matterId)
      return state && chainHead ? [{ state, lastSeq, chainHead }] : []
    })
    await saveStates(this.tx, writes)
    this.changed.clear()
    await this.tx.query('UPDATE counters SET value = $1 WHERE name = $2', [this.seq, seqCounter])
  }
}
