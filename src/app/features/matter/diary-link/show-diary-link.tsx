import { useState } from 'react'
import { diaryUrl, linkMessage } from './link-token.ts'
import { QrCode } from './qr-code.tsx'

// The link, shown once (src/domain/decisions.md, R5 diary by private link): as a QR code to scan
// during a visit, and as text to copy into an SMS or an e-mail. Casebook keeps no copy.

export function ShowDiaryLink({ token, onDone }: { token: string; onDone: () => void }) {
  const url = diaryUrl(window.location.origin, token)
  const [copied, setCopied] = useState<string | null>(null)
  const copy = (what: string, text: string) => {
    navigator.clipboard.writeText(text).then(
      () => setCopied(`${what} copied.`),
      () => setCopied('This browser would not copy: select the link and copy it yourself.'),
    )
  }
  return (
    <section className="step-form diary-link" aria-labelledby="diary-link-heading">
      <h3 id="diary-link-heading">The complainant’s private diary link</h3>
      <p className="alert alert-warning">
        This link is shown only now: Casebook does not keep it. Give it to the complainant before you close this. If it is
        lost, revoke it and issue a new one.
      </p>
      <QrCode text={url} label="QR code of the complainant’s diary link" />
      <div className="field">
        <label htmlFor="diary-link-url">The link</label>
        <input id="diary-link-url" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <p className="hint">The link works once this device has synced with the council’s server.</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => copy('The link', url)}>
          Copy the link
        </button>
        <button type="button" className="button" onClick={() => copy('A text message with the link', linkMessage(url))}>
          Copy a text message
        </button>
        <button type="button" className="button" onClick={() => copy('An e-mail with the link', linkMessage(url))}>
          Copy an e-mail
        </button>
      </div>
      <p role="status">{copied}</p>
      <button type="button" className="button button-primary" onClick={onDone}>
        Done: the complainant has the link
      </button>
    </section>
  )
}
