import type { CouncilDetails } from '../../../domain/council-details.ts'

// The letter as paper: the council's letterhead above the final words. Hidden on screen; the
// print stylesheet (styles.css, "@media print") prints only this.

export function LetterPrint({ council, text }: { council: CouncilDetails; text: string }) {
  return (
    <div className="letter-print" aria-hidden="true">
      <header className="letterhead">
        <img src={council.logo.src} alt={council.logo.alt} />
        <div>
          <strong>{council.name}</strong>
          <br />
          {council.team}
          {council.address.map((line) => (
            <span key={line}>
              <br />
              {line}
            </span>
          ))}
          <br />
          {council.phone} · {council.email}
        </div>
      </header>
      <div className="letter-text">{text}</div>
    </div>
  )
}
