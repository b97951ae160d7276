// The diary's own service worker, built to /diary-sw.js and registered for /diary/ only (it never
// touches the officer app or the API). Pages under /diary/ load from the network when there is
// one and from the cache when there is not; the page's files (named by content hash) come from
// the cache the page filled (offline.ts) or the network.
//
// The file is compiled with the DOM library, as the rest of the page, so the few worker types it
// needs are written here.

type WorkerEvent = { waitUntil(p: Promise<unknown>): void }
type FetchEvent = WorkerEvent & { request: Request; respondWith(r: Promise<Response>): void }
type Worker = {
  addEventListener(type: 'install' | 'activate', fn: (e: WorkerEvent) => void): void
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void
  skipWaiting(): Promise<void>
  clients: { claim(): Promise<void> }
  location: Location
}

const worker = self as unknown as Worker
// The same name as offline.ts's `diaryCache`: kept apart so this file imports nothing.
const cacheName = 'casebook-diary-v1'

worker.addEventListener('install', (e) => e.waitUntil(worker.skipWaiting()))
worker.addEventListener('activate', (e) => e.waitUntil(worker.clients.claim()))

worker.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== worker.location.origin || url.pathname.startsWith('/api/')) return
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(async () => (await caches.match('/diary.html', { cacheName })) ?? Response.error()),
    )
    return
  }
  event.respondWith(caches.match(request, { cacheName }).then((hit) => hit ?? fetch(request)))
})
