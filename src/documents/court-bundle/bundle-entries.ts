import { compareIso } from '../../domain/calendar.ts'
import type { DomainEvent } from '../../domain/events.ts'
import type { FileRef } from '../../domain/files.ts'
import { filesOf } from '../../domain/files.ts'
import { londonDate } from '../../domain/london-time.ts'
import { isPrivateToCouncil } from '../../domain/private-entries.ts'
import type { RecordedEvent } from './bundle-input.ts'

// Which entries a court bundle (or a partner pack) shows, in what order and under what number.
// Corrections supersede, never delete: each is shown beside the entry it corrects, whenever it was
// made, so a reader sees the original and what changed. Entries left out are kept in a list of
// their own for the index: an omission is never silent.

export interface ShownEntry {
  /** 1, 2, 3… in the order shown; a correction has its own number, right after what it corrects. */
  readonly number: number
  readonly recorded: RecordedEvent
  /** For a correction: the number of the entry it corrects, when that entry is shown. */
  readonly corrects: number | null
}

export interface EvidenceFile {
  readonly file: FileRef
  /** The number of the first entry the file is attached to. */
  readonly entry: number
}

export interface EntrySelection {
  readonly shown: readonly ShownEntry[]
  readonly leftOut: readonly RecordedEvent[]
  readonly files: readonly EvidenceFile[]
}

/** When what an entry records happened: an incident's or diary entry's own time, else the step's. */
export function happenedAt(event: DomainEvent): string {
  const payload = event.payload as { happenedAt?: unknown }
  return typeof payload.happenedAt === 'string' ? payload.happenedAt : event.occurredAt
}

const inServerOrder = (a: RecordedEvent, b: RecordedEvent) =>
  (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER) ||
  compareIso(a.event.recordedAt, b.event.recordedAt) ||
  compareIso(a.event.id, b.event.id)

const inTimeOrder = (a: RecordedEvent, b: RecordedEvent) =>
  compareIso(happenedAt(a.event), happenedAt(b.event)) || inServerOrder(a, b)

export interface SelectionOptions {
  readonly from: string
  readonly to: string
  /** Entry ids to leave out; only entries private to the council can be (the others stay in). */
  readonly leaveOut?: readonly string[]
  /** Keep only these entries (the partner pack's choice); corrections follow their targets. */
  readonly only?: ReadonlySet<string>
}

export function selectEntries(
  events: readonly RecordedEvent[],
  options: SelectionOptions,
): EntrySelection {
  const inPeriod = (recorded: RecordedEvent) => {
    const day = londonDate(happenedAt(recorded.event))
    return day >= options.from && day <= options.to
  }
  const leaveOut = new Set(options.leaveOut ?? [])
  const omitted = new Set<string>()
  const entries: RecordedEvent[] = []
  const correctionsOf = new Map<string, RecordedEvent[]>()
  const looseCorrections: RecordedEvent[] = []
  for (const recorded of events) {
    const { event } = recorded
    if (event.type === 'entryCorrected') {
      const list = correctionsOf.get(event.payload.targetEventId) ?? []
      list.push(recorded)
      correctionsOf.set(event.payload.targetEventId, list)
      continue
    }
    if (!inPeriod(recorded)) continue
    if (options.only && !options.only.has(event.id)) continue
    if (leaveOut.has(event.id) && isPrivateToCouncil(event)) omitted.add(event.id)
    else entries.push(recorded)
  }
  const shownIds = new Set(entries.map((recorded) => recorded.event.id))
  const leftOut = events.filter((recorded) => omitted.has(recorded.event.id))
  for (const [targetId, corrections] of correctionsOf) {
    if (shownIds.has(targetId)) continue
    // A correction of an entry left out is left out with it: it would show what the entry said.
    if (omitted.has(targetId)) leftOut.push(...corrections)
    else
      looseCorrections.push(
        ...corrections.filter(
          (c) => inPeriod(c) && (!options.only || options.only.has(c.event.id)),
        ),
      )
  }

  const ordered = [...entries, ...looseCorrections].sort(inTimeOrder)
  const shown: ShownEntry[] = []
  const files = new Map<string, EvidenceFile>()
  const show = (recorded: RecordedEvent, corrects: number | null) => {
    const number = shown.length + 1
    shown.push({ number, recorded, corrects })
    for (const file of filesOf(recorded.event.payload)) {
      if (!files.has(file.sha256)) files.set(file.sha256, { file, entry: number })
    }
    return number
  }
  for (const recorded of ordered) {
    const number = show(recorded, null)
    const corrections = [...(correctionsOf.get(recorded.event.id) ?? [])].sort(inServerOrder)
    for (const correction of corrections) show(correction, number)
  }
  return { shown, leftOut: leftOut.sort(inTimeOrder), files: [...files.values()] }
}
