import type { Sql } from '../storage/storage.ts'

// Every matter's audience changes (migrations/003), held in memory so that a filtered pull need
// not aggregate the whole table on every page. On PGlite that aggregate was most of an officer's
// page (issue 5): ten thousand rows grouped per page, while the table only ever grows at its end.
//
// The index can be caught up by seq alone because audience_changes is append-only and written in
// seq order: a change is stored in the transaction that stamps its seq and moves the seq counter,
// and writers take turns on that counter (event-log.ts). So in any snapshot that reads the counter
// as N, every change up to N is there and none after it, and one read of `seq > held AND seq <= N`
// brings the index to N. Pulls whose snapshots are older than the index ignore what it holds
// beyond their own N.

// Tokens are numbered as they are met: a page compares numbers, not strings, thousands of times.
type Change = { seq: number; before: readonly number[]; after: readonly number[] }

type ChangeRow = {
  matter_id: string
  seq: number | string
  audience_before: string[]
  audience_after: string[]
}

/** A matter whose events a viewer is sent, and from where (see pull-events.ts). */
export type SentMatter = {
  matterId: string
  /** The change that made it the viewer's, when they see it now; null when they no longer do. */
  grantSeq: number | null
  /** Its first event (its report, always a change): nothing of it lies before. */
  firstSeq: number
}

function meets(audience: readonly number[], tokens: readonly number[]): boolean {
  for (const token of audience) if (tokens.includes(token)) return true
  return false
}

export class AudienceIndex {
  private heldUpTo = 0
  private readonly byMatter = new Map<string, Change[]>()
  private readonly tokenNumbers = new Map<string, number>()

  private numbers(tokens: readonly string[]): number[] {
    return tokens.map((token) => {
      let n = this.tokenNumbers.get(token)
      if (n === undefined) {
        n = this.tokenNumbers.size
        this.tokenNumbers.set(token, n)
      }
      return n
    })
  }

  /** A read of changes in flight, and how far it reads. */
  private reading: { upTo: number; done: Promise<void> } | undefined

  /**
   * Brings the index up to `upTo` (a snapshot where the counter is `upTo`). A read already in
   * flight that reaches as far is waited for, not repeated: every change up to it is committed in
   * any snapshot that sees the counter there. After a restart, fifty devices' first pulls on
   * PostgreSQL (one connection each) would otherwise each read the whole table at once.
   */
  async catchUp(sql: Sql, upTo: number): Promise<void> {
    if (upTo <= this.heldUpTo) return
    if (this.reading && this.reading.upTo >= upTo) return this.reading.done
    const done = this.read(sql, upTo)
    this.reading = { upTo, done }
    try {
      await done
    } finally {
      if (this.reading?.done === done) this.reading = undefined
    }
  }

  private async read(sql: Sql, upTo: number): Promise<void> {
    const rows = await sql.query<ChangeRow>(
      `SELECT matter_id, seq, audience_before, audience_after FROM audience_changes
        WHERE seq > $1 AND seq <= $2 ORDER BY seq`,
      [this.heldUpTo, upTo],
    )
    // On PostgreSQL pulls run side by side: another may have caught up while this one read.
    for (const row of rows) {
      const seq = Number(row.seq)
      if (seq <= this.heldUpTo) continue
      const change = {
        seq,
        before: this.numbers(row.audience_before),
        after: this.numbers(row.audience_after),
      }
      const changes = this.byMatter.get(row.matter_id)
      if (changes) changes.push(change)
      else this.byMatter.set(row.matter_id, [change])
    }
    this.heldUpTo = Math.max(this.heldUpTo, upTo)
  }

  /**
   * The matters whose events after `after` a viewer holding `tokens` is sent, as of seq `upTo`:
   * those they see now, from their grant (the last change before which they could not see it),
   * and those they saw at the cursor (the first change after it had them in the audience before).
   * `among`: only these matters (an incremental pull's window touches a few of thousands).
   */
  sent(
    viewerTokens: readonly string[],
    after: number,
    upTo: number,
    among?: Iterable<string>,
  ): SentMatter[] {
    const tokens = this.numbers(viewerTokens)
    const sent: SentMatter[] = []
    const consider = (matterId: string, changes: readonly Change[]) => {
      const first = changes[0]
      if (!first || first.seq > upTo) return
      let grantSeq: number | null = null
      let visibleNow = false
      let visibleAtCursor: boolean | undefined
      for (const change of changes) {
        if (change.seq > upTo) break
        const before = meets(change.before, tokens)
        if (!before) grantSeq = change.seq
        visibleNow = meets(change.after, tokens)
        if (visibleAtCursor === undefined && change.seq > after) visibleAtCursor = before
      }
      if (visibleNow || visibleAtCursor)
        sent.push({ matterId, grantSeq: visibleNow ? grantSeq : null, firstSeq: first.seq })
    }
    if (among === undefined) {
      for (const [matterId, changes] of this.byMatter) consider(matterId, changes)
    } else {
      for (const matterId of among) {
        const changes = this.byMatter.get(matterId)
        if (changes) consider(matterId, changes)
      }
    }
    return sent
  }
}
