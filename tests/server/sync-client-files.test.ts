// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { CasebookDb } from '../../src/db/database.ts'
import { openDatabase } from '../../src/db/database.ts'
import { recordEvent } from '../../src/db/record-event.ts'
import type { StepInput } from '../../src/db/record-event.ts'
import { createHttpClient } from '../../src/sync/http-client.ts'
import { createSyncEngine } from '../../src/sync/sync-engine.ts'
import { aFile, putFile } from './support/evidence-files.ts'
import { testDrivers } from './support/test-databases.ts'
import { people, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// DESIGN.md "Evidence files": a missing file is a retryable answer. The tablet keeps the entry
// pending (not refused), says which files the server wants, and sends the entry once they are up.

const opened: CasebookDb[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()))
})

describe.each(testDrivers)('the sync engine and missing files on $name', (driver) => {
  const { storage } = useDatabase(driver)

  it('keeps an entry whose file is not on the server pending, sends the rest, and sends it after the upload', async () => {
    const server = testServer(storage())
    const db = openDatabase(`sync-files-${Math.random().toString(36).slice(2)}`)
    opened.push(db)
    const http = createHttpClient((input, init) =>
      Promise.resolve(
        server.app.request(input instanceof Request ? input : input.toString(), init),
      ),
    )
    const token = await server.signIn('officer1')
    const wanted: string[][] = []
    const engine = createSyncEngine({
      db,
      http,
      deviceId: 'tablet-1',
      token: () => token,
      now: () => server.clock.now.toISOString(),
      yieldToUi: () => Promise.resolve(),
      onMissingFiles: (sha256s) => wanted.push(sha256s),
    })
    const session = {
      actor: { id: people.officer1.id, role: 'officer' as const },
      deviceId: 'tablet-1',
    }
    const record = async (input: StepInput) => {
      const result = await recordEvent(db, session, input, server.clock.now.toISOString())
      if (!result.ok) throw new Error(result.refusal.message)
      return result.event
    }

    const matterId = crypto.randomUUID()
    const photo = aFile()
    await record({
      matterId,
      type: 'reportReceived',
      payload: {
        channel: 'phone',
        receivedAt: '2026-11-25T09:00:00.000Z',
        location: { address: '14 Fleet Road, Fleet' },
        category: 'noise',
        description: 'Loud music every night.',
        anonymous: false,
        complainant: {
          partyId: crypto.randomUUID(),
          name: 'Ann Example',
          contact: { phone: '01252 000000' },
        },
      },
    })
    const evidence = await record({
      matterId,
      type: 'evidenceAdded',
      payload: {
        evidenceId: crypto.randomUUID(),
        kind: 'photo',
        description: 'The fence panel kicked in overnight.',
        source: 'Taken on the visit',
        obtainedOn: '2026-11-25',
        independent: false,
        files: [photo.ref],
      },
    })

    await engine.syncNow()
    expect(wanted).toEqual([[photo.sha256]])
    const outbox = await db.outbox.toArray()
    expect(outbox.map((r) => [r.eventId, r.status])).toEqual([[evidence.id, 'pending']])
    expect((await db.events.get(evidence.id))?.seq).toBeNull()

    expect((await putFile(server, token, photo)).status).toBe(201)
    expect(await engine.syncNow()).toMatchObject({ state: 'idle', pending: 0 })
    expect(await db.outbox.count()).toBe(0)
    expect((await db.events.get(evidence.id))?.seq).toBe(2)
  })
})
