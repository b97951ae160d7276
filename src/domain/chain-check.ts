import type { ChainRecord } from './event-chain.ts'
import { chainRecordOf, genesisHash, nextLink } from './event-chain.ts'
import { formatUkDate } from './uk-dates.ts'
import { londonDate } from './london-time.ts'

// Does what a device holds of a matter reproduce the chain the server sent (event-chain.ts)?
// Every pulled event carries its link (`hash`), so the head is the link of the last one the
// device has from the server, and the device recomputes every link from the events themselves.
// The court bundle prints the answer: "made from a verified chain" or "not verified: …".

/** An event as a device stores it: `seq` null while it waits to be sent. */
export type ChainedEvent = {
  id: string
  recordedAt: string
  seq: number | null
  receivedAt?: string | undefined
  hash?: string | undefined
} & Record<string, unknown>

export type ChainCheck =
  /** Every stored event reproduces its link; `head` is the last one. */
  | { status: 'verified'; head: string; entries: number; unsent: number }
  /** Nothing to compare against yet: no event from the server, or events from before the chain. */
  | { status: 'unverified'; reason: string; unsent: number }
  /** An event does not reproduce the link the server sent with it. */
  | { status: 'broken'; reason: string; eventId: string; seq: number }

export async function checkChain(events: readonly ChainedEvent[]): Promise<ChainCheck> {
  const sent = events
    .filter((e): e is ChainedEvent & { seq: number } => e.seq !== null)
    .sort((a, b) => a.seq - b.seq)
  const unsent = events.length - sent.length
  if (sent.length === 0)
    return { status: 'unverified', reason: 'nothing on this device has reached the server yet', unsent }
  const withoutLink = sent.filter((e) => e.hash === undefined || e.receivedAt === undefined).length
  if (withoutLink > 0) {
    const entries = withoutLink === 1 ? '1 entry' : `${withoutLink} entries`
    return {
      status: 'unverified',
      reason: `${entries} came to this device without the server's chain (synced before it was kept)`,
      unsent,
    }
  }
  let previous = genesisHash
  for (const [index, event] of sent.entries()) {
    const link = await nextLink(previous, chainRecordOf(event as ChainRecord & { seq: number }))
    if (link !== event.hash) {
      const at = `entry ${index + 1} of ${sent.length}, recorded ${formatUkDate(londonDate(event.recordedAt))}`
      return {
        status: 'broken',
        reason: `${at}, differs from what the server stored, or an entry before it is missing`,
        eventId: event.id,
        seq: event.seq,
      }
    }
    previous = link
  }
  return { status: 'verified', head: previous, entries: sent.length, unsent }
}
