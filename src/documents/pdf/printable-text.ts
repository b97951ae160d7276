// Makes any text a person typed safe to set in a PDF: whatever the font cannot draw (an emoji
// DejaVu lacks, a control character pasted from another program) becomes a visible replacement
// glyph or is dropped, never an exception halfway through a court bundle.
import type { FontMetrics } from './pdf-fonts.ts'

const replacement = 0xfffd

// Zero-width joiners, variation selectors and bidi controls shape emoji and mixed-direction text on
// screen; a PDF has no shaping for them, and a font that lacks them would show a box for each.
const invisibleFormatting: ReadonlyArray<readonly [number, number]> = [
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0100, 0xe01ef],
]

const isControl = (codePoint: number) => codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)
const isInvisible = (codePoint: number) =>
  invisibleFormatting.some(([first, last]) => codePoint >= first && codePoint <= last)

export const printableText = (text: string, has: FontMetrics['has']): string => {
  const cleaned = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ')
  let out = ''
  for (const character of cleaned) {
    const codePoint = character.codePointAt(0) ?? 0
    if (character === '\n') out += character
    else if (isControl(codePoint) || isInvisible(codePoint)) continue
    else if (has(codePoint)) out += character
    else out += has(replacement) ? String.fromCodePoint(replacement) : '?'
  }
  return out
}
