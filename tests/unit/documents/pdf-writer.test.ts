import { describe, expect, it } from 'vitest'
import { createPdfWriter } from '../../../src/documents/pdf/pdf-writer.ts'
import { pagesOf, pdfText, testFonts } from './support/pdf-text.ts'

const aWriter = async () =>
  createPdfWriter({
    fonts: await testFonts(),
    title: 'Test document',
    author: 'Anytown Council',
    producedAt: '2026-12-05T14:05:00Z',
    runningHeader: 'Court bundle · ASB/2026/0001',
    runningFooter: 'OFFICIAL-SENSITIVE',
  })

describe('the PDF engine', () => {
  it('writes headings, paragraphs and label/value rows that read back as text', async () => {
    const writer = await aWriter()
    writer.heading('Court bundle', 1)
    writer.paragraph('The neighbour played loud music until 3am.')
    writer.keyValues([
      ['Matter', 'ASB/2026/0001'],
      ['Address', '12 Long Road\nAnytown'],
    ])
    const text = await pdfText(await writer.finish(), true)
    expect(text).toContain('Court bundle')
    expect(text).toContain('The neighbour played loud music until 3am.')
    expect(text).toMatch(/Matter\s+ASB\/2026\/0001/)
    expect(text).toMatch(/Address\s+12 Long Road\n\s+Anytown/)
  })

  it('numbers every page "Page N of M" once the page count is known, with the running header after page 1', async () => {
    const writer = await aWriter()
    for (let index = 1; index <= 150; index += 1) writer.paragraph(`Entry number ${index}.`)
    writer.pageBreak()
    writer.paragraph('Last page')
    const pages = pagesOf(await pdfText(await writer.finish()))
    expect(pages.length).toBeGreaterThanOrEqual(3)
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`)
      expect(page).toContain('OFFICIAL-SENSITIVE')
      expect(page.includes('Court bundle · ASB/2026/0001')).toBe(index > 0)
    })
    expect(pages.at(-1)).toContain('Last page')
  })

  it('wraps a 50,000-character word onto lines and pages without losing a character', async () => {
    const writer = await aWriter()
    const word = 'ab'.repeat(25_000)
    writer.paragraph(word)
    const text = await pdfText(await writer.finish())
    const letters = text.replace(
      /Page \d+ of \d+|OFFICIAL-SENSITIVE|Court bundle · ASB\/2026\/0001|\s/g,
      '',
    )
    expect(letters).toBe(word)
  })

  it('sets emoji the font lacks as a replacement glyph and right-to-left text without failing', async () => {
    const writer = await aWriter()
    writer.paragraph('Family 👨‍👩‍👧 and 中文 but café stays café')
    writer.paragraph('שלום עולם مرحبا بالعالم')
    writer.paragraph('A bell \u0007 and a\ttab')
    const text = await pdfText(await writer.finish())
    expect(text).toContain('Family \uFFFD\uFFFD\uFFFD and \uFFFD\uFFFD but café stays café')
    expect(text).toMatch(/[\u0590-\u05FF]/)
    expect(text).toMatch(/[\u0600-\u06FF]/)
    expect(text).not.toContain('\u0007')
    expect(text).toMatch(/A bell\s+and a\s+tab/)
  })

  it('draws a matrix of squares (a QR code) and right-aligned text', async () => {
    const writer = await aWriter()
    writer.paragraph('7 December 2026', { align: 'right' })
    writer.squares(
      [
        [true, false],
        [false, true],
      ],
      40,
    )
    const text = await pdfText(await writer.finish(), true)
    expect(text).toMatch(/ {20,}7 December 2026/)
  })
})
