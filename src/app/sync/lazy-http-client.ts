import type { HttpClient } from '../../sync/http-client.ts'

// The HTTP client, loaded on its first call rather than with the app. It checks every answer
// against the api/ schemas, which bring zod and every event's schema; the first screen of an
// officer who opens the app offline needs none of that (issue 5, offline cold start). Every call
// already returns a promise, so waiting for the module is invisible to the caller.

export function lazyHttpClient(
  load: () => Promise<HttpClient> = () => import('../../sync/http-client.ts').then((m) => m.createHttpClient()),
): HttpClient {
  let client: Promise<HttpClient> | undefined
  const loaded = () => (client ??= load())
  return {
    login: async (...args) => (await loaded()).login(...args),
    logout: async (...args) => (await loaded()).logout(...args),
    push: async (...args) => (await loaded()).push(...args),
    pull: async (...args) => (await loaded()).pull(...args),
    staff: async (...args) => (await loaded()).staff(...args),
    publicReport: async (...args) => (await loaded()).publicReport(...args),
    putFile: async (...args) => (await loaded()).putFile(...args),
    getFile: async (...args) => (await loaded()).getFile(...args),
  }
}
