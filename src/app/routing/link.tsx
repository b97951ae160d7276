import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react'
import type { Route } from './routes.ts'
import { pathOf } from './routes.ts'
import { navigate } from './navigation.ts'

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: Route; children: ReactNode }

/** A real link (right-click, middle-click and keyboard all work) that navigates in place. */
export function Link({ to, children, onClick, ...rest }: Props) {
  const href = pathOf(to)
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
    event.preventDefault()
    navigate(href)
  }
  return (
    <a href={href} onClick={handle} {...rest}>
      {children}
    </a>
  )
}
