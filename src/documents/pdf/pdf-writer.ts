// The one PDF engine of Casebook (letters, the court bundle, the partner pack): a flowing A4
// document of headings, wrapped paragraphs and label/value tables, with a running header and a
// "Page N of M" footer drawn once the page count is known. It takes font bytes and returns PDF
// bytes, so it runs unchanged on the device (offline) and on the server.
import type { PDFFont, PDFPage } from 'pdf-lib'
import { PDFDocument, rgb } from 'pdf-lib'
import fontkit from '@pdf-lib/fontkit'
import { metricsOf, type FontMetrics, type PdfFontBytes } from './pdf-fonts.ts'
import { printableText } from './printable-text.ts'
import { wrapLines } from './wrap-lines.ts'

export interface PdfWriterOptions {
  readonly fonts: PdfFontBytes
  /** The document's title in its properties (what a PDF reader shows in its title bar). */
  readonly title: string
  /** Who the document is from, e.g. the council's name. */
  readonly author: string
  /** When the document was produced (ISO instant): the PDF's creation date, so output depends only on input. */
  readonly producedAt: string
  /** Small text at the top of every page after the first, e.g. "Court bundle · ASB/2026/0012". */
  readonly runningHeader?: string
  /** Small text at the bottom left of every page; the bottom right says "Page N of M". */
  readonly runningFooter?: string
}

export interface TextStyle {
  readonly bold?: boolean
  /** Points; 10 unless given. */
  readonly size?: number
  /** Points from the left margin. */
  readonly indent?: number
  readonly align?: 'left' | 'right'
  /** Grey rather than black: for secondary details such as "recorded at". */
  readonly muted?: boolean
  /** Points of space after the paragraph; 4 unless given. */
  readonly spaceAfter?: number
}

export interface KeyValueOptions {
  /** Width of the label column in points; 150 unless given. */
  readonly labelWidth?: number
  readonly indent?: number
}

export interface PdfWriter {
  /** Level 1 is a document title, 2 a section, 3 a sub-section; a heading is never left alone at a page's foot. */
  heading(text: string, level?: 1 | 2 | 3): void
  /** Text wrapped to the page; "\n" starts a new line; any Unicode (what the font lacks is shown as �). */
  paragraph(text: string, style?: TextStyle): void
  /** A two-column table: bold labels, wrapped values. */
  keyValues(
    rows: ReadonlyArray<readonly [label: string, value: string]>,
    options?: KeyValueOptions,
  ): void
  /** A thin horizontal line across the text width. */
  rule(): void
  space(points?: number): void
  pageBreak(): void
  /** Starts a new page unless at least this many points remain on the current one. */
  keepTogether(points: number): void
  /** A PNG or JPEG (a council's logo), scaled to the given width in points. */
  image(
    bytes: Uint8Array,
    kind: 'png' | 'jpeg',
    width: number,
    align?: 'left' | 'right',
  ): Promise<void>
  /** A matrix of dark squares (a QR code's modules), `size` points across. */
  squares(matrix: ReadonlyArray<ReadonlyArray<boolean>>, size: number): void
  /** The 1-based number of the page being written. */
  pageNumber(): number
  /** Draws headers and "Page N of M" footers and returns the PDF's bytes. */
  finish(): Promise<Uint8Array>
}

// A4 in points, with 20 mm margins.
const pageWidth = 595.28
const pageHeight = 841.89
const margin = 56.7
const textWidth = pageWidth - 2 * margin
const bodySize = 10
const lineGap = 1.35
const black = rgb(0, 0, 0)
const grey = rgb(0.35, 0.35, 0.35)
const headingSizes = { 1: 18, 2: 14, 3: 11.5 } as const

// OpenType substitution and positioning (ligatures, kerning, contextual forms) took most of the time
// of a long document in fontkit. Plain glyph-by-glyph layout reads the same on paper, matches the
// widths metricsOf measures, and text extraction gets back exactly what was typed.
const plainLayout = Object.fromEntries(
  ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'].map(
    (tag) => [tag, false],
  ),
)

interface FaceState {
  readonly font: PDFFont
  readonly has: FontMetrics['has']
  readonly width: FontMetrics['width']
}

