import { act, fireEvent, render, screen as rendered } from '@testing-library/react'
import { Suspense, useState } from 'react'
import { describe, expect, it } from 'vitest'
import { screen } from '../../src/app/routing/screen-loader.ts'

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
