import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { LoginResponse } from '../../src/api/auth-login.ts'
import { SignInForm } from '../../src/app/features/sign-in/sign-in-form.tsx'
import type { HttpClient, HttpResult } from '../../src/sync/http-client.ts'

// Signing in: a wrong password says so, and trying again never leaves the last answer on screen
// while the new one is awaited (an officer, or a screen reader, would read it as the new answer).

const accepted: LoginResponse = {
  token: 'a'.repeat(43),
  expiresAt: '2026-12-09T10:00:00.000Z',
  user: { id: 'officer-1', name: 'Priya Shah', role: 'officer' },
}

describe('the sign-in form', () => {
  it('shows why a sign-in failed, clears it as soon as the form is sent again, then signs in', async () => {
    const answers: ((result: HttpResult<LoginResponse>) => void)[] = []
    const http = {
      login: () => new Promise<HttpResult<LoginResponse>>((resolve) => answers.push(resolve)),
    } as unknown as HttpClient
    const onSignedIn = vi.fn(() => Promise.resolve())
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SignInForm http={http} onSignedIn={onSignedIn} />
      </QueryClientProvider>,
    )
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'officer1' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'not the password' } })
    fireEvent.submit(screen.getByRole('form', { name: 'Sign in' }))
    await waitFor(() => expect(answers).toHaveLength(1))
    answers.shift()?.({ ok: false, status: 401, code: 'bad_credentials', message: 'The username or password is not right.' })
    expect((await screen.findByRole('alert')).textContent).toBe('The username or password is not right.')

    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'demo-officer1' } })
    fireEvent.submit(screen.getByRole('form', { name: 'Sign in' }))
    // Gone at once, before the server has answered.
    expect(screen.queryByRole('alert')).toBeNull()
    await waitFor(() => expect(answers).toHaveLength(1))
    answers.shift()?.({ ok: true, value: accepted })
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(expect.objectContaining({ username: 'officer1', id: 'officer-1' })))
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
