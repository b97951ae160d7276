// The PDF engine's fonts on the device: Vite emits the DejaVu files as assets and the service worker
// precaches them (vite.config.ts), so a document can be made offline. Import this module lazily,
// with the engine, so the first screen never downloads a font.
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url'
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url'
import type { PdfFontBytes } from '../../documents/pdf/pdf-fonts.ts'

const fetchBytes = async (url: string): Promise<Uint8Array> => {
  const response = await fetch(url)
  if (!response.ok) {
    throw new Error(
      `The document fonts could not be loaded (${response.status}). Reload the app while online once.`,
    )
  }
  return new Uint8Array(await response.arrayBuffer())
}

let fonts: Promise<PdfFontBytes> | undefined

export const fetchPdfFonts = (): Promise<PdfFontBytes> => {
  fonts ??= Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]).then(([regular, bold]) => ({
    regular,
    bold,
  }))
  // A failed fetch is not remembered: the next attempt (back online) tries again.
  fonts.catch(() => {
    fonts = undefined
  })
  return fonts
}
