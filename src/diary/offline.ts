// Works offline after the first open (DESIGN.md): a small service worker (/diary-sw.js, scope
// /diary/) answers from its cache when there is no network. It cannot know the hashed names of
// this build's files, so the page hands them over: everything the page itself loaded.

export const diaryCache = 'casebook-diary-v1'

export function keepForOffline(): void {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return
  const assets = [
    '/diary.html',
    '/diary.webmanifest',
    '/icons/icon-192.png',
    ...Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'), (s) => s.src),
    ...Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"], link[rel="modulepreload"]'), (l) => l.href),
  ]
  void caches
    .open(diaryCache)
    .then((cache) => cache.addAll(assets))
    .catch(() => undefined) // Offline use is a bonus; the page works online without it.
  void navigator.serviceWorker.register('/diary-sw.js', { scope: '/diary/' }).catch(() => undefined)
}
