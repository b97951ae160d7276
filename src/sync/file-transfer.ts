import { errorBodySchema } from '../api/error.ts'
import type { Fetch, HttpFailure, HttpResult } from './http-failure.ts'
import { offline } from './http-failure.ts'

// Evidence files on the wire (DESIGN.md "Evidence files", file protocol version 1): the raw bytes
// by SHA-256, `PUT /api/files/<sha256>` up and `GET /api/files/<sha256>` down. Failures are values,
// as for every other call: a dropped connection is normal, and the upload queue retries it.

// The part of XMLHttpRequest used here, so this module also type-checks (and loads) under Node,
// where the DOM library is not.
type Xhr = {
  status: number
  responseText: string
  upload: { onprogress: ((e: { loaded: number }) => void) | null }
  onload: (() => void) | null
  onerror: (() => void) | null
  onabort: (() => void) | null
  ontimeout: (() => void) | null
  open(method: string, url: string): void
  setRequestHeader(name: string, value: string): void
  send(body: Blob): void
}
const XhrConstructor = (globalThis as { XMLHttpRequest?: new () => Xhr }).XMLHttpRequest

export const canXhr = XhrConstructor !== undefined

export type PutFileResult = { ok: true; stored: 'stored' | 'already_held' } | HttpFailure
export type Progress = (bytesSent: number) => void

const filePath = (sha256: string) => `/api/files/${sha256}`

function failureOf(status: number, text: string): HttpFailure {
  let body: unknown = null
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON: the status says enough.
  }
  const error = errorBodySchema.safeParse(body)
  if (error.success) return { ok: false, status, code: error.data.error.code, message: error.data.error.message }
  const code = status === 413 ? 'too_large' : status === 415 ? 'unsupported_type' : status === 400 ? 'bad_hash' : 'bad_response'
  return { ok: false, status, code, message: `The server answered ${status}.` }
}

function answer(status: number, text: string): Promise<PutFileResult> {
  if (status === 200) return Promise.resolve({ ok: true, stored: 'already_held' })
  if (status === 201) return Promise.resolve({ ok: true, stored: 'stored' })
  return Promise.resolve(failureOf(status, text))
}

/** PUT with fetch: progress only at the end (fetch has no upload events). Used where XHR is not. */
export async function fetchPutFile(fetchFn: Fetch, token: string, sha256: string, blob: Blob, onProgress?: Progress): Promise<PutFileResult> {
  let response: Response
  try {
    response = await fetchFn(filePath(sha256), {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': blob.type || 'application/octet-stream' },
      body: blob,
    })
  } catch {
    return offline
  }
  if (response.ok) onProgress?.(blob.size)
  return answer(response.status, await response.text().catch(() => ''))
}

/** PUT with XMLHttpRequest, whose upload events give the per-file progress the officer sees. */
export function xhrPutFile(token: string, sha256: string, blob: Blob, onProgress?: Progress): Promise<PutFileResult> {
  return new Promise((resolve) => {
    if (!XhrConstructor) throw new Error('xhrPutFile needs XMLHttpRequest')
    const xhr = new XhrConstructor()
    xhr.open('PUT', filePath(sha256))
    xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.setRequestHeader('Content-Type', blob.type || 'application/octet-stream')
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded)
    xhr.onload = () => void answer(xhr.status, xhr.responseText).then(resolve)
    xhr.onerror = () => resolve(offline)
    xhr.onabort = () => resolve(offline)
    xhr.ontimeout = () => resolve(offline)
    xhr.send(blob)
  })
}

/** The bytes of a file this user may see; `404` for one they may not, as for one that is not there. */
export async function getFile(fetchFn: Fetch, token: string, sha256: string): Promise<HttpResult<Blob>> {
  let response: Response
  try {
    response = await fetchFn(filePath(sha256), { method: 'GET', headers: { Authorization: `Bearer ${token}` } })
  } catch {
    return offline
  }
  if (!response.ok) return failureOf(response.status, await response.text().catch(() => ''))
  try {
    return { ok: true, value: await response.blob() }
  } catch {
    return offline
  }
}
