import { afterEach, describe, expect, it } from 'vitest'
import type { CasebookDb } from '../../src/db/database.ts'
import { recordEvent } from '../../src/db/record-event.ts'
import { freshDb, newMatterId, officer, phoneReport, recordOk } from './db-fixtures.ts'

let db: CasebookDb
afterEach(async () => {
  await db.delete()
})

describe('recording a step on the device', () => {
  it('appends the event, queues it for the server and updates the read tables in one go', async () => {
    db = freshDb()
    const matterId = newMatterId()
    const { event, state } = await recordOk(db, phoneReport(matterId), '2026-11-02T09:05:00.000Z')

    expect(await db.events.get(event.id)).toMatchObject({ id: event.id, type: 'reportReceived', seq: null })
    expect(await db.outbox.get(event.id)).toMatchObject({ status: 'pending', matterId })
    const row = await db.matters.get(matterId)
    expect(row).toMatchObject({ phase: 'enquiry', reference: state.reference, assignedOfficerId: '' })
    expect(await db.parties.where('matterId').equals(matterId).count()).toBe(1)
  })

  it('R4: three failed calls put "send a letter" on the device\'s due actions, indexed by date', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-02T09:05:00.000Z')
    for (const day of ['03', '04', '05']) {
      await recordOk(db, { matterId, type: 'contactAttempted', payload: { method: 'phone', outcome: 'no_answer' } }, `2026-11-${day}T10:00:00.000Z`)
    }
    const due = await db.dueActions.where('dueOn').belowOrEqual('2026-11-05').toArray()
    expect(due.map((d) => [d.kind, d.dueOn, d.rule])).toEqual([['send_contact_letter', '2026-11-05', 'R4']])
    expect((await db.matters.get(matterId))?.nextDueOn).toBe('2026-11-05')
  })

  it('R4: the letter sent takes "send a letter" off the due actions, and the next due date with it', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-02T09:05:00.000Z')
    for (const day of ['03', '04', '05']) {
      await recordOk(db, { matterId, type: 'contactAttempted', payload: { method: 'phone', outcome: 'no_answer' } }, `2026-11-${day}T10:00:00.000Z`)
    }
    await recordOk(db, { matterId, type: 'contactLetterSent', payload: { method: 'letter', sentOn: '2026-11-05' } }, '2026-11-05T11:00:00.000Z')

    const due = await db.dueActions.where('matterId').equals(matterId).toArray()
    expect(due.map((d) => d.kind)).not.toContain('send_contact_letter')
    expect((await db.matters.get(matterId))?.readRows?.dueActions.sort()).toEqual(due.map((d) => d.id).sort())
  })

  it('replaces the due actions of a matter row stored before rows named their due actions', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-02T09:05:00.000Z')
    // As an older version of the app left it: no `readRows`, and a due row this version would not write.
    const { readRows: _ids, ...older } = (await db.matters.get(matterId))!
    await db.matters.put(older)
    await db.dueActions.put({ id: `${matterId}|retired-rule`, matterId, key: 'retired-rule', kind: 'send_contact_letter', dueOn: '2026-11-01', forRole: 'officer', rule: 'R4', title: 'Retired', reference: older.reference, assignedOfficerId: '' })

    await recordOk(db, { matterId, type: 'contactAttempted', payload: { method: 'phone', outcome: 'no_answer' } }, '2026-11-03T10:00:00.000Z')

    expect(await db.dueActions.get(`${matterId}|retired-rule`)).toBeUndefined()
    // The row names again exactly the due actions and parties now stored for the matter.
    const dueIds = (await db.dueActions.where('matterId').equals(matterId).primaryKeys()).sort()
    const partyIds = (await db.parties.where('matterId').equals(matterId).primaryKeys()).sort()
    expect(partyIds).toHaveLength(1)
    const { readRows } = (await db.matters.get(matterId))!
    expect({ parties: [...readRows!.parties].sort(), dueActions: [...readRows!.dueActions].sort() }).toEqual({ parties: partyIds, dueActions: dueIds })
  })

  it('refuses a step the rules do not allow, with the reason, and writes nothing', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-02T09:05:00.000Z')
    const before = await db.events.count()

    const result = await recordEvent(db, officer, { matterId, type: 'contactLetterSent', payload: { method: 'letter', sentOn: '2026-11-02' } }, '2026-11-02T10:00:00.000Z')

    expect(result).toMatchObject({ ok: false, refusal: { code: 'phone_attempts_required', rule: 'R4' } })
    expect(await db.events.count()).toBe(before)
    expect(await db.outbox.count()).toBe(1)
  })

  it('refuses a malformed step with a clear message and writes nothing', async () => {
    db = freshDb()
    const result = await recordEvent(db, officer, { matterId: 'not-an-id', type: 'reportReceived', payload: { channel: 'fax' } }, '2026-11-02T10:00:00.000Z')
    expect(result.ok).toBe(false)
    expect(await db.events.count()).toBe(0)
  })

  it('leaves nothing half-written when a write fails in the middle of the transaction', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-02T09:05:00.000Z')
    const matterBefore = await db.matters.get(matterId)
    // The due-action write is the last of the transaction: fail it after the event and outbox rows.
    const failDueActions = () => {
      throw new Error('disk full')
    }
    db.dueActions.hook('creating', failDueActions)
    for (const day of ['03', '04']) {
      await recordOk(db, { matterId, type: 'contactAttempted', payload: { method: 'phone', outcome: 'no_answer' } }, `2026-11-${day}T10:00:00.000Z`)
    }
    const matterAfterTwo = await db.matters.get(matterId)

    await expect(
      recordEvent(db, officer, { matterId, type: 'contactAttempted', payload: { method: 'phone', outcome: 'no_answer' } }, '2026-11-05T10:00:00.000Z'),
    ).rejects.toThrow('disk full')

    db.dueActions.hook('creating').unsubscribe(failDueActions)
    expect(await db.events.count()).toBe(3)
    expect(await db.outbox.count()).toBe(3)
    expect((await db.matters.get(matterId))?.state.contact.failedPhoneAttempts).toBe(2)
    expect(await db.matters.get(matterId)).toEqual(matterAfterTwo)
    expect(matterBefore?.state.contact.failedPhoneAttempts).toBe(0)
  })

  it('a correction refolds the matter: the corrected text shows, the original event stays', async () => {
    db = freshDb()
    const matterId = newMatterId()
    const { event } = await recordOk(db, phoneReport(matterId), '2026-11-02T09:05:00.000Z')
    await recordOk(
      db,
      { matterId, type: 'entryCorrected', payload: { targetEventId: event.id, reason: 'Misheard on the phone', changes: { description: 'Loud music every night after 11pm.' } } },
      '2026-11-02T09:30:00.000Z',
    )
    expect((await db.matters.get(matterId))?.state.description).toBe('Loud music every night after 11pm.')
    expect((await db.events.get(event.id))?.payload).toMatchObject({ description: 'Loud music every night after midnight.' })
  })
})
