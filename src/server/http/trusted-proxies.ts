import { BlockList, isIP } from 'node:net'

// TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For this server believes, as addresses
// or CIDR ranges ("10.0.0.5, 10.1.0.0/16, 2001:db8::/32"). Empty by default: then the header is
// ignored, as anyone can send it.

export type TrustedProxies = { has(address: string): boolean }

/** An IPv4 peer on a dual-stack socket is reported as ::ffff:a.b.c.d; the limits key it as a.b.c.d. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped?.[1] ?? address
}

export type ParsedProxies = { ok: true; entries: string[] } | { ok: false; bad: string[] }

/** The list as written in the setting, each entry checked; `bad` names the ones that are not addresses. */
export function parseTrustedProxies(setting: string): ParsedProxies {
  const entries = setting
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const bad = entries.filter((entry) => {
    const [address = '', prefix, ...rest] = entry.split('/')
    const family = isIP(address)
    if (family === 0 || rest.length > 0) return true
    if (prefix === undefined) return false
    const bits = Number(prefix)
    return !/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)
  })
  return bad.length > 0 ? { ok: false, bad } : { ok: true, entries }
}

export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList()
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/')
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(prefix), type)
  }
  return {
    has(address) {
      const plain = plainAddress(address)
      const family = isIP(plain)
      if (family === 0) return false
      return list.check(plain, family === 6 ? 'ipv6' : 'ipv4')
    },
  }
}
