import type { CouncilDetails } from '../../domain/council-details.ts'
import type { SentLetter } from '../../domain/letter-sent.ts'
import type { PdfFontBytes } from '../pdf/pdf-fonts.ts'
import { createPdfWriter } from '../pdf/pdf-writer.ts'

// A letter as a PDF, on the device (offline) or the server: the council's letterhead, then the
// letter's final words exactly as the officer left them, a paragraph per blank-line block.

export type LetterPdfInput = {
  fonts: PdfFontBytes
  council: CouncilDetails
  letter: Pick<SentLetter, 'title' | 'text'>
  /** When it is made (ISO instant): the PDF's date, so the same input gives the same bytes. */
  producedAt: string
}

export async function buildLetterPdf({ fonts, council, letter, producedAt }: LetterPdfInput): Promise<Uint8Array> {
  const writer = await createPdfWriter({
    fonts,
    title: letter.title,
    author: council.name,
    producedAt,
    runningFooter: `${council.name} · ${council.team}`,
  })
  writer.paragraph(council.name, { bold: true, size: 13, align: 'right', spaceAfter: 2 })
  writer.paragraph([council.team, ...council.address, council.phone, council.email].join('\n'), {
    align: 'right',
    muted: true,
    spaceAfter: 24,
  })
  for (const block of letter.text.split(/\n\s*\n/)) writer.paragraph(block, { size: 11, spaceAfter: 9 })
  return writer.finish()
}
