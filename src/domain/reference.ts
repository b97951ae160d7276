// A matter's reference, for people to read out on the phone. Derived from the matter's id so it
// can be made offline with no server round trip; the public form's references come from the server.
// 40 bits of the id's random tail: collisions are vanishingly unlikely within one council.
export function matterReference(matterId: string): string {
  const hex = matterId.replace(/-/g, '').slice(-10).toUpperCase()
  return `ASB-${hex.slice(0, 5)}-${hex.slice(5)}`
}
