import { useEffect, useId, useState } from 'react'
import type { PublicReportRequest } from '../../../api/public-report.ts'
import { publicReportRequestSchema } from '../../../api/public-report.ts'
import type { CasebookDb } from '../../../db/database.ts'
import { clearDraft, readDraft, saveDraft } from '../../../db/drafts.ts'
import { asbCategoryLabels } from '../../../domain/vocabulary-lists.ts'
import type { HttpClient } from '../../../sync/http-client.ts'
import { useOnline } from '../../shell/use-online.ts'

// The public's report form (R1): plain English, one column, no sign-in. The anonymous choice is
// explained before it is made. Offline, the report waits on this device and is sent as soon as
// the connection is back (while this page is open, or the next time it is opened).

type Values = {
  anonymous: '' | 'yes' | 'no'
  address: string
  postcode: string
  category: string
  description: string
  name: string
  phone: string
  email: string
  website: string
}
const empty: Values = { anonymous: '', address: '', postcode: '', category: '', description: '', name: '', phone: '', email: '', website: '' }
const draftKey = 'public-report'
const queuedKey = 'public-report-queued'

function toRequest(v: Values): unknown {
  const base = {
    location: { address: v.address, ...(v.postcode.trim() ? { postcode: v.postcode } : {}) },
    category: v.category || undefined,
    description: v.description,
    ...(v.website ? { website: v.website } : {}),
  }
  if (v.anonymous === 'yes') return { ...base, anonymous: true }
  if (v.anonymous === 'no') {
    return { ...base, anonymous: false, name: v.name, ...(v.phone.trim() ? { phone: v.phone } : {}), ...(v.email.trim() ? { email: v.email } : {}) }
  }
  return base
}

function errorsOf(v: Values): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!v.anonymous) errors.anonymous = 'Choose whether to give your details or report anonymously.'
  const parsed = publicReportRequestSchema.safeParse(toRequest(v))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.filter((p) => p !== 'location').join('.') || 'form'
      errors[key] ??= issue.message
    }
  }
  return errors
}

type Setters = {
  setQueued: (q: boolean) => void
  setReference: (r: string) => void
  setValues: (v: Values) => void
  setFailure: (f: string) => void
}

async function sendReport(db: CasebookDb, http: HttpClient, v: Values, set: Setters): Promise<void> {
  const result = await http.publicReport(toRequest(v) as PublicReportRequest)
  if (result.ok) {
    await Promise.all([clearDraft(db, draftKey), clearDraft(db, queuedKey)])
    set.setQueued(false)
    set.setReference(result.value.reference)
    set.setValues(empty)
  } else if (result.status === 0) {
    await saveDraft(db, queuedKey, true, new Date().toISOString())
    set.setQueued(true)
  } else {
    set.setFailure(result.message)
  }
}