export const createPdfWriter = async (options: PdfWriterOptions): Promise<PdfWriter> => {
  const document = await PDFDocument.create({ updateMetadata: false })
  document.registerFontkit(fontkit)
  const producedAt = new Date(options.producedAt)
  document.setTitle(printableText(options.title, () => true))
  document.setAuthor(printableText(options.author, () => true))
  document.setCreator('Casebook')
  document.setProducer('Casebook')
  document.setCreationDate(producedAt)
  document.setModificationDate(producedAt)
  document.setLanguage('en-GB')

  // Subset: only the glyphs used travel in the file, so a one-page letter stays small although
  // DejaVu covers thousands of characters.
  const face = async (bytes: Uint8Array): Promise<FaceState> => {
    const metrics = metricsOf(bytes)
    const font = await document.embedFont(bytes, { subset: true, features: plainLayout })
    layOutGlyphByGlyph(font)
    return {
      font,
      has: (codePoint) => metrics.has(codePoint),
      width: (text) => metrics.width(text),
    }
  }
  const regular = await face(options.fonts.regular)
  const bold = await face(options.fonts.bold)

  let page: PDFPage = document.addPage([pageWidth, pageHeight])
  let y = pageHeight - margin

  // Measured from the glyphs' advances rather than by pdf-lib's full text layout, which is slow.
  const measure = (state: FaceState, size: number) => (text: string) => state.width(text) * size

  const newPage = () => {
    page = document.addPage([pageWidth, pageHeight])
    y = pageHeight - margin
  }
  const ensureRoom = (points: number) => {
    if (y - points < margin) newPage()
  }

  /**
   * Draws lines one under another from the current position, a page's worth at a time: each
   * page's share is one text object (one pdf-lib call), not one per line, which halves the size
   * of a long document's content and the time to make it.
   */
  const drawBlock = (
    columns: ReadonlyArray<{
      lines: readonly string[]
      x: number
      state: FaceState
      colour?: typeof black
    }>,
    size: number,
  ) => {
    const lineHeight = size * lineGap
    const total = Math.max(...columns.map((column) => column.lines.length))
    let done = 0
    while (done < total) {
      let room = Math.floor((y - margin) / lineHeight)
      if (room < 1) {
        newPage()
        room = Math.floor((y - margin) / lineHeight)
      }
      const count = Math.min(room, total - done)
      const baseline = y - lineHeight + size * 0.25
      for (const column of columns) {
        const chunk = column.lines.slice(done, done + count)
        if (chunk.every((line) => line === '')) continue
        page.drawText(chunk.join('\n'), {
          x: column.x,
          y: baseline,
          size,
          lineHeight,
          font: column.state.font,
          color: column.colour ?? black,
        })
      }
      y -= count * lineHeight
      done += count
    }
  }

  const drawLines = (
    text: string,
    state: FaceState,
    size: number,
    x: number,
    width: number,
    align: 'left' | 'right',
    colour = black,
  ) => {
    const lines = wrapLines(printableText(text, state.has), width, measure(state, size))
    if (align === 'left') {
      drawBlock([{ lines, x, state, colour }], size)
      return
    }
    for (const line of lines) {
      drawBlock([{ lines: [line], x: x + width - measure(state, size)(line), state, colour }], size)
    }
  }

  const writer: PdfWriter = {
    heading(text, level = 2) {
      const size = headingSizes[level]
      // Room for the heading and two lines of what follows it.
      y -= level === 1 ? 0 : size * 0.6
      ensureRoom(size * lineGap + 2 * bodySize * lineGap)
      drawLines(text, bold, size, margin, textWidth, 'left')
      y -= size * 0.35
    },
    paragraph(text, style = {}) {
      const size = style.size ?? bodySize
      const indent = style.indent ?? 0
      drawLines(
        text,
        style.bold === true ? bold : regular,
        size,
        margin + indent,
        textWidth - indent,
        style.align ?? 'left',
        style.muted === true ? grey : black,
      )
      y -= style.spaceAfter ?? 4
    },
    keyValues(rows, keyOptions = {}) {
      const indent = keyOptions.indent ?? 0
      const labelWidth = keyOptions.labelWidth ?? 150
      for (const [label, value] of rows) {
        const labelLines = wrapLines(
          printableText(label, bold.has),
          labelWidth - 8,
          measure(bold, bodySize),
        )
        const valueLines = wrapLines(
          printableText(value, regular.has),
          textWidth - indent - labelWidth,
          measure(regular, bodySize),
        )
        drawBlock(
          [
            { lines: labelLines, x: margin + indent, state: bold },
            { lines: valueLines, x: margin + indent + labelWidth, state: regular },
          ],
          bodySize,
        )
        y -= 2
      }
      y -= 2
    },
    rule() {
      ensureRoom(8)
      y -= 4
      page.drawLine({
        start: { x: margin, y },
        end: { x: pageWidth - margin, y },
        thickness: 0.5,
        color: grey,
      })
      y -= 4
    },
    space(points = bodySize) {
      y -= points
      if (y < margin) newPage()
    },
    pageBreak() {
      newPage()
    },
    keepTogether(points) {
      ensureRoom(points)
    },
    async image(bytes, kind, width, align = 'left') {
      const embedded =
        kind === 'png' ? await document.embedPng(bytes) : await document.embedJpg(bytes)
      const height = (embedded.height / embedded.width) * width
      ensureRoom(height)
      y -= height
      const x = align === 'right' ? pageWidth - margin - width : margin
      page.drawImage(embedded, { x, y, width, height })
      y -= 4
    },
    squares(matrix, size) {
      const count = matrix.length
      if (count === 0) return
      const module = size / count
      ensureRoom(size)
      const top = y
      matrix.forEach((row, rowIndex) => {
        row.forEach((dark, columnIndex) => {
          if (!dark) return
          page.drawRectangle({
            x: margin + columnIndex * module,
            y: top - (rowIndex + 1) * module,
            width: module,
            height: module,
            color: black,
          })
        })
      })
      y = top - size - 4
    },
    pageNumber() {
      return document.getPageCount()
    },
    async finish() {
      const pages = document.getPages()
      const total = pages.length
      const small = 8
      pages.forEach((each, index) => {
        const footer = `Page ${index + 1} of ${total}`
        const footerWidth = measure(regular, small)(footer)
        each.drawText(footer, {
          x: pageWidth - margin - footerWidth,
          y: margin / 2,
          size: small,
          font: regular.font,
          color: grey,
        })
        if (options.runningFooter !== undefined) {
          const text = fitOneLine(
            printableText(options.runningFooter, regular.has),
            textWidth - footerWidth - 12,
            measure(regular, small),
          )
          each.drawText(text, {
            x: margin,
            y: margin / 2,
            size: small,
            font: regular.font,
            color: grey,
          })
        }
        if (options.runningHeader !== undefined && index > 0) {
          const text = fitOneLine(
            printableText(options.runningHeader, regular.has),
            textWidth,
            measure(regular, small),
          )
          each.drawText(text, {
            x: margin,
            y: pageHeight - margin / 2,
            size: small,
            font: regular.font,
            color: grey,
          })
        }
      })
      return document.save()
    },
  }
  return writer
}

