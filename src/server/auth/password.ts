import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

// Passwords are kept as scrypt hashes (memory-hard, in node:crypto): N=2^15, r=8, p=1 uses
// 32 MiB and takes tens of milliseconds, the cost OWASP suggests for scrypt. The parameters and
// the per-user salt are stored with the hash, so the cost can be raised without a migration.

const keyLength = 32
export const defaultScryptCost = { N: 2 ** 15, r: 8, p: 1 }
export type ScryptCost = typeof defaultScryptCost

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128·N·r bytes, or node refuses the cost.
    const options = { ...cost, maxmem: 256 * cost.N * cost.r }
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

export async function hashPassword(
  password: string,
  cost: ScryptCost = defaultScryptCost,
): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  })
  // Constant time, so the comparison leaks nothing about how much of the hash matched.
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** A hash of no one's password: checked for unknown usernames so they take as long as known ones. */
let decoy: Promise<string> | undefined
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'))
  return decoy
}
