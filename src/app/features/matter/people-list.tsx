import type { MatterState } from '../../../domain/matter-state.ts'
import { partyRoleLabels } from '../../../domain/vocabulary-lists.ts'

// The people on a matter with their contact details, so a call (R4) is one tap away.
export function PeopleList({ state }: { state: MatterState }) {
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">People ({state.parties.length})</h2>
      {state.parties.length === 0 ? (
        <p className="empty">{state.anonymous ? 'Anonymous report: no one to contact.' : 'No people recorded yet.'}</p>
      ) : (
        <ul className="people">
          {state.parties.map((p) => (
            <li key={p.partyId}>
              <strong>{p.name}</strong> · {partyRoleLabels[p.role]}
              {p.contact?.phone && (
                <>
                  {' · '}
                  <a href={`tel:${p.contact.phone.replace(/[^\d+]/g, '')}`} className="back-link">
                    {p.contact.phone}
                  </a>
                </>
              )}
              {p.contact?.email && (
                <>
                  {' · '}
                  <a href={`mailto:${p.contact.email}`} className="back-link">
                    {p.contact.email}
                  </a>
                </>
              )}
              {p.contact?.address && <span className="hint"> · {p.contact.address}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
