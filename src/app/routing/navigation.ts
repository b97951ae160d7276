import { useSyncExternalStore } from 'react'
import type { Route } from './routes.ts'
import { parseRoute, pathOf } from './routes.ts'

// The current location as a React-readable store over the History API.

const changeEvent = 'casebook:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(changeEvent, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(changeEvent, onChange)
  }
}

const snapshot = () => window.location.pathname + window.location.search

export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, snapshot)
  const url = new URL(location, 'http://casebook.invalid')
  return parseRoute(url.pathname, url.search)
}

export function navigate(to: Route | string, options: { replace?: boolean } = {}): void {
  const path = typeof to === 'string' ? to : pathOf(to)
  if (path === snapshot()) return
  if (options.replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(changeEvent))
  window.scrollTo?.(0, 0)
}

/**
 * Keeps what a screen shows in the address (a search's query) without moving to another screen:
 * the history entry is replaced and nothing is re-rendered or scrolled. Back, a reload or a
 * shared link then opens the screen as it is now.
 */
export function rememberInAddress(to: Route): void {
  const path = pathOf(to)
  if (path !== snapshot()) window.history.replaceState(null, '', path)
}