const fitOneLine = (text: string, width: number, measure: (text: string) => number): string => {
  const oneLine = text.replace(/\n/g, ' ')
  return wrapLines(oneLine, width, measure)[0] ?? ''
}

/**
 * pdf-lib encodes every string through fontkit's full OpenType layout, and builds a new shaping
 * plan for each call even with every feature turned off: most of a long bundle's time. Its encoder
 * reads only the glyphs of the layout, so the font's layout is replaced by the plain character-to-
 * glyph mapping (what the features above already amount to for Latin text; Arabic letters are
 * drawn in their isolated forms). pdf-lib 1.17.1 is pinned; if its insides differ, nothing changes.
 */
function layOutGlyphByGlyph(font: PDFFont): void {
  const fontkitFont = (font as unknown as { embedder?: { font?: Partial<GlyphMapper> } }).embedder
    ?.font
  if (
    typeof fontkitFont?.glyphsForString !== 'function' ||
    typeof fontkitFont.layout !== 'function'
  )
    return
  const glyphsForString = fontkitFont.glyphsForString.bind(fontkitFont)
  fontkitFont.layout = (text: string) => ({ glyphs: glyphsForString(text) })
}

interface GlyphMapper {
  glyphsForString(text: string): unknown[]
  layout(text: string, features?: unknown): { glyphs: unknown[] }
}
