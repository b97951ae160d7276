import './diary.css'
import { uuidV7 } from '../domain/ids.ts'
import { httpDiaryApi } from './diary-api.ts'
import { startDiaryPage } from './diary-page.ts'
import { h, replaceChildren } from './dom.ts'
import { getSetting, openDiaryStore, putSetting } from './entry-store.ts'
import { tokenFromPath } from './link-token.ts'
import { keepForOffline } from './offline.ts'

// The complainant's own small app (DESIGN.md): its own HTML entry, no React, no account.

const root = document.getElementById('diary')
if (!root) throw new Error('diary.html has no #diary element.')

async function start(el: HTMLElement) {
  const db = await openDiaryStore()
  const fromPath = tokenFromPath(location.pathname)
  if (fromPath) await putSetting(db, 'lastToken', fromPath)
  const remembered = await getSetting(db, 'lastToken')
  const token = fromPath ?? (typeof remembered === 'string' ? remembered : null)
  if (!token) {
    replaceChildren(
      el,
      h('h1', {}, 'Your anti-social behaviour diary'),
      h('p', {}, 'Open the diary link the council sent you, by text message or e-mail, to start.'),
    )
    return
  }
  keepForOffline()
  await startDiaryPage(el, {
    db,
    api: httpDiaryApi(),
    token,
    now: () => new Date(),
    newId: () => uuidV7(Date.now(), crypto.getRandomValues(new Uint8Array(10))),
  })
}

start(root).catch(() => {
  replaceChildren(
    root,
    h('h1', {}, 'Your anti-social behaviour diary'),
    h('p', { role: 'alert' }, 'This phone’s browser could not open the diary’s storage. Try another browser, or contact the council.'),
  )
})
