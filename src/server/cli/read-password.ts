// A password for a command-line tool: typed at a terminal with nothing echoed, or piped in on
// stdin (`printf '%s' "$PASSWORD" | npm run user:add -- …`) for scripts.

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // A trailing newline from `echo` is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin
    let typed = ''
    process.stdout.write(prompt)
    stdin.setRawMode(true)
    stdin.resume()
    stdin.setEncoding('utf8')
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(typed))
        if (ch === '\u0003') return finish(() => reject(new Error('Cancelled.')))
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1)
        else typed += ch
      }
    }
    const finish = (then: () => void) => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stdout.write('\n')
      then()
    }
    stdin.on('data', onData)
  })
}

export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readAllStdin()
  const first = await promptHidden('Password: ')
  const second = await promptHidden('Password again: ')
  if (first !== second) throw new Error('The two passwords are not the same.')
  return first
}
