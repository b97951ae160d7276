import { useRegisterSW } from 'virtual:pwa-register/react'

// "A new version is ready": shown, never forced. While any form holds unsaved typing the update
// waits (the reload would lose it); the officer finishes, then updates.

export function UpdatePrompt({ blocked }: { blocked: boolean }) {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW()
  if (!needRefresh) return null
  return (
    <div className="update-prompt" role="status">
      <span>A new version of Casebook is ready.</span>
      {blocked ? (
        <span className="hint"> Save or cancel the form you are filling in first.</span>
      ) : (
        <button type="button" className="button button-primary" onClick={() => void updateServiceWorker(true)}>
          Update now
        </button>
      )}
      <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  )
}
