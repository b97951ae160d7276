// What every call to the server answers when it fails: a value, never a thrown error, because
// "the network is down" is a normal state for this app, not an exception.

export type HttpFailure = {
  ok: false
  /** 0 when the request never reached the server (offline, DNS, connection refused). */
  status: number
  code: string
  message: string
}
export type HttpResult<T> = { ok: true; value: T } | HttpFailure

export type Fetch = typeof fetch

export const offline: HttpFailure = {
  ok: false,
  status: 0,
  code: 'offline',
  message: 'The server cannot be reached. Your work is saved on this device and will be sent when the connection is back.',
}
