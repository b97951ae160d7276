import { Suspense, lazy } from 'react'
import { useServices } from '../services.tsx'

// The server session has ended (expiry or sign-out elsewhere). Work carries on offline; entries
// wait on the device until the same person signs in again.
// The form is its own chunk: the shell is on every screen, the renewal rarely (issue 5).
const SignInForm = lazy(() => import('../features/sign-in/sign-in-form.tsx').then((m) => ({ default: m.SignInForm })))

export function SessionRenewal() {
  const { profile, setProfile, http } = useServices()
  if (!profile) return null
  return (
    <section className="alert alert-warning renewal" aria-labelledby="renewal-heading">
      <h2 id="renewal-heading">Sign in again to send your entries</h2>
      <p>Your session has ended. Everything you record is still saved on this device.</p>
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <SignInForm
          http={http}
          username={profile.username}
          submitLabel="Sign in again"
          onSignedIn={async (next) => {
            if (next.id !== profile.id) throw new Error('Sign in as the same person: these entries are theirs.')
            await setProfile(next)
          }}
        />
      </Suspense>
    </section>
  )
}
