// The officer app's routes, as data. A tiny History-API router is enough for six screens; a
// routing library would add weight to the first screen for nothing we need.

export type Route =
  | { name: 'today' }
  | { name: 'newReport' }
  | { name: 'matter'; matterId: string }
  | { name: 'diaryEntry'; matterId: string }
  | { name: 'search'; query: string }
  | { name: 'settings' }
  | { name: 'notFound'; path: string }

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent)
  if (parts.length === 0) return { name: 'today' }
  const [first, second, third] = parts
  if (first === 'matters' && second === 'new' && parts.length === 2) return { name: 'newReport' }
  if (first === 'matters' && second && parts.length === 2) return { name: 'matter', matterId: second }
  if (first === 'matters' && second && third === 'diary' && parts.length === 3) return { name: 'diaryEntry', matterId: second }
  if (first === 'search' && parts.length === 1) return { name: 'search', query: new URLSearchParams(search).get('q') ?? '' }
  if (first === 'settings' && parts.length === 1) return { name: 'settings' }
  return { name: 'notFound', path: pathname }
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'today':
      return '/'
    case 'newReport':
      return '/matters/new'
    case 'matter':
      return `/matters/${encodeURIComponent(route.matterId)}`
    case 'diaryEntry':
      return `/matters/${encodeURIComponent(route.matterId)}/diary`
    case 'search':
      return route.query ? `/search?q=${encodeURIComponent(route.query)}` : '/search'
    case 'settings':
      return '/settings'
    case 'notFound':
      return route.path
  }
}
