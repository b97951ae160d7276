// A private diary link (DESIGN.md): 32 random bytes (256 bits, well over the 128 required), in
// base64url so it fits a URL and an SMS. Only its SHA-256 leaves this function's caller: the
// event carries the hash, and the token is shown once on screen, never stored.

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function newDiaryToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)))
}

export async function tokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

export function diaryUrl(origin: string, token: string): string {
  return `${origin}/diary/${token}`
}

/** What the officer sends by SMS or e-mail: plain words, the link, and that it is private. */
export function linkMessage(url: string): string {
  return `This is your private link to keep a diary of the anti-social behaviour for the council. Open it on your phone, write down each time something happens, and it is sent to your officer. Please do not share it: ${url}`
}
