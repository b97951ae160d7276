import { compareIso } from '../../domain/calendar.ts'
import { fold } from '../../domain/fold.ts'
import type { MatterState } from '../../domain/matter-state.ts'
import { asbCategoryLabels, partyRoleLabels } from '../../domain/vocabulary-lists.ts'
import { personLabel, recordedBy } from '../attribution.ts'
import { createPdfWriter, type PdfWriter } from '../pdf/pdf-writer.ts'
import { ukDate, ukDateTime } from '../uk-dates.ts'
import type { CourtBundleInput, RecordedEvent } from './bundle-input.ts'
import { happenedAt, selectEntries, type EntrySelection } from './bundle-entries.ts'
import { contentLines, whenLines, type LineContext } from './entry-lines.ts'
import { titleOf } from './entry-title.ts'

// DESIGN.md "Tamper evidence and the court bundle": the chronology a solicitor can put before a
// court, from one pure function over the matter's events. Cover sheet, index (with what was left
// out, never silently), every entry in time order attributed by name and role, corrections beside
// what they correct, the evidence list with full SHA-256s, "Page N of M" and the chain head.

export function matterStateOf(events: readonly RecordedEvent[]): MatterState | null {
  const ordered = [...events].sort(
    (a, b) =>
      (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER) ||
      compareIso(a.event.recordedAt, b.event.recordedAt),
  )
  return fold(ordered.map((recorded) => recorded.event))
}

export function chainHeadText(chainHead: string | null | undefined): string {
  return chainHead ? chainHead : 'Not yet on the server (no chain head has been received)'
}

export async function buildCourtBundle(input: CourtBundleInput): Promise<Uint8Array> {
  const state = matterStateOf(input.events)
  const reference = state?.reference ?? 'Matter without a report'
  const selection = selectEntries(input.events, { ...input.period, leaveOut: input.leaveOut ?? [] })
  const context: LineContext = { state, staff: input.staff }
  const writer = await createPdfWriter({
    fonts: input.fonts,
    title: `Court bundle ${reference}`,
    author: input.councilName,
    producedAt: input.producedAt,
    runningHeader: `Court bundle · ${reference} · ${ukDate(input.period.from)} to ${ukDate(input.period.to)}`,
    runningFooter: `${input.councilName} · OFFICIAL-SENSITIVE`,
  })
  coverSheet(writer, input, state, selection)
  index(writer, selection, context)
  entries(writer, selection, context)
  evidence(writer, selection, input.missingFiles ?? [])
  return writer.finish()
}

function coverSheet(
  writer: PdfWriter,
  input: CourtBundleInput,
  state: MatterState | null,
  selection: EntrySelection,
) {
  writer.paragraph(input.councilName, { bold: true, size: 12 })
  writer.heading('Court bundle: chronology of an anti-social behaviour matter', 1)
  const officer = state?.assignedOfficerId ? input.staff[state.assignedOfficerId] : undefined
  const rows: [string, string][] = [
    ['Matter', state?.reference ?? 'No report recorded'],
    [
      'Address',
      state
        ? `${state.location.address}${state.location.postcode ? `, ${state.location.postcode}` : ''}`
        : 'Not known',
    ],
    ['Category', state ? asbCategoryLabels[state.category] : 'Not known'],
    [
      'Officer',
      state?.assignedOfficerId
        ? officer
          ? personLabel(officer)
          : state.assignedOfficerId
        : 'Not assigned',
    ],
    ['Period covered', `${ukDate(input.period.from)} to ${ukDate(input.period.to)}`],
    [
      'Entries',
      `${selection.shown.length} shown, ${selection.leftOut.length} left out (listed in the index)`,
    ],
    ['Produced by', personLabel(input.producedBy)],
    ['Produced at', ukDateTime(input.producedAt)],
  ]
  writer.keyValues(rows)
  // A SHA-256 is 64 characters: on a line of its own it is never broken.
  writer.paragraph('Chain head (SHA-256 of the matter\u2019s record on the server)', {
    bold: true,
    spaceAfter: 1,
  })
  writer.paragraph(chainHeadText(input.chainHead), { size: 9 })
  writer.heading('Parties', 2)
  const parties = state?.parties ?? []
  if (parties.length === 0)
    writer.paragraph(state?.anonymous ? 'The report was made anonymously.' : 'No parties recorded.')
  writer.keyValues(parties.map((party) => [partyRoleLabels[party.role], party.name]))
  writer.heading('How to read this bundle', 3)
  writer.paragraph(
    'Entries are in the order the events happened. Each names who recorded it, when it happened, when it was recorded and when it reached the council\u2019s server. A correction never replaces an entry: it is shown straight after the entry it corrects. The chain head is the SHA-256 fingerprint of the matter\u2019s record on the server when this bundle was made; `npm run verify` on the server recomputes it.',
    { muted: true },
  )
}

