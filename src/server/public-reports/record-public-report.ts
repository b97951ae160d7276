import type { PublicReportRequest } from '../../api/public-report.ts'
import type { EventOf } from '../../domain/events.ts'
import type { Actor } from '../../domain/guard-context.ts'
import { newId } from '../new-id.ts'
import type { Storage } from '../storage/storage.ts'
import { withEventLog } from '../sync/event-log.ts'
import { nextPublicReference } from './public-reference.ts'

// The public form's report becomes a new enquiry (R1): a `reportReceived` event on the
// online_form channel, recorded through the same event log and checks as an officer's.

export const publicActor: Actor = { id: 'public', role: 'public' }
export const publicFormDevice = 'public-form'

function reportEvent(
  form: PublicReportRequest,
  reference: string,
  now: Date,
): EventOf<'reportReceived'> {
  const at = now.toISOString()
  return {
    id: newId(now),
    matterId: newId(now),
    type: 'reportReceived',
    actorId: publicActor.id,
    deviceId: publicFormDevice,
    occurredAt: at,
    recordedAt: at,
    payload: {
      reference,
      channel: 'online_form',
      receivedAt: at,
      location: form.location,
      category: form.category,
      description: form.description,
      // R1: an anonymous report keeps no details of the person reporting.
      ...(form.anonymous
        ? { anonymous: true }
        : {
            anonymous: false,
            complainant: {
              partyId: newId(now),
              name: form.name,
              contact: {
                ...(form.phone ? { phone: form.phone } : {}),
                ...(form.email ? { email: form.email } : {}),
              },
            },
          }),
    },
  }
}

export async function recordPublicReport(
  storage: Storage,
  form: PublicReportRequest,
  now: Date,
): Promise<string> {
  return withEventLog(storage, now, async (eventLog, tx) => {
    const reference = await nextPublicReference(tx, now)
    const event = reportEvent(form, reference, now)
    const result = await eventLog.record(publicActor, event)
    // The request schema is made of the domain's own field schemas, so the domain cannot refuse
    // a valid form; if it does, that is a bug, and throwing rolls the reference back too.
    if (result.status !== 'accepted')
      throw new Error(`A public report was not accepted: ${JSON.stringify(result)}`)
    await tx.query(
      'INSERT INTO public_reports (reference, matter_id, received_at) VALUES ($1, $2, $3)',
      [reference, event.matterId, now.toISOString()],
    )
    return reference
  })
}
