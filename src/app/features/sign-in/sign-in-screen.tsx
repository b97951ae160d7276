import { navigate } from '../../routing/navigation.ts'
import { useServices } from '../../services.tsx'
import { SignInForm } from './sign-in-form.tsx'

export default function SignInScreen() {
  const { setProfile, http } = useServices()
  return (
    <main id="main" className="screen sign-in">
      <h1>Casebook</h1>
      <p className="lede">Anti-social behaviour case management for Community Safety officers. Once you have signed in, everything works without signal.</p>
      <SignInForm
        http={http}
        onSignedIn={async (profile) => {
          await setProfile(profile)
          navigate({ name: 'today' }, { replace: true })
        }}
      />
      <p className="hint">
        Reporting anti-social behaviour as a member of the public? <a href="/report">Use the public report form</a>.
      </p>
    </main>
  )
}
