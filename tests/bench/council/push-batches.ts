import type { DomainEvent } from '../../../src/domain/events.ts'

// The council's history as the pushes that would have sent it: each push is one person's device
// (the server refuses events in another person's name or from another device), at most `max`
// events, in the order they were recorded. An event is held back while an earlier event of the
// same matter by someone else is still unsent, so every matter reaches the server in its own
// order and the server's checks see the history they were made against.

export type PushBatch = { actorId: string; deviceId: string; events: DomainEvent[] }

export async function* pushBatches(
  source: AsyncIterable<DomainEvent> | Iterable<DomainEvent>,
  max = 500,
  window = 20_000,
): AsyncIterable<PushBatch> {
  const it =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()
  let pending: DomainEvent[] = []
  let exhausted = false
  const refill = async () => {
    while (!exhausted && pending.length < window) {
      const next = await it.next()
      if (next.done) exhausted = true
      else pending.push(next.value)
    }
  }
  for (;;) {
    await refill()
    const first = pending[0]
    if (!first) return
    const taken = new Set<DomainEvent>()
    const blocked = new Set<string>()
    for (const e of pending) {
      if (taken.size === max) break
      if (e.actorId === first.actorId && !blocked.has(e.matterId)) taken.add(e)
      else blocked.add(e.matterId)
    }
    pending = pending.filter((e) => !taken.has(e))
    yield { actorId: first.actorId, deviceId: first.deviceId, events: [...taken] }
  }
}
