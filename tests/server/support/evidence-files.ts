import { createHash } from 'node:crypto'
import type { DomainEvent } from '../../../src/domain/events.ts'
import type { FileRef } from '../../../src/domain/files.ts'
import type { Actor } from '../../../src/domain/guard-context.ts'
import type { MatterBuilder } from './matters.ts'
import { proposed } from './matters.ts'
import type { TestServer } from './test-server.ts'

// Evidence files as the server suites use them: some bytes with their name (SHA-256), a PUT as a
// device sends it, and an evidence entry on a matter that references files.

export type TestFile = { bytes: Uint8Array; sha256: string; mediaType: string; ref: FileRef }

export function aFile(text = 'a photo of the damaged fence', mediaType = 'image/jpeg'): TestFile {
  const bytes = new TextEncoder().encode(text)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return {
    bytes,
    sha256,
    mediaType,
    ref: {
      sha256,
      size: bytes.length,
      mediaType: mediaType as FileRef['mediaType'],
      name: 'fence.jpg',
    },
  }
}

export function putFile(
  s: TestServer,
  token: string | null,
  file: Pick<TestFile, 'bytes' | 'sha256' | 'mediaType'>,
  headers: Record<string, string> = {},
) {
  return s.app.request(`/api/files/${file.sha256}`, {
    method: 'PUT',
    headers: {
      'content-type': file.mediaType,
      'content-length': String(file.bytes.length),
      ...(token ? s.auth(token) : {}),
      ...headers,
    },
    body: file.bytes,
  })
}

export function getFile(
  s: TestServer,
  token: string,
  sha256: string,
  headers: Record<string, string> = {},
) {
  return s.app.request(`/api/files/${sha256}`, { headers: { ...s.auth(token), ...headers } })
}

/** A PUT whose body is a stream (RequestInit needs `duplex` for that, which its type lacks). */
export function putStream(
  s: TestServer,
  token: string,
  sha256: string,
  body: ReadableStream<Uint8Array>,
  length: number,
  mediaType = 'video/mp4',
) {
  const init = {
    method: 'PUT',
    headers: { 'content-type': mediaType, 'content-length': String(length), ...s.auth(token) },
    body,
    duplex: 'half',
  }
  return s.app.request(`/api/files/${sha256}`, init as RequestInit)
}

/** An evidence entry with files, proposed by `actor` on the builder's matter. */
export function evidenceWith(
  m: MatterBuilder,
  actor: Actor,
  files: readonly TestFile[],
): DomainEvent {
  return proposed(m, actor, 'evidenceAdded', {
    evidenceId: m.id(),
    kind: 'photo',
    description: 'Photo of the fence panel kicked in overnight.',
    source: 'Taken by the officer on the visit',
    obtainedOn: m.today,
    independent: false,
    files: files.map((f) => f.ref),
  })
}
