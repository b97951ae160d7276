import { useEffect, useState } from 'react'
import type { FileRef } from '../../../domain/files.ts'
import { openFile } from '../../../sync/file-download.ts'
import { useServices } from '../../services.tsx'

// A file opened in the chronology: its bytes from this device, or fetched from the server by hash
// and kept for offline use (sync/file-download.ts), as an object URL the page can show or play.
// Played from a Blob, audio and video seek without the network.

export type OpenedState = { state: 'closed' } | { state: 'opening' } | { state: 'open'; url: string } | { state: 'failed'; message: string }

export function useOpenedFile(file: FileRef, matterId: string) {
  const { db, http, profile, now } = useServices()
  const [opened, setOpened] = useState<OpenedState>({ state: 'closed' })
  const url = opened.state === 'open' ? opened.url : null
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url)
  }, [url])

  async function open(): Promise<void> {
    if (opened.state === 'open' || opened.state === 'opening') return
    setOpened({ state: 'opening' })
    const result = await openFile({ db, http, token: profile?.token ?? null, now }, file, matterId)
    setOpened(result.ok ? { state: 'open', url: URL.createObjectURL(result.blob) } : { state: 'failed', message: result.message })
  }
  return { opened, open }
}
