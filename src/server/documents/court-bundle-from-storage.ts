import type { DomainEvent } from '../../domain/events.ts'
import { londonDate } from '../../domain/london-time.ts'
import type {
  CourtBundleInput,
  RecordedEvent,
  StaffMember,
} from '../../documents/court-bundle/bundle-input.ts'
import type { PdfFontBytes } from '../../documents/pdf/pdf-fonts.ts'
import type { Sql } from '../storage/storage.ts'

// `npm run bundle`'s reading of the database: the matter by its reference, its events in the
// server's order with when each was received, everyone who can sign in (by name and role), and the
// chain head once the hash chain keeps one. Everything else is the pure builder's.

export type BundleRequest = {
  reference: string
  from?: string
  to?: string
  fonts: PdfFontBytes
  councilName: string
  producedBy: StaffMember
  now: Date
}

export type BundleSource = { ok: true; input: CourtBundleInput } | { ok: false; message: string }

type EventRow = { seq: number | string; body: DomainEvent | string; received_at: Date | string }

const instant = (value: Date | string) => new Date(value).toISOString()

export async function courtBundleInputFrom(
  sql: Sql,
  request: BundleRequest,
): Promise<BundleSource> {
  const matters = await sql.query<{ id: string }>('SELECT id FROM matters WHERE reference = $1', [
    request.reference.trim(),
  ])
  const matter = matters[0]
  if (!matter) return { ok: false, message: `No matter has the reference ${request.reference}.` }
  const rows = await sql.query<EventRow>(
    'SELECT seq, body, received_at FROM events WHERE matter_id = $1 ORDER BY seq',
    [matter.id],
  )
  const events: RecordedEvent[] = rows.map((row) => ({
    event: typeof row.body === 'string' ? (JSON.parse(row.body) as DomainEvent) : row.body,
    seq: Number(row.seq),
    receivedAt: instant(row.received_at),
  }))
  const users = await sql.query<{ id: string; name: string; role: string }>(
    'SELECT id, name, role FROM users',
  )
  const producedAt = request.now.toISOString()
  const first = events[0]?.event.occurredAt ?? producedAt
  return {
    ok: true,
    input: {
      fonts: request.fonts,
      councilName: request.councilName,
      events,
      staff: Object.fromEntries(users.map((u) => [u.id, { name: u.name, role: u.role }])),
      period: { from: request.from ?? londonDate(first), to: request.to ?? londonDate(producedAt) },
      producedBy: request.producedBy,
      producedAt,
      chainHead: await chainHead(sql, matter.id),
    },
  }
}

/** The matter's hash chain head, once the chain is kept (issue 13, "Tamper evidence"). */
async function chainHead(sql: Sql, matterId: string): Promise<string | null> {
  const column = await sql.query(
    "SELECT 1 FROM information_schema.columns WHERE table_name = 'matters' AND column_name = 'chain_head' AND table_schema = current_schema()",
  )
  if (column.length === 0) return null
  const rows = await sql.query<{ chain_head: string | null }>(
    'SELECT chain_head FROM matters WHERE id = $1',
    [matterId],
  )
  return rows[0]?.chain_head ?? null
}
