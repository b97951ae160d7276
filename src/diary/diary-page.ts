import type { CouncilContact } from '../api/public-diary.ts'
import type { DiaryApi } from './diary-api.ts'
import { h, replaceChildren } from './dom.ts'
import type { HeldFile, StoredEntry } from './entry-store.ts'
import { entriesFor, getSetting, putSetting, saveEntry } from './entry-store.ts'
import { holdFile, readEntry } from './entry-form.ts'
import { entryFormView } from './entry-form-view.ts'
import { entryList } from './entry-list.ts'
import { isWaiting, markListedAsSent, sendUnsent } from './outbox.ts'

// The complainant's page for one link: the form, their entries and where each one is, the
// council's contact details and what happens next. Works with no network: entries are saved on
// the phone and sent when it is back online. A link that no longer works says so plainly and
// keeps every entry visible, so nothing typed is lost.

export type PageDeps = { db: IDBDatabase; api: DiaryApi; token: string; now: () => Date; newId: () => string }

const retryMs = 30_000

export async function startDiaryPage(root: HTMLElement, deps: PageDeps): Promise<{ saved: Promise<void>[] }> {
  const { db, api, token } = deps
  let entries: StoredEntry[] = await entriesFor(db, token)
  let council = (await getSetting(db, `council:${token}`)) as CouncilContact | undefined
  let ended = (await getSetting(db, `ended:${token}`)) === true
  let sending = false
  const saved: Promise<void>[] = []

  const status = h('div', { class: 'status-line', role: 'status', 'aria-live': 'polite' })
  const endedNotice = h('div', { class: 'notice notice-ended', hidden: true })
  const listSection = h('section', { 'aria-labelledby': 'entries-heading' })
  const contactSection = h('section', { 'aria-labelledby': 'contact-heading' })
  const form = entryFormView()

  function drawStatus(message?: string) {
    const waiting = entries.filter(isWaiting).length
    status.textContent =
      message ??
      (waiting === 0
        ? 'Every entry on this phone has been sent to the council.'
        : navigator.onLine && !ended
          ? `${waiting} ${waiting === 1 ? 'entry is' : 'entries are'} waiting to be sent.`
          : `${waiting} ${waiting === 1 ? 'entry is' : 'entries are'} saved on this phone and will be sent when you are online.`)
  }

  function draw(message?: string) {
    endedNotice.hidden = !ended
    replaceChildren(
      endedNotice,
      h('h2', {}, 'This diary link no longer works'),
      h('p', {}, 'The council has stopped this link, or your case has closed. Nothing more can be sent from it.'),
      h('p', {}, 'Your entries are still on this phone, below. If you need to send more, please contact the council.'),
    )
    form.form.hidden = ended
    replaceChildren(listSection, h('h2', { id: 'entries-heading' }, 'Your entries'), entryList(entries))
    replaceChildren(
      contactSection,
      h('h2', { id: 'contact-heading' }, 'Contact the council'),
      council ? h('p', {}, council.name) : h('p', {}, 'The council’s contact details appear here once this phone has been online.'),
      council?.phone ? h('p', {}, 'Phone: ', h('a', { href: `tel:${council.phone.replace(/\s+/g, '')}` }, council.phone)) : null,
      council?.email ? h('p', {}, 'E-mail: ', h('a', { href: `mailto:${council.email}` }, council.email)) : null,
      council?.hours ? h('p', {}, council.hours) : null,
      h('h2', {}, 'What happens next'),
      h('p', {}, 'An officer reads every entry you send and adds it to your case. They will contact you about what the council can do.'),
      h('p', {}, 'If you are in danger or a crime is happening now, call 999. To report it to the police otherwise, call 101.'),
    )
    drawStatus(message)
  }

  async function reload() {
    entries = await entriesFor(db, token)
  }

  async function refresh() {
    const answer = await api.page(token)
    if (answer.kind === 'ok') {
      council = answer.page.council
      await putSetting(db, `council:${token}`, council)
      await markListedAsSent(db, token, answer.page.entries)
      if (ended) await putSetting(db, `ended:${token}`, false)
      ended = false
    } else if (answer.kind === 'ended') {
      ended = true
      await putSetting(db, `ended:${token}`, true)
    }
    await reload()
  }

  async function sendAll() {
    if (sending || ended || !entries.some(isWaiting)) return
    sending = true
    drawStatus('Sending your entries to the council…')
    try {
      const summary = await sendUnsent(db, token, api)
      if (summary.ended) {
        ended = true
        await putSetting(db, `ended:${token}`, true)
      }
      await reload()
    } finally {
      sending = false
      draw()
    }
  }

  form.form.addEventListener('submit', (event) => {
    event.preventDefault()
    const work = (async () => {
      const files: HeldFile[] = []
      for (const file of form.chosenFiles()) {
        const held = await holdFile(file)
        if (!held.ok) return form.showErrors({ files: held.message })
        files.push(held.file)
      }
      const read = readEntry(form.words(), files, deps.newId(), deps.now())
      if (!read.ok) return form.showErrors(read.errors)
      const savedAt = deps.now().toISOString()
      await saveEntry(db, { id: read.entry.id, token, entry: read.entry, files, savedAt, sentAt: null })
      form.clear()
      await reload()
      draw('Your entry is saved on this phone.')
      await sendAll()
    })().catch(() => {
      form.showErrors({ what: 'The entry could not be saved on this phone. Check the phone has space, then try again.' })
    })
    saved.push(work)
  })

  window.addEventListener('online', () => void sendAll())
  window.addEventListener('offline', () => draw())
  setInterval(() => void sendAll(), retryMs)

  replaceChildren(
    root,
    h(
      'header',
      { class: 'page-header' },
      h('h1', {}, 'Your anti-social behaviour diary'),
      h('p', {}, 'Only you and the council’s officers see what you send. No account is needed.'),
    ),
    status,
    endedNotice,
    form.form,
    listSection,
    contactSection,
  )
  draw()
  await refresh()
  draw()
  await sendAll()
  return { saved }
}
