import { useEffect, useState } from 'react'
import type { StorageStatus } from '../../../pwa/storage.ts'
import { formatBytes, requestPersistentStorage, storageStatus } from '../../../pwa/storage.ts'
import { isIos, isStandalone, promptInstall, useCanInstall } from '../../../pwa/install-prompt.ts'
import { clearDeviceData } from '../../../db/device.ts'
import { FileStorageSection } from '../files/file-storage-section.tsx'
import { useServices, useSession } from '../../services.tsx'
import { useSyncNow } from '../../sync/sync-context.tsx'

// Who is signed in on this device, how much storage Casebook uses, and installing it.

function waitingText(entries: number, files: number): string {
  const parts = [
    entries > 0 ? `${entries} entr${entries === 1 ? 'y' : 'ies'}` : '',
    files > 0 ? `${files} file${files === 1 ? '' : 's'} (photos, recordings, documents)` : '',
  ].filter(Boolean)
  return `${parts.join(' and ')} ${entries + files === 1 ? 'has' : 'have'}`
}

export default function SettingsScreen() {
  const { setProfile, db, http } = useServices()
  const syncNow = useSyncNow()
  const [signOutMessage, setSignOutMessage] = useState<string | null>(null)
  const signOut = async () => {
    const cleared = await clearDeviceData(db)
    if (!cleared.ok) {
      syncNow()
      return setSignOutMessage(
        `${waitingText(cleared.pending, cleared.files)} not reached the server yet. Connect and wait for them to send (or deal with any the server rejected), then sign out.`,
      )
    }
    await http.logout(profile.token)
    await setProfile(null)
  }
  const { profile } = useSession()
  const [storage, setStorage] = useState<StorageStatus | null>(null)
  const canInstall = useCanInstall()
  useEffect(() => {
    void storageStatus().then(setStorage)
  }, [])
  return (
    <div className="screen">
      <h1>Settings</h1>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">This device</h2>
        <p>
          Signed in as <strong>{profile.name}</strong> ({profile.role === 'manager' ? 'Safer Communities Manager' : 'Community Safety officer'}).
        </p>
        {signOutMessage && (
          <p className="alert alert-warning" role="alert">
            {signOutMessage}
          </p>
        )}
        <button type="button" className="button" onClick={() => void signOut()}>
          Sign out
        </button>
        <p className="hint">Signing out removes the caseload from this device, so the next person to use it sees nothing of yours.</p>
      </section>
      <section aria-labelledby="storage-heading">
        <h2 id="storage-heading">Storage</h2>
        {storage ? (
          <>
            <p>
              Using {formatBytes(storage.usage)} of {formatBytes(storage.quota)} available.
            </p>
            <p>{storage.persisted ? 'Storage is persistent: the browser will not clear it to free space.' : 'Storage is not yet persistent: the browser could clear it if the device runs short of space.'}</p>
            {!storage.persisted && (
              <button type="button" className="button" onClick={() => void requestPersistentStorage().then(() => storageStatus()).then(setStorage)}>
                Keep my data on this device
              </button>
            )}
          </>
        ) : (
          <p aria-busy="true">Checking storage…</p>
        )}
      </section>
      <FileStorageSection />
      <section aria-labelledby="install-heading">
        <h2 id="install-heading">Install Casebook</h2>
        {isStandalone() ? (
          <p>Casebook is installed on this device.</p>
        ) : canInstall ? (
          <button type="button" className="button button-primary" onClick={() => void promptInstall()}>
            Install Casebook
          </button>
        ) : isIos() ? (
          <p>On iPhone or iPad: open Casebook in Safari, tap the Share button, then “Add to Home Screen”.</p>
        ) : (
          <p>Use your browser’s menu and choose “Install app” or “Add to Home screen”. Casebook then opens like an app and works offline.</p>
        )}
      </section>
    </div>
  )
}
