import { h } from './dom.ts'
import type { FieldName, FormErrors, FormWords } from './entry-form.ts'
import { fieldNames } from './entry-form.ts'

// The new-entry form: exactly what R5 asks of a diary entry, in plain words, with large targets.
// Errors show beside their field and in a summary read out at once.

const questions: Record<FieldName, { label: string; hint?: string; long?: boolean }> = {
  happenedAt: { label: 'When did it happen?' },
  location: { label: 'Where did it happen?', hint: 'For example: outside my front door, in the car park.' },
  who: { label: 'Who was involved?', hint: 'Names if you know them, or describe the people.' },
  what: { label: 'What happened?', long: true },
  impact: { label: 'How did it affect you?', hint: 'For example: you could not sleep, you felt afraid.', long: true },
}

export type EntryFormView = {
  form: HTMLFormElement
  words(): FormWords
  chosenFiles(): File[]
  showErrors(errors: FormErrors): void
  clear(): void
}

export function entryFormView(): EntryFormView {
  const inputs = {} as Record<FieldName, HTMLInputElement | HTMLTextAreaElement>
  const errorEls = {} as Record<FieldName | 'files', HTMLElement>
  const summary = h('div', { class: 'error-summary', role: 'alert', hidden: true })
  const fields = fieldNames.map((name) => {
    const q = questions[name]
    const id = `entry-${name}`
    const hintId = q.hint ? `${id}-hint` : undefined
    const input = q.long
      ? h('textarea', { id, name, rows: '4', required: true })
      : h('input', { id, name, type: name === 'happenedAt' ? 'datetime-local' : 'text', required: true, autocomplete: 'off' })
    inputs[name] = input
    errorEls[name] = h('p', { class: 'field-error', id: `${id}-error`, hidden: true })
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, q.label),
      q.hint ? h('p', { class: 'hint', id: hintId }, q.hint) : null,
      errorEls[name],
      input,
    )
  })
  const fileInput = h('input', { id: 'entry-files', name: 'files', type: 'file', multiple: true, accept: 'image/*,video/*,audio/*' })
  errorEls.files = h('p', { class: 'field-error', id: 'entry-files-error', hidden: true })
  const form = h(
    'form',
    { class: 'entry-form', 'aria-labelledby': 'new-entry-heading', novalidate: true },
    h('h2', { id: 'new-entry-heading' }, 'Write a new entry'),
    h('p', { class: 'hint' }, 'Write down each time something happens, as soon as you can. Everything is saved on this phone first.'),
    summary,
    ...fields,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'entry-files' }, 'Photos, videos or recordings (if you have any)'),
      errorEls.files,
      fileInput,
    ),
    h('button', { type: 'submit', class: 'button button-primary' }, 'Save this entry'),
  )

  const setError = (name: FieldName | 'files', message: string | undefined) => {
    const el = errorEls[name]
    el.textContent = message ?? ''
    el.hidden = !message
    const input = name === 'files' ? fileInput : inputs[name]
    if (message) input.setAttribute('aria-invalid', 'true')
    else input.removeAttribute('aria-invalid')
    const hint = name === 'files' ? undefined : questions[name].hint ? `entry-${name}-hint` : undefined
    const described = [hint, message ? el.id : undefined].filter(Boolean).join(' ')
    if (described) input.setAttribute('aria-describedby', described)
    else input.removeAttribute('aria-describedby')
  }
  for (const name of fieldNames) setError(name, undefined)

  return {
    form,
    words: () => Object.fromEntries(fieldNames.map((n) => [n, inputs[n].value])) as FormWords,
    chosenFiles: () => Array.from(fileInput.files ?? []),
    showErrors(errors) {
      for (const name of [...fieldNames, 'files'] as const) setError(name, errors[name])
      const messages = Object.values(errors)
      summary.hidden = messages.length === 0
      summary.replaceChildren(
        h('p', {}, 'Please check the entry:'),
        h('ul', {}, ...messages.map((m) => h('li', {}, m))),
      )
      const first = fieldNames.find((n) => errors[n])
      if (first) inputs[first].focus()
    },
    clear() {
      form.reset()
      this.showErrors({})
    },
  }
}
