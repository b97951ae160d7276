import { openDatabase } from '../../src/db/database.ts'
import type { CasebookDb } from '../../src/db/database.ts'
import type { RecordResult, Session, StepInput } from '../../src/db/record-event.ts'
import { recordEvent } from '../../src/db/record-event.ts'

// A fresh device database per test, and a small officer's day to record into it.

let counter = 0
export function freshDb(): CasebookDb {
  counter += 1
  return openDatabase(`casebook-test-${counter}-${Math.random().toString(36).slice(2)}`)
}

export const officer: Session = { actor: { id: 'officer-1', role: 'officer' }, deviceId: 'tablet-1' }

export function newMatterId(): string {
  return crypto.randomUUID()
}

export function phoneReport(matterId: string, receivedAt = '2026-11-02T09:00:00.000Z'): StepInput {
  return {
    matterId,
    type: 'reportReceived',
    payload: {
      channel: 'phone',
      receivedAt,
      location: { address: '14 Fleet Road, Fleet', postcode: 'GU51 3BX' },
      category: 'noise',
      description: 'Loud music every night after midnight.',
      anonymous: false,
      complainant: { partyId: crypto.randomUUID(), name: 'Ann Example', contact: { phone: '01252 000000' } },
    },
  }
}

export async function recordOk(db: CasebookDb, input: StepInput, now: string, session = officer): Promise<RecordResult & { ok: true }> {
  const result = await recordEvent(db, session, input, now)
  if (!result.ok) throw new Error(`Refused ${input.type}: ${result.refusal.message}`)
  return result
}

export async function tableSnapshot(db: CasebookDb) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id))
  return {
    matters: byId(await db.matters.toArray()),
    parties: byId(await db.parties.toArray()),
    dueActions: byId(await db.dueActions.toArray()),
  }
}
