// Reads a PDF back as text with poppler's pdftotext (apt-get install poppler-utils), so tests check
// what a reader of the document sees rather than the bytes pdf-lib wrote.
import { execFile } from 'node:child_process'
import { readPdfFonts } from '../../../../src/server/documents/read-fonts.ts'
import type { PdfFontBytes } from '../../../../src/documents/pdf/pdf-fonts.ts'

let fonts: Promise<PdfFontBytes> | undefined
export const testFonts = (): Promise<PdfFontBytes> => (fonts ??= readPdfFonts())

/** The text of every page, in reading order; pages are separated by a form feed. */
export const pdfText = (bytes: Uint8Array, layout = false): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = execFile(
      '/usr/bin/pdftotext',
      [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'],
      { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => (error === null ? resolve(stdout) : reject(new Error(error.message))),
    )
    child.stdin?.end(Buffer.from(bytes))
  })

export const pagesOf = (text: string): string[] => text.split('\f').slice(0, -1)
