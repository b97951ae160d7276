// The PDF engine's fonts on Node: read from the dejavu-fonts-ttf package on disk (the device fetches
// the same files as precached assets instead).
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { PdfFontBytes } from '../../documents/pdf/pdf-fonts.ts'

const require = createRequire(import.meta.url)

export const readPdfFonts = async (): Promise<PdfFontBytes> => {
  const [regular, bold] = await Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ])
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) }
}
