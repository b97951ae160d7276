import { act, fireEvent, render, screen as rendered } from '@testing-library/react'
import { Suspense, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { screen, warmScreens } from '../../src/app/routing/screen-loader.ts'

// A screen whose code has already arrived is drawn on the first render; one still loading shows
// the fallback first. Either way, what is typed in it survives the parent's re-renders.

function Note() {
  const [text, setText] = useState('')
  return <input aria-label="Note" value={text} onChange={(e) => setText(e.target.value)} />
}

describe('screen loader', () => {
  it('draws a screen whose code is loaded on the first render, without the fallback', async () => {
    const note = screen(() => Promise.resolve({ default: Note }))
    await note.load()

    render(
      <Suspense fallback={<p>Loading…</p>}>
        <note.Component />
      </Suspense>,
    )

    expect(rendered.getByLabelText('Note')).toBeTruthy()
    expect(rendered.queryByText('Loading…')).toBeNull()
  })

  it('shows the fallback until the code arrives, and keeps the screen mounted after', async () => {
    let arrive: (m: { default: typeof Note }) => void = () => undefined
    const note = screen(() => new Promise<{ default: typeof Note }>((resolve) => (arrive = resolve)))
    const view = render(
      <Suspense fallback={<p>Loading…</p>}>
        <note.Component key="a" />
      </Suspense>,
    )
    expect(rendered.getByText('Loading…')).toBeTruthy()
    await act(() => {
      arrive({ default: Note })
      return note.load()
    })
    fireEvent.change(rendered.getByLabelText('Note'), { target: { value: 'half typed' } })
    // Typed text survives a re-render of the parent now that the code is loaded.
    view.rerender(
      <Suspense fallback={<p>Loading…</p>}>
        <note.Component key="a" />
      </Suspense>,
    )
    expect(rendered.getByLabelText<HTMLInputElement>('Note').value).toBe('half typed')
  })
})

describe('warming screens while the browser is idle', () => {
  /** A page whose idle callbacks run only when the test says the browser is idle. */
  function idlePage() {
    const waiting: (() => void)[] = []
    return {
      requestIdleCallback: (callback: () => void) => waiting.push(callback),
      cancelIdleCallback: (handle: number) => {
        waiting[handle - 1] = () => undefined
      },
      async idle() {
        const next = waiting.shift()
        next?.()
        // The load's promise settles, and the next screen is queued.
        await Promise.resolve()
        await Promise.resolve()
        return next !== undefined
      },
    }
  }

  it('loads each screen in turn, one per idle moment, and a screen warmed is drawn at once', async () => {
    const page = idlePage()
    const loads: string[] = []
    const matter = screen(() => {
      loads.push('matter')
      return Promise.resolve({ default: Note })
    })
    const diary = { load: vi.fn(() => Promise.reject(new Error('offline and not cached'))) }
    const search = { load: vi.fn(() => Promise.resolve()) }
    warmScreens([matter, diary, search], page)

    expect(loads).toEqual([])
    await page.idle()
    expect(loads).toEqual(['matter'])
    expect(diary.load).not.toHaveBeenCalled()
    await page.idle()
    expect(diary.load).toHaveBeenCalledTimes(1)
    // A chunk that fails to load does not stop the others.
    await page.idle()
    expect(search.load).toHaveBeenCalledTimes(1)
    expect(await page.idle()).toBe(false)

    render(
      <Suspense fallback={<p>Loading…</p>}>
        <matter.Component />
      </Suspense>,
    )
    expect(rendered.getByLabelText('Note')).toBeTruthy()
  })

  it('stopped (signed out), loads nothing more', async () => {
    const page = idlePage()
    const first = { load: vi.fn(() => Promise.resolve()) }
    const second = { load: vi.fn(() => Promise.resolve()) }
    const stop = warmScreens([first, second], page)
    await page.idle()
    stop()
    await page.idle()
    await page.idle()
    expect(first.load).toHaveBeenCalledTimes(1)
    expect(second.load).not.toHaveBeenCalled()
  })
})