function index(writer: PdfWriter, selection: EntrySelection, context: LineContext) {
  writer.pageBreak()
  writer.heading('Index', 2)
  if (selection.shown.length === 0) writer.paragraph('No entries were recorded in this period.')
  for (const entry of selection.shown) {
    const { event } = entry.recorded
    const title =
      entry.corrects === null ? titleOf(event, context) : `Correction of entry ${entry.corrects}`
    writer.paragraph(
      `${entry.number}. ${ukDateTime(happenedAt(event))} \u2014 ${title} \u2014 ${recordedBy(event, context.staff)}`,
      {
        spaceAfter: 1,
      },
    )
  }
  writer.heading('Left out of this bundle', 3)
  if (selection.leftOut.length === 0) writer.paragraph('Nothing was left out.')
  for (const recorded of selection.leftOut) {
    writer.paragraph(
      `${ukDateTime(happenedAt(recorded.event))} \u2014 ${recorded.event.type === 'entryCorrected' ? 'Correction' : 'Entry'} private to the council (${titleOf(recorded.event, context)}), recorded by ${recordedBy(recorded.event, context.staff)}, left out by the officer.`,
      { spaceAfter: 1 },
    )
  }
}

function entries(writer: PdfWriter, selection: EntrySelection, context: LineContext) {
  writer.pageBreak()
  writer.heading('Chronology', 2)
  if (selection.shown.length === 0) writer.paragraph('No entries were recorded in this period.')
  for (const entry of selection.shown) {
    const { event } = entry.recorded
    const indent = entry.corrects === null ? 0 : 18
    const title =
      entry.corrects === null ? titleOf(event, context) : `Correction of entry ${entry.corrects}`
    writer.keepTogether(60)
    writer.paragraph(`Entry ${entry.number}: ${title}`, { bold: true, indent, spaceAfter: 2 })
    writer.keyValues(
      [...whenLines(entry.recorded, context.staff), ...contentLines(event, context)],
      {
        indent,
        labelWidth: 130,
      },
    )
    writer.rule()
  }
}

function evidence(writer: PdfWriter, selection: EntrySelection, missing: readonly string[]) {
  writer.heading('Evidence files', 2)
  if (selection.files.length === 0)
    writer.paragraph('No files are attached to the entries in this bundle.')
  const lost = new Set(missing)
  for (const { file, entry } of selection.files) {
    writer.keepTogether(60)
    writer.keyValues([
      ['File', file.name],
      ['Entry', String(entry)],
      ['Kind and size', `${file.mediaType}, ${file.size.toLocaleString('en-GB')} bytes`],
      ...(lost.has(file.sha256)
        ? ([['Note', 'The file\u2019s bytes were not held where this bundle was made.']] as const)
        : []),
    ])
    // A SHA-256 is 64 characters: on a line of its own it is never broken.
    writer.paragraph(`SHA-256 ${file.sha256}`, { size: 9 })
    writer.rule()
  }
}
