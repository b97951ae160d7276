import { useEffect, useRef } from 'react'

// A photo full screen: a modal <dialog>, so focus stays in it, Escape closes it (the browser's
// own behaviour) and focus returns to the button that opened it.

export function ImageViewer({ url, name, caption, onClose }: { url: string; name: string; caption: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) {
      // jsdom has no showModal; a real browser always does.
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    }
  }, [])
  return (
    <dialog ref={ref} className="image-viewer" aria-label={name} onClose={onClose} onCancel={onClose}>
      <img src={url} alt={name} />
      <p>{caption}</p>
      <button type="button" className="button button-primary" autoFocus onClick={() => (typeof ref.current?.close === 'function' ? ref.current.close() : onClose())}>
        Close
      </button>
    </dialog>
  )
}
