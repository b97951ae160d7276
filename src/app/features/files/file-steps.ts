import type { EventType } from '../../../domain/events.ts'
import type { Attachment } from './capture-file.ts'

// The entries that carry files (the domain's payloads with `files`): evidence, diary entries,
// contacts and incidents.

const fileSteps: ReadonlySet<EventType> = new Set<EventType>(['evidenceAdded', 'diaryEntryRecorded', 'contactMade', 'incidentRecorded'])

export function takesFiles(type: EventType): boolean {
  return fileSteps.has(type)
}

/** The payload's `files`, only when there are any: an entry without files looks as it always did. */
export function attachmentsPayload(attachments: readonly Attachment[]): { files?: Attachment['ref'][] } {
  return attachments.length > 0 ? { files: attachments.map((a) => a.ref) } : {}
}
