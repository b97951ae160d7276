// A password check (scrypt, 32 MiB, tens of milliseconds of CPU) is the most expensive thing an
// unauthenticated request can make this server do. Only a few run at once and a few more wait;
// beyond that the request is answered 429 straight away, so a burst of guesses cannot tie up the
// CPU (or the memory) that signed-in officers' syncs need (issue 14).

export type CheckSlotLimit = { concurrent: number; queued: number }

export type CheckSlots = {
  /** A slot, once one is free (the release function), or null when the queue is full. */
  acquire(): Promise<() => void> | null
}

export function checkSlots({ concurrent, queued }: CheckSlotLimit): CheckSlots {
  let running = 0
  const waiting: (() => void)[] = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else running -= 1
  }
  const once = () => {
    let released = false
    return () => {
      if (released) return
      released = true
      release()
    }
  }
  return {
    acquire() {
      if (running < concurrent) {
        running += 1
        return Promise.resolve(once())
      }
      if (waiting.length >= queued) return null
      // The slot passes straight from the one releasing it: `running` stays the same.
      return new Promise((resolve) => waiting.push(() => resolve(once())))
    },
  }
}
