import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'

// What an officer does with a form, in the words of the screen: open a step, answer a question,
// read the message beside a field. Queries go by visible text and labels, not by ids.

/** Opens a step from the matter page's step list ("Record a step"). */
export async function openStep(user: UserEvent, label: string): Promise<HTMLFormElement> {
  await user.click(await screen.findByText(label, { selector: '.step-list button' }))
  return stepForm()
}

export function stepForm(): HTMLFormElement {
  const form = document.querySelector<HTMLFormElement>('form.step-form')
  if (!form) throw new Error('No step form is open.')
  return form
}

/** The radio or checkbox `option` inside the fieldset whose legend is `question`. */
export function optionOf(question: string | RegExp, option: string): HTMLInputElement {
  const legend = screen.getByText(question, { selector: 'legend' })
  const fieldset = legend.closest('fieldset')
  if (!fieldset) throw new Error(`No fieldset for ${String(question)}`)
  return within(fieldset).getByLabelText(option)
}

export async function choose(
  user: UserEvent,
  question: string | RegExp,
  option: string,
): Promise<void> {
  await user.click(optionOf(question, option))
}

/** The message tied to a control by aria-describedby, or to the fieldset its legend names. */
export function errorFor(control: HTMLElement): string | null {
  const ids = (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((id) => id.endsWith('-error'))
  const text = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
  return text || null
}

export function errorForLabel(label: string): string | null {
  return errorFor(screen.getByLabelText(label))
}

export function errorForQuestion(question: string): string | null {
  const fieldset = screen.getByText(question, { selector: 'legend' }).closest('fieldset')
  if (!fieldset) throw new Error(`No fieldset for ${question}`)
  return fieldset.querySelector('.error')?.textContent ?? null
}

/** Every message a form shows: field errors and the alert at its top. */
export function messagesIn(form: HTMLElement): string[] {
  return [...form.querySelectorAll('.error, [role="alert"]')].map((e) => e.textContent ?? '')
}

// The matter page is long and role queries walk all of it: these wait for one element by selector.
async function textOf(selector: string): Promise<string> {
  return waitFor(() => {
    const element = document.querySelector(selector)
    if (!element) throw new Error(`Nothing matches ${selector} yet.`)
    return element.textContent ?? ''
  })
}

/** The refusal or form-level message at the top of the open form. */
export function alertText(): Promise<string> {
  return textOf('form [role="alert"]')
}

/** The matter page's "…: saved on this device." once a step is recorded. */
export function savedMessage(): Promise<string> {
  return textOf('[role="status"]')
}

/** Empties every text, date and number control, and sets every select back to "Choose…". */
export function emptyEveryField(form: HTMLElement): void {
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    'textarea, input:not([type="radio"]):not([type="checkbox"])',
  )) {
    fireEvent.change(el, { target: { value: '' } })
  }
  for (const select of form.querySelectorAll('select')) {
    if ([...select.options].some((o) => o.value === ''))
      fireEvent.change(select, { target: { value: '' } })
  }
}

export async function submit(user: UserEvent, form: HTMLElement = stepForm()): Promise<void> {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  if (!button) throw new Error('The form has no submit button.')
  await user.click(button)
}

export async function waitForMessages(form: HTMLElement): Promise<string[]> {
  await waitFor(() => {
    if (messagesIn(form).length === 0) throw new Error('No message shown yet.')
  })
  return messagesIn(form)
}

/** Types into the labelled field in one go (as a paste): the tests care about values, not keystrokes. */
export async function fill(user: UserEvent, label: string, text: string): Promise<void> {
  await fillIn(user, screen.getByLabelText(label), text)
}

export async function fillIn(user: UserEvent, control: HTMLElement, text: string): Promise<void> {
  await user.click(control)
  await user.paste(text)
}
