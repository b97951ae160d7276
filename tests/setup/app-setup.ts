// Component tests run in jsdom: fake-indexeddb stands in for the browser's IndexedDB so the real
// Dexie database runs underneath the screens, and each test starts from an unmounted DOM.
import 'fake-indexeddb/auto'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// Without `globals: true` Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup()
})
