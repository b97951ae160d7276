import { useEffect, useSyncExternalStore } from 'react'

// Which forms hold unsaved typing. The "new version" prompt reads it so the app never reloads
// under an officer's half-typed entry.

const dirty = new Set<string>()
const listeners = new Set<() => void>()

function emit() {
  for (const listener of listeners) listener()
}

export function useMarkDirty(formId: string, isDirty: boolean): void {
  useEffect(() => {
    if (!isDirty) return
    dirty.add(formId)
    emit()
    return () => {
      dirty.delete(formId)
      emit()
    }
  }, [formId, isDirty])
}

export function useAnyFormDirty(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => dirty.size > 0,
  )
}
