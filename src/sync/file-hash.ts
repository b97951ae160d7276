// A file's name in the file protocol: the SHA-256 of its bytes, lowercase hex (DESIGN.md
// "Evidence files"). Made at capture, and checked again on every file fetched from the server:
// the hash is the proof, in court, that these are the bytes that were captured.

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