export default function PublicReportPage({ db, http }: { db: CasebookDb; http: HttpClient }) {
  const id = useId()
  const online = useOnline()
  const [values, setValues] = useState<Values>(empty)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [reference, setReference] = useState<string | null>(null)
  const [queued, setQueued] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    void Promise.all([readDraft<Values>(db, draftKey), readDraft<boolean>(db, queuedKey)]).then(([draft, isQueued]) => {
      if (draft) setValues({ ...empty, ...draft })
      setQueued(Boolean(isQueued))
    })
  }, [db])

  const send = (v: Values) => sendReport(db, http, v, { setQueued, setReference, setValues, setFailure })

  // Back online with a report waiting: send it.
  useEffect(() => {
    const sendQueued = async () => {
      const [draft, isQueued] = await Promise.all([readDraft<Values>(db, draftKey), readDraft<boolean>(db, queuedKey)])
      if (isQueued && draft) await sendReport(db, http, { ...empty, ...draft }, { setQueued, setReference, setValues, setFailure })
    }
    const onOnline = () => void sendQueued()
    window.addEventListener('online', onOnline)
    if (navigator.onLine) onOnline()
    return () => window.removeEventListener('online', onOnline)
  }, [db, http])

  const update = (key: keyof Values, value: string) => {
    const next = { ...values, [key]: value }
    setValues(next)
    void saveDraft(db, draftKey, next, new Date().toISOString())
  }

  const field = (key: keyof Values, label: string, input: 'text' | 'tel' | 'email' | 'textarea', hint?: string, autoComplete?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {hint && <p className="hint" id={`${id}-${key}-hint`}>{hint}</p>}
      {errors[key] && <p className="error" id={`${id}-${key}-error`}>{errors[key]}</p>}
      {input === 'textarea' ? (
        <textarea id={`${id}-${key}`} rows={6} value={values[key]} onChange={(e) => update(key, e.target.value)} aria-invalid={errors[key] ? true : undefined} aria-describedby={[hint ? `${id}-${key}-hint` : '', errors[key] ? `${id}-${key}-error` : ''].filter(Boolean).join(' ') || undefined} />
      ) : (
        <input id={`${id}-${key}`} type={input} autoComplete={autoComplete} value={values[key]} onChange={(e) => update(key, e.target.value)} aria-invalid={errors[key] ? true : undefined} aria-describedby={[hint ? `${id}-${key}-hint` : '', errors[key] ? `${id}-${key}-error` : ''].filter(Boolean).join(' ') || undefined} />
      )}
    </div>
  )

  if (reference) {
    return (
      <main id="main" className="screen public-report">
        <h1>Thank you: your report has been sent</h1>
        <p className="alert alert-success" role="status">
          Your reference is <strong>{reference}</strong>. Keep it if you contact us about this report.
        </p>
        <p>A Community Safety officer will assess your report.{' '}
          {values.anonymous === 'yes' ? '' : 'If we need more information we will contact you.'}</p>
        <button type="button" className="button" onClick={() => setReference(null)}>
          Make another report
        </button>
      </main>
    )
  }

  return (
    <main id="main" className="screen public-report">
      <h1>Report anti-social behaviour</h1>
      <p className="lede">Tell the council’s Community Safety team what is happening. It takes about five minutes. In an emergency, or if a crime is happening now, call 999.</p>
      {!online && (
        <p className="alert alert-warning" role="status">
          You are offline. You can fill in the form: it is kept on this device and sent when you are back online.
        </p>
      )}
      {queued && (
        <p className="alert alert-info" role="status">
          Your report is waiting on this device and will be sent as soon as there is a connection. Keep this page open.
        </p>
      )}
      {failure && (
        <p className="alert alert-error" role="alert">
          {failure}
        </p>
      )}
      <form
        aria-label="Report anti-social behaviour"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          setFailure(null)
          const found = errorsOf(values)
          setErrors(found)
          if (Object.keys(found).length === 0) void send(values)
        }}
      >
        {field('address', 'Where is it happening?', 'text', 'A street address, or a place such as “the park behind Fleet station”.', 'street-address')}
        {field('postcode', 'Postcode (optional)', 'text', undefined, 'postal-code')}
        <div className="field">
          <label htmlFor={`${id}-category`}>What kind of behaviour is it?</label>
          {errors.category && <p className="error" id={`${id}-category-error`}>{errors.category}</p>}
          <select id={`${id}-category`} value={values.category} onChange={(e) => update('category', e.target.value)} aria-invalid={errors.category ? true : undefined} aria-describedby={errors.category ? `${id}-category-error` : undefined}>
            <option value="">Choose…</option>
            {Object.entries(asbCategoryLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {field('description', 'What happened?', 'textarea', 'When it happens, how often, who is involved if you know, and how it affects you.')}
        <fieldset className="field" aria-describedby={`${id}-anon-hint`}>
          <legend>Do you want to give your contact details?</legend>
          <p className="hint" id={`${id}-anon-hint`}>
            If you report anonymously we cannot contact you, so we cannot ask you questions or tell you what happens next. Your details are only used by the Community Safety team for this report.
          </p>
          {errors.anonymous && <p className="error">{errors.anonymous}</p>}
          <div className="choices">
            <label className="choice">
              <input type="radio" name="anonymous" checked={values.anonymous === 'no'} onChange={() => update('anonymous', 'no')} /> Yes, you can contact me
            </label>
            <label className="choice">
              <input type="radio" name="anonymous" checked={values.anonymous === 'yes'} onChange={() => update('anonymous', 'yes')} /> No, I want to stay anonymous
            </label>
          </div>
        </fieldset>
        {values.anonymous === 'yes' && (
          <p className="alert alert-info" role="note">
            Anonymous report: contact is not possible and no updates can be given.
          </p>
        )}
        {values.anonymous === 'no' && (
          <>
            {field('name', 'Your name', 'text', undefined, 'name')}
            {field('phone', 'Phone number', 'tel', 'Give a phone number or an e-mail address, or both.', 'tel')}
            {field('email', 'E-mail address', 'email', undefined, 'email')}
          </>
        )}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor={`${id}-website`}>Leave this empty</label>
          <input id={`${id}-website`} tabIndex={-1} autoComplete="off" value={values.website} onChange={(e) => update('website', e.target.value)} />
        </div>
        <button type="submit" className="button button-primary button-wide">
          {online ? 'Send the report' : 'Keep and send when online'}
        </button>
      </form>
    </main>
  )
}
