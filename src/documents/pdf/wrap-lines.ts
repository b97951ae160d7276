// Greedy line breaking at spaces; a word wider than the line (a pasted URL, 50,000 letters with no
// space) is broken between characters so nothing runs off the page.

export type MeasureWidth = (text: string) => number

export const wrapLines = (text: string, maxWidth: number, measure: MeasureWidth): string[] => {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    let lineWidth = 0
    const spaceWidth = measure(' ')
    for (const word of paragraph.split(' ')) {
      const wordWidth = measure(word)
      const widthWithWord = line === '' ? wordWidth : lineWidth + spaceWidth + wordWidth
      if (widthWithWord <= maxWidth) {
        line = line === '' ? word : `${line} ${word}`
        lineWidth = widthWithWord
        continue
      }
      if (line !== '') lines.push(line)
      if (wordWidth <= maxWidth) {
        line = word
        lineWidth = wordWidth
        continue
      }
      const pieces = breakWord(word, maxWidth, measure)
      lines.push(...pieces.slice(0, -1))
      line = pieces.at(-1) ?? ''
      lineWidth = measure(line)
    }
    lines.push(line)
  }
  return lines
}

const breakWord = (word: string, maxWidth: number, measure: MeasureWidth): string[] => {
  const pieces: string[] = []
  let piece = ''
  let pieceWidth = 0
  for (const character of word) {
    // Characters measured one at a time: kerning inside a broken word does not matter, and measuring
    // every growing prefix would be quadratic in the word's length.
    const characterWidth = measure(character)
    if (piece !== '' && pieceWidth + characterWidth > maxWidth) {
      pieces.push(piece)
      piece = ''
      pieceWidth = 0
    }
    piece += character
    pieceWidth += characterWidth
  }
  pieces.push(piece)
  return pieces
}
