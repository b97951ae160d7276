import { useId, useState } from 'react'
import { newId } from '../../../db/record-event.ts'
import type { Role } from '../../../domain/vocabulary.ts'
import { useServices } from '../../services.tsx'

// Until the sync server signs people in, the device keeps a local officer profile: who records
// the entries, and with which role. The sync issue replaces this screen with a real sign-in; the
// rest of the app only ever reads the profile through useSession().

export default function SignInScreen() {
  const { setProfile, now } = useServices()
  const id = useId()
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('officer')
  const [error, setError] = useState<string | null>(null)
  return (
    <main id="main" className="screen sign-in">
      <h1>Casebook</h1>
      <p className="lede">Anti-social behaviour case management. Everything you record is kept on this device and works without signal.</p>
      <form
        aria-label="Set up this device"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim().length < 2) return setError('Enter your name.')
          void setProfile({ id: newId(now()), name: name.trim(), role })
        }}
      >
        {error && (
          <p className="alert alert-error" role="alert" id={`${id}-error`}>
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name</label>
          <input id={`${id}-name`} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} aria-describedby={error ? `${id}-error` : undefined} />
        </div>
        <fieldset className="field">
          <legend>Your role</legend>
          <div className="choices">
            <label className="choice">
              <input type="radio" name="role" checked={role === 'officer'} onChange={() => setRole('officer')} /> Community Safety officer
            </label>
            <label className="choice">
              <input type="radio" name="role" checked={role === 'manager'} onChange={() => setRole('manager')} /> Safer Communities Manager
            </label>
          </div>
        </fieldset>
        <button type="submit" className="button button-primary">
          Start
        </button>
      </form>
    </main>
  )
}
