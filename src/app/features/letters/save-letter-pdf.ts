import type { CouncilDetails } from '../../../domain/council-details.ts'

// "Save as PDF": the PDF engine and its fonts load only now, never with the step (pdf-lib is the
// largest library Casebook has); both are precached, so a letter is saved offline too.

export async function saveLetterPdf(letter: { title: string; text: string }, council: CouncilDetails, producedAt: string, fileName: string): Promise<void> {
  const [{ buildLetterPdf }, { fetchPdfFonts }] = await Promise.all([
    import('../../../documents/letters/letter-pdf.ts'),
    import('../../documents/fetch-pdf-fonts.ts'),
  ])
  const bytes = await buildLetterPdf({ fonts: await fetchPdfFonts(), council, letter, producedAt })
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'application/pdf' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // The download has started from the object URL; free it once the browser has had it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** "ASB/2026/0012" and "r17-closure-letter" → "ASB-2026-0012-r17-closure-letter.pdf". */
export function letterFileName(reference: string, templateId: string): string {
  return `${`${reference}-${templateId}`.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`
}
