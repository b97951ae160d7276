import { useEffect, useState } from 'react'
import type { StoredEvent } from '../../../db/rows.ts'
import type { ChainCheck } from '../../../domain/chain-check.ts'
import { checkChain } from '../../../domain/chain-check.ts'

// Issue 13: whether this device's copy of the matter reproduces the server's tamper-evident chain
// (domain/chain-check.ts). Shown quietly under the header: most of the time it simply says the
// record is verified; the court bundle prints the same answer.

export function ChainStatus({ events }: { events: readonly StoredEvent[] }) {
  const [check, setCheck] = useState<ChainCheck | null>(null)
  useEffect(() => {
    let current = true
    checkChain(events).then(
      (result) => current && setCheck(result),
      // Hashing is unavailable (an old browser, an insecure origin): say nothing rather than guess.
      () => current && setCheck(null),
    )
    return () => {
      current = false
    }
  }, [events])
  if (!check) return null
  if (check.status === 'broken')
    return (
      <p className="alert alert-warning chain-status">
        Not verified with the server's tamper-evident chain: {check.reason}. Sync again; if this stays, tell
        your manager.
      </p>
    )
  if (check.status === 'unverified')
    return <p className="chain-status">Not yet verified with the server's tamper-evident chain: {check.reason}.</p>
  const unsent = check.unsent === 0 ? '' : ` ${check.unsent === 1 ? 'One entry' : `${check.unsent} entries`} not yet sent will join it when they reach the server.`
  return (
    <details className="chain-status">
      <summary>Record verified with the server's tamper-evident chain</summary>
      <p>
        All {check.entries} entries the server holds reproduce its chain; its head is <code>{check.head}</code>.{unsent}
      </p>
    </details>
  )
}
