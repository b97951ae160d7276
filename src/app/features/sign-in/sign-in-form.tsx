import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import type { LoginResponse } from '../../../api/auth-login.ts'
import type { Profile } from '../../../db/device.ts'
import type { HttpClient } from '../../../sync/http-client.ts'

// Sign in against the server. The profile it returns is kept on the device, so the app opens
// and works offline afterwards; only the first sign-in (and a renewal) needs the network.

type Props = { http: HttpClient; onSignedIn: (profile: Profile) => Promise<void>; username?: string; submitLabel?: string }

function toProfile(username: string, login: LoginResponse): Profile {
  return { ...login.user, username, token: login.token, expiresAt: login.expiresAt }
}

export function SignInForm({ http, onSignedIn, username: fixedUsername, submitLabel = 'Sign in' }: Props) {
  const id = useId()
  const [username, setUsername] = useState(fixedUsername ?? '')
  const [password, setPassword] = useState('')
  // The last attempt's error, cleared the moment the form is sent again: the mutation's own
  // state changes a task later, and until then the old error would still read as the answer.
  const [error, setError] = useState<string | null>(null)
  const login = useMutation({
    mutationFn: async () => {
      const result = await http.login({ username, password })
      if (!result.ok) {
        throw new Error(result.status === 0 ? 'You need a connection to sign in. Once signed in, Casebook works offline.' : result.message)
      }
      await onSignedIn(toProfile(username.trim().toLowerCase(), result.value))
    },
  })
  return (
    <form
      aria-label="Sign in"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        setError(null)
        login.mutate(undefined, { onError: (failure) => setError(failure.message) })
      }}
    >
      {error && (
        <p className="alert alert-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-username`}>Username</label>
        <input
          id={`${id}-username`}
          autoComplete="username"
          autoCapitalize="none"
          value={username}
          readOnly={Boolean(fixedUsername)}
          onChange={(e) => setUsername(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input id={`${id}-password`} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <button type="submit" className="button button-primary" disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : submitLabel}
      </button>
    </form>
  )
}
