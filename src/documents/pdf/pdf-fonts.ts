// The fonts every Casebook PDF is set in. The engine takes the font files' bytes rather than reading
// them, so the same code runs in the browser (fetch of a Vite `?url` asset, precached for offline use)
// and on Node (readFile of node_modules/dejavu-fonts-ttf/ttf/…).
import fontkit from '@pdf-lib/fontkit'

/** DejaVu Sans and DejaVu Sans Bold (any TrueType pair works): full Unicode beyond Latin-1. */
export interface PdfFontBytes {
  readonly regular: Uint8Array
  readonly bold: Uint8Array
}

export interface FontMetrics {
  /** Whether the font draws this character: what it lacks is set as a replacement glyph. */
  has(codePoint: number): boolean
  /** Width of a string at 1 pt, glyph by glyph (the engine sets text without kerning, see pdf-writer.ts). */
  width(text: string): number
}

export const metricsOf = (bytes: Uint8Array): FontMetrics => {
  const font = fontkit.create(bytes)
  const covered = new Map<number, boolean>()
  const advances = new Map<number, number>()
  const has = (codePoint: number) => {
    let known = covered.get(codePoint)
    if (known === undefined) {
      known = font.hasGlyphForCodePoint(codePoint)
      covered.set(codePoint, known)
    }
    return known
  }
  const advance = (codePoint: number) => {
    let known = advances.get(codePoint)
    if (known === undefined) {
      known = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm
      advances.set(codePoint, known)
    }
    return known
  }
  return {
    has,
    width(text) {
      let total = 0
      for (const character of text) total += advance(character.codePointAt(0) ?? 0)
      return total
    },
  }
}
