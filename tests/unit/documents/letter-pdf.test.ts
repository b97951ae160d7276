import { describe, expect, it } from 'vitest'
import { demoCouncil } from '../../../src/domain/council-details.ts'
import { buildLetterPdf } from '../../../src/documents/letters/letter-pdf.ts'
import { pagesOf, pdfText, testFonts } from './support/pdf-text.ts'

// Issue 13: "Save as PDF" gives the letter as the officer left it, under the letterhead, read
// back from the PDF as its reader would see it.

const letter = {
  title: 'Closure letter to the victim',
  text: 'Eileen Brooks\n3 Wren Court\n\n7 December 2026\n\nDear Eileen Brooks,\n\nMy manager, Priya Shah, will look at your case this week.\n\nYours sincerely,\n\nOlivia Price',
}

describe('a letter as a PDF', () => {
  it('R17: carries the letterhead and every line of the final text, in order', async () => {
    const bytes = await buildLetterPdf({ fonts: await testFonts(), council: demoCouncil, letter, producedAt: '2026-12-07T10:00:00Z' })
    const text = await pdfText(bytes)
    expect(text).toContain(demoCouncil.name)
    expect(text).toContain(demoCouncil.email)
    const lines = letter.text.split('\n').filter((l) => l.trim() !== '')
    let at = 0
    for (const line of lines) {
      const found = text.indexOf(line, at)
      expect(found, line).toBeGreaterThanOrEqual(at)
      at = found + line.length
    }
    expect(pagesOf(text)[0]).toContain('Page 1 of 1')
  })

  it('a 50,000-character letter with emoji and right-to-left text still makes a document', async () => {
    const long = { title: 'Long', text: `${'Noise every night. '.repeat(2_600)}\n\nשלום 👋 مرحبا` }
    const bytes = await buildLetterPdf({ fonts: await testFonts(), council: demoCouncil, letter: long, producedAt: '2026-12-07T10:00:00Z' })
    const pages = pagesOf(await pdfText(bytes))
    expect(pages.length).toBeGreaterThan(1)
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`)
  })
})
