import type { ComponentType } from 'react'
import { createElement, lazy, useState } from 'react'
import type { CasebookDb } from '../../db/database.ts'

// A screen's code, loaded on first use (each screen is its own chunk), and drawn at once when it
// is already here. React.lazy suspends on a component's first render even when its chunk has
// arrived, and the fallback costs a render and a commit before the screen: at start-up, the
// current screen's chunk is loaded while the device database opens (issue 5), so the first render
// can draw it directly.

export type ScreenModule<P> = {
  default: ComponentType<P>
  /** Starts the screen's first read (see startup/first-read.ts) while the app starts. */
  preload?: (db: CasebookDb, now: string) => Promise<void>
}

export type Screen<P> = { load: () => Promise<ScreenModule<P>>; Component: ComponentType<P> }

export function screen<P extends object>(importer: () => Promise<ScreenModule<P>>): Screen<P> {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<ScreenModule<P>> | undefined
  const load = () =>
    (loading ??= importer().then((module) => {
      loaded = module.default
      return module
    }))
  const Lazy = lazy(load)
  function Component(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component later would
    // remount the screen and lose what is typed in it.
    const [Loaded] = useState(() => loaded)
    return createElement((Loaded ?? Lazy) as ComponentType<P>, props)
  }
  return { load, Component }
}
