import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

// The checks behind "accessible: labels, keyboard, focus, 44px targets, AA contrast" (issue 3).

const wcagAA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** axe's WCAG 2.1 A/AA violations on the page as it is now, one readable line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself; the default opens a blank page per run to merge
  // frame results, doubling the time. Casebook has no iframes, so nothing is missed.
  const results = await new AxeBuilder({ page }).withTags(wcagAA).setLegacyMode(true).analyze()
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

// Runs in the page. A radio's or checkbox's target is the control and its label together (a tap
// on either toggles it). Controls not drawn (display: none, or the skip link parked off-screen
// until focused) are not targets, nor are links inside a sentence (WCAG 2.5.8's inline exception).
const smallTargetsScript = `(() => {
  const describe = (el) => {
    const name = (el.getAttribute('aria-label') || el.labels?.[0]?.innerText || el.innerText || el.value || '').trim().replace(/\\s+/g, ' ')
    return el.tagName.toLowerCase() + (el.type ? '[' + el.type + ']' : '') + ' "' + name.slice(0, 50) + '"'
  }
  const out = []
  for (const el of document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea')) {
    const inSentence = el.tagName === 'A' && getComputedStyle(el).display === 'inline' &&
      el.parentElement.textContent.trim().length > el.textContent.trim().length
    if (inSentence) continue
    const box = el.getBoundingClientRect()
    if (box.width === 0 || box.height === 0 || box.right <= 0 || box.bottom <= 0) continue
    let top = box.top
    let bottom = box.bottom
    if ((el.type === 'checkbox' || el.type === 'radio') && el.labels) {
      for (const label of el.labels) {
        const l = label.getBoundingClientRect()
        top = Math.min(top, l.top)
        bottom = Math.max(bottom, l.bottom)
      }
    }
    const height = Math.round((bottom - top) * 10) / 10
    if (height < 44) out.push(describe(el) + ': ' + height + 'px high')
  }
  return [...new Set(out)]
})()`

/** Buttons, links and form controls whose tap target is under 44px high. */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(smallTargetsScript)
}

/** The focused element's text and computed outline style. */
export function focused(
  page: Page,
): Promise<{ text: string; outlineStyle: string; outlineWidth: string }> {
  return page.evaluate<{ text: string; outlineStyle: string; outlineWidth: string }>(`(() => {
    const el = document.activeElement
    const style = getComputedStyle(el)
    return { text: (el.innerText || '').trim(), outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth }
  })()`)
}
