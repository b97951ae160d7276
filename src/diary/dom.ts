// A very small element builder: the page is plain DOM code, no framework, to stay small and fast
// on any phone. Text always goes in as text (never as HTML), so nothing typed can become markup.

type Attrs = Record<string, string | boolean | undefined>
type Child = Node | string | null | undefined | false

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    el.setAttribute(name, value === true ? '' : value)
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child)
  return el
}

export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false))
}
