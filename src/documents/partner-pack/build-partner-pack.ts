import type { PayloadInput } from '../../domain/events.ts'
import { isPrivateToCouncil } from '../../domain/private-entries.ts'
import { asbCategoryLabels, partyRoleLabels } from '../../domain/vocabulary-lists.ts'
import { phaseLabels } from '../../domain/phases.ts'
import { personLabel, recordedBy } from '../attribution.ts'
import { chainHeadText, matterStateOf } from '../court-bundle/build-court-bundle.ts'
import { happenedAt, selectEntries } from '../court-bundle/bundle-entries.ts'
import { contentLines, type LineContext } from '../court-bundle/entry-lines.ts'
import { titleOf } from '../court-bundle/entry-title.ts'
import { createPdfWriter } from '../pdf/pdf-writer.ts'
import { ukDate, ukDateTime, ukWhen } from '../uk-dates.ts'
import type { PartnerPackInput } from './partner-pack-input.ts'

// Issue 13, the partner case pack: a shorter PDF and a JSON export for the police, a housing
// provider or mediation: summary, parties, risk, the chronology between chosen dates and the chosen
// evidence. Third parties' names and contact details are redacted unless the officer includes them;
// MARAC entries never go (they are shared at MARAC, not by pack). What was shared is returned as
// the `disclosureMade` payload, recorded in the matter when the pack is made.

export interface PartnerPack {
  readonly pdf: Uint8Array
  readonly json: string
  readonly disclosure: PayloadInput<'disclosureMade'>
}

const shownInFull = new Set(['complainant', 'victim'])

export async function buildPartnerPack(input: PartnerPackInput): Promise<PartnerPack> {
  const state = matterStateOf(input.events)
  const included = new Set(input.includeThirdParties)
  const redact = (partyId: string | undefined) => {
    const party = state?.parties.find((p) => p.partyId === partyId)
    return party !== undefined && !shownInFull.has(party.role) && !included.has(party.partyId)
  }
  const context: LineContext = { state, staff: input.staff, redact }
  const privateIds = input.events.filter((r) => isPrivateToCouncil(r.event)).map((r) => r.event.id)
  const selection = selectEntries(input.events, { ...input.period, leaveOut: privateIds })
  const chosen = new Set(input.evidence)
  const files = selection.files.filter(({ file }) => chosen.has(file.sha256))
  const reference = state?.reference ?? 'Matter without a report'
  const parties = (state?.parties ?? []).map((party) => ({
    role: partyRoleLabels[party.role],
    name: redact(party.partyId) ? '[redacted]' : party.name,
    contact: redact(party.partyId) ? undefined : party.contact,
  }))
  const risk = state?.risk.current
  const chronology = selection.shown.map((entry) => ({
    number: entry.number,
    happened: ukWhen(happenedAt(entry.recorded.event)),
    recorded: ukDateTime(entry.recorded.event.recordedAt),
    recordedBy: recordedBy(entry.recorded.event, input.staff),
    title:
      entry.corrects === null
        ? titleOf(entry.recorded.event, context)
        : `Correction of entry ${entry.corrects}`,
    details: contentLines(entry.recorded.event, context).filter(([label]) => label !== 'File'),
  }))
  const summary = {
    reference,
    council: input.councilName,
    address: state
      ? `${state.location.address}${state.location.postcode ? `, ${state.location.postcode}` : ''}`
      : '',
    category: state ? asbCategoryLabels[state.category] : '',
    stage: state ? phaseLabels[state.phase] : '',
    description: state?.description ?? '',
  }
  const riskSummary = risk
    ? { level: risk.level, score: risk.score, assessedOn: ukWhen(risk.at) }
    : null
  const evidence = files.map(({ file, entry }) => ({
    entry,
    name: file.name,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
  }))

  const writer = await createPdfWriter({
    fonts: input.fonts,
    title: `Partner case pack ${reference}`,
    author: input.councilName,
    producedAt: input.producedAt,
    runningHeader: `Partner case pack · ${reference} · for ${input.organisation}`,
    runningFooter: `${input.councilName} · OFFICIAL-SENSITIVE · shared for the purpose stated only`,
  })
  writer.paragraph(input.councilName, { bold: true, size: 12 })
  writer.heading('Partner case pack', 1)
  writer.keyValues([
    ['Matter', reference],
    ['For', `${input.recipient}, ${input.organisation}`],
    ['Purpose', input.purpose],
    ['Period', `${ukDate(input.period.from)} to ${ukDate(input.period.to)}`],
    ['Produced by', personLabel(input.producedBy)],
    ['Produced at', ukDateTime(input.producedAt)],
    ['Chain head', chainHeadText(input.chainHead)],
  ])
  writer.heading('Summary', 2)
  writer.keyValues([
    ['Address', summary.address],
    ['Category', summary.category],
    ['Stage', summary.stage],
    ['Report', summary.description],
  ])
  writer.heading('Parties', 2)
  if (parties.length === 0) writer.paragraph('No parties recorded.')
  writer.keyValues(
    parties.map((p) => [
      p.role,
      [p.name, p.contact?.phone, p.contact?.email, p.contact?.address].filter(Boolean).join(', '),
    ]),
  )
  writer.heading('Risk', 2)
  writer.paragraph(
    riskSummary
      ? `${riskSummary.level} (score ${riskSummary.score}), assessed ${riskSummary.assessedOn}.`
      : 'No risk assessment yet.',
  )
  writer.heading('Chronology', 2)
  if (chronology.length === 0) writer.paragraph('No entries were recorded in this period.')
  for (const entry of chronology) {
    writer.keepTogether(48)
    writer.paragraph(`${entry.number}. ${entry.happened}: ${entry.title}`, {
      bold: true,
      spaceAfter: 1,
    })
    writer.keyValues([['Recorded by', entry.recordedBy], ...entry.details], { labelWidth: 130 })
  }
  writer.heading('Evidence', 2)
  if (evidence.length === 0) writer.paragraph('No evidence files are shared in this pack.')
  for (const file of evidence) {
    writer.paragraph(
      `${file.name} (entry ${file.entry}, ${file.mediaType}, ${file.size.toLocaleString('en-GB')} bytes)`,
      { spaceAfter: 1 },
    )
    writer.paragraph(`SHA-256 ${file.sha256}`, { size: 9 })
  }
  const pdf = await writer.finish()

  const disclosure: PayloadInput<'disclosureMade'> = {
    recipient: input.recipient,
    organisation: input.organisation,
    purpose: input.purpose,
    from: input.period.from,
    to: input.period.to,
    eventIds: selection.shown.map((entry) => entry.recorded.event.id),
    fileHashes: evidence.map((file) => file.sha256),
    includedThirdParties: (state?.parties ?? [])
      .filter((p) => !shownInFull.has(p.role) && included.has(p.partyId))
      .map((p) => p.partyId),
  }
  const json = JSON.stringify(
    {
      pack: 'Casebook partner case pack',
      version: 1,
      producedAt: input.producedAt,
      producedBy: personLabel(input.producedBy),
      sharedWith: {
        recipient: input.recipient,
        organisation: input.organisation,
        purpose: input.purpose,
      },
      period: input.period,
      chainHead: input.chainHead ?? null,
      summary,
      parties,
      risk: riskSummary,
      chronology: chronology.map((entry) => ({
        ...entry,
        details: entry.details.map(([label, value]) => ({ label, value })),
      })),
      evidence,
    },
    null,
    2,
  )
  return { pdf, json, disclosure }
}
