import { formatUkDate, formatUkDateTime } from '../domain/uk-dates.ts'
import { londonDate } from '../domain/london-time.ts'
import { h } from './dom.ts'
import type { StoredEntry } from './entry-store.ts'

// The complainant's entries, newest first, each saying plainly where it is: on this phone, or
// with the council since a given day.

export function entryStatus(e: StoredEntry): string {
  if (e.sentAt) return `Sent to the council on ${formatUkDate(londonDate(e.sentAt))}`
  if (e.problem) return `Not sent: ${e.problem}`
  return 'Saved on this phone. It will be sent when you are online.'
}

export function entryList(entries: readonly StoredEntry[]): HTMLElement {
  if (entries.length === 0) return h('p', {}, 'You have not written any entries yet.')
  const items = [...entries].reverse().map((e) =>
    h(
      'li',
      { class: `entry ${e.sentAt ? 'entry-sent' : 'entry-waiting'}` },
      h('p', { class: 'entry-when' }, formatUkDateTime(e.entry.happenedAt)),
      h('p', {}, e.entry.what),
      e.files.length > 0 ? h('p', { class: 'hint' }, `${e.files.length} ${e.files.length === 1 ? 'file' : 'files'} attached`) : null,
      h('p', { class: e.sentAt ? 'status status-sent' : 'status status-waiting' }, entryStatus(e)),
    ),
  )
  return h('ol', { class: 'entries', 'aria-label': 'Your entries' }, ...items)
}
