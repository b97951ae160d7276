import type { DiaryEntryRequest, DiaryPageResponse } from '../api/public-diary.ts'
import { diaryEntryResponseSchema, diaryPageResponseSchema } from '../api/public-diary.ts'
import type { HeldFile } from './entry-store.ts'

// The page's only contact with the server: its own three routes, with the token in the path.

export type PageAnswer = { kind: 'ok'; page: DiaryPageResponse } | { kind: 'ended' } | { kind: 'offline' }

export type SendAnswer =
  | { kind: 'sent'; sentAt: string }
  | { kind: 'ended' }
  /** No network, a busy server, a limit for today: keep it and try again later. */
  | { kind: 'retry' }
  /** The council's server will not take it as it is; the message says why. */
  | { kind: 'refused'; message: string }

export type DiaryApi = {
  page(token: string): Promise<PageAnswer>
  send(token: string, entry: DiaryEntryRequest, files: readonly HeldFile[]): Promise<SendAnswer>
}

const base = (token: string) => `/api/public/diary/${encodeURIComponent(token)}`

async function messageOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } }
    return body.error?.message ?? 'The council could not take this entry.'
  } catch {
    return 'The council could not take this entry.'
  }
}

export function httpDiaryApi(fetcher: typeof fetch = (...args) => fetch(...args)): DiaryApi {
  return {
    async page(token) {
      try {
        const res = await fetcher(base(token), { headers: { accept: 'application/json' } })
        if (res.status === 404) return { kind: 'ended' }
        if (!res.ok) return { kind: 'offline' }
        const parsed = diaryPageResponseSchema.safeParse(await res.json())
        return parsed.success ? { kind: 'ok', page: parsed.data } : { kind: 'offline' }
      } catch {
        return { kind: 'offline' }
      }
    },
    async send(token, entry, files) {
      try {
        // Files first: the server takes an entry only when it holds every file it names.
        for (const file of files) {
          const put = await fetcher(`${base(token)}/files/${file.sha256}`, {
            method: 'PUT',
            headers: { 'content-type': file.mediaType },
            body: file.blob,
          })
          if (put.status === 404) return { kind: 'ended' }
          if (put.status >= 400 && put.status < 500 && put.status !== 429) return { kind: 'refused', message: await messageOf(put) }
          if (!put.ok) return { kind: 'retry' }
        }
        const res = await fetcher(`${base(token)}/entries`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(entry),
        })
        if (res.status === 404) return { kind: 'ended' }
        if (res.ok) {
          const parsed = diaryEntryResponseSchema.safeParse(await res.json())
          return parsed.success ? { kind: 'sent', sentAt: parsed.data.sentAt } : { kind: 'retry' }
        }
        if (res.status >= 400 && res.status < 500 && res.status !== 429) return { kind: 'refused', message: await messageOf(res) }
        return { kind: 'retry' }
      } catch {
        return { kind: 'retry' }
      }
    },
  }
}
