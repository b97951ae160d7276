import type { KeyboardEvent } from 'react'
import { useId, useState } from 'react'
import { draftLetter, finalTextProblem, sentLetter } from '../../../documents/letters/fill-letter.ts'
import { letterValues } from '../../../documents/letters/letter-values.ts'
import { letterNotPossible, templatesFor } from '../../../documents/letters/letters-for-step.ts'
import type { MergeField, MergeValues } from '../../../documents/letters/merge-fields.ts'
import { letterTemplateSet } from '../../../documents/letters/templates/letter-templates.ts'
import { demoCouncil } from '../../../domain/council-details.ts'
import type { SentLetter } from '../../../domain/letter-sent.ts'
import type { MatterState } from '../../../domain/matter-state.ts'
import { partyRoleLabels } from '../../../domain/vocabulary-lists.ts'
import type { FormValues } from '../../forms/field-spec.ts'
import { useServices, useSession } from '../../services.tsx'
import { LetterPrint } from './letter-print.tsx'
import { MissingFields } from './missing-fields.tsx'
import { letterFileName, saveLetterPdf } from './save-letter-pdf.ts'
import { stepFacts } from './step-facts.ts'

// Choose a template, see it filled from the matter at once, give what is missing, edit the
// wording for this one letter, then print it, copy it as e-mail text, or keep it with the step.

type Props = {
  stepId: string
  state: MatterState
  values: FormValues
  today: string
  start: SentLetter | null
  onUse: (letter: SentLetter) => void
  onCancel: () => void
}

// The writer sits inside the step's form: Enter in one of its boxes must not record the step.
const keepEnter = (e: KeyboardEvent) => {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault()
}

export default function LetterWriter({ stepId, state, values, today, start, onUse, onCancel }: Props) {
  const { profile } = useSession()
  const { now } = useServices()
  const [saving, setSaving] = useState(false)
  const id = useId()
  const templates = templatesFor(letterTemplateSet, stepId, values)
  const [templateId, setTemplateId] = useState(start?.templateId ?? templates[0]?.id)
  const template = templates.find((t) => t.id === templateId) ?? templates[0]
  const facts = stepFacts(values)
  const candidates = state.parties.filter((p) => (facts.partyIds?.length ? facts.partyIds.includes(p.partyId) : p.role !== 'complainant'))
  const [recipientPartyId, setRecipient] = useState(candidates[0]?.partyId)
  const [typed, setTyped] = useState<MergeValues>({})
  const [edited, setEdited] = useState<string | null>(start?.text ?? null)
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)

  // What the matter and the step give; the officer is asked for the rest (`asked`), and those
  // boxes stay while they type, even once each has a value.
  // Drafting is a few string passes, well under a millisecond: done on every render, no memo.
  const ctx = { state, council: demoCouncil, officer: { name: profile.name }, today, step: facts, recipientPartyId }
  const given = template ? letterValues(template, ctx) : null
  const asked = template && given ? draftLetter(template, given).missing : []
  const draft = template && given ? draftLetter(template, { ...given, ...typed }) : null

  if (!template || !draft) {
    return (
      <section className="letter-writer" aria-labelledby={`${id}-h`}>
        <h4 id={`${id}-h`}>Write the letter</h4>
        <p className="alert alert-info">No letter goes with this step as it is filled in now (for example, this kind of intervention sends no letter).</p>
        <button type="button" className="button" onClick={onCancel}>
          Back to the step
        </button>
      </section>
    )
  }

  const refusal = letterNotPossible(template, state)
  const text = edited ?? draft.text
  const complete = draft.missing.length === 0
  const problem = complete ? finalTextProblem(text) : 'Fill in what the letter still needs first.'
  const say = (kind: 'ok' | 'error', t: string) => setNotice({ kind, text: t })

  const copy = async () => {
    if (problem) return say('error', problem)
    try {
      await navigator.clipboard.writeText(text)
      say('ok', 'Copied. Paste it into your e-mail.')
    } catch {
      say('error', 'This browser did not let Casebook copy. Select the letter and copy it yourself.')
    }
  }
  const savePdf = async () => {
    if (problem) return say('error', problem)
    setSaving(true)
    try {
      await saveLetterPdf({ title: template.title, text }, demoCouncil, now(), letterFileName(state.reference, template.id))
      say('ok', 'The PDF is in your downloads.')
    } catch (error) {
      say('error', error instanceof Error ? `The PDF could not be made: ${error.message}` : 'The PDF could not be made.')
    } finally {
      setSaving(false)
    }
  }
  const use = () => {
    const letter = sentLetter(template, text)
    if ('problem' in letter) say('error', letter.problem)
    else onUse(letter)
  }

  return (
    <section className="letter-writer" aria-labelledby={`${id}-h`} onKeyDown={keepEnter}>
      <h4 id={`${id}-h`}>Write the letter</h4>
      {templates.length > 1 && (
        <fieldset className="field">
          <legend>Which letter</legend>
          <div className="choices">
            {templates.map((t) => (
              <label key={t.id} className="choice">
                <input
                  type="radio"
                  name={`${id}-template`}
                  checked={t.id === template.id}
                  onChange={() => {
                    setTemplateId(t.id)
                    setEdited(null)
                  }}
                />
                {t.title}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {templates.length === 1 && <p className="hint">{template.title}</p>}
      {refusal ? (
        <p className="alert alert-warning" role="alert">
          {refusal.message} No letter can be made.
        </p>
      ) : (
        <>
          {template.recipient === 'party' && candidates.length > 1 && (
            <div className="field">
              <label htmlFor={`${id}-to`}>Who the letter is to</label>
              <select id={`${id}-to`} value={recipientPartyId} onChange={(e) => setRecipient(e.target.value)}>
                {candidates.map((p) => (
                  <option key={p.partyId} value={p.partyId}>
                    {p.name} ({partyRoleLabels[p.role].toLowerCase()})
                  </option>
                ))}
              </select>
            </div>
          )}
          <MissingFields
            missing={asked}
            values={typed}
            onChange={(field: MergeField, value: string) => setTyped((v) => ({ ...v, [field]: value }))}
          />
          {complete ? (
            <div className="field">
              <label htmlFor={`${id}-text`}>The letter: change the wording for this letter if you need to</label>
              <textarea id={`${id}-text`} className="letter-text-edit" rows={18} value={text} onChange={(e) => setEdited(e.target.value)} />
            </div>
          ) : (
            <div className="letter-preview" role="region" aria-label="Preview of the letter">
              {draft.parts.map((p, i) => ('text' in p ? <span key={i}>{p.text}</span> : <mark key={i}>[{p.label}]</mark>))}
            </div>
          )}
          {notice && (
            <p className={`alert ${notice.kind === 'ok' ? 'alert-success' : 'alert-error'}`} role={notice.kind === 'ok' ? 'status' : 'alert'}>
              {notice.text}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={use}>
              Use this letter
            </button>
            <button type="button" className="button" onClick={() => (problem ? say('error', problem) : window.print())}>
              Print
            </button>
            <button type="button" className="button" onClick={() => void copy()}>
              Copy as e-mail text
            </button>
            <button type="button" className="button" disabled={saving} onClick={() => void savePdf()}>
              {saving ? 'Making the PDF…' : 'Save as PDF'}
            </button>
            {edited !== null && (
              <button type="button" className="button" onClick={() => setEdited(null)}>
                Start again from the template
              </button>
            )}
          </div>
          <LetterPrint council={demoCouncil} text={text} />
        </>
      )}
      <p>
        <button type="button" className="button" onClick={onCancel}>
          Back to the step
        </button>
      </p>
    </section>
  )
}
