import { createReadStream } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { FileBytes, StagedBytes } from './file-bytes.ts'

// Files under a directory (DATA_DIR/files on the embedded default): `ab/cd/<sha256>`, so no
// directory grows past a few thousand entries. An upload is written to `tmp/` and renamed into
// place only once its bytes hash to its name: a rename within one file system is atomic, so a
// reader never sees half a file, and two uploads of the same file at once both rename the same
// bytes to the same name.

export function directoryFileBytes(root: string): FileBytes {
  const staging = join(root, 'tmp')
  const pathOf = (location: string) => join(root, location)
  const locationFor = (sha256: string) => join(sha256.slice(0, 2), sha256.slice(2, 4), sha256)

  return {
    kind: 'directory',
    root,

    async stage(): Promise<StagedBytes> {
      await mkdir(staging, { recursive: true })
      const temp = join(staging, `${crypto.randomUUID()}.part`)
      const handle = await open(temp, 'wx', 0o600)
      let closed = false
      const close = async () => {
        if (closed) return
        closed = true
        await handle.close()
      }
      // The network hands over 16-64 KiB at a time; writing 1 MiB at a time makes a sixteenth of
      // the trips to the disk (each a round trip through libuv's thread pool).
      const buffer = Buffer.allocUnsafe(1024 * 1024)
      let filled = 0
      const flush = async () => {
        if (filled > 0) await handle.write(buffer, 0, filled)
        filled = 0
      }
      return {
        async write(chunk) {
          let offset = 0
          while (offset < chunk.length) {
            const taken = Math.min(buffer.length - filled, chunk.length - offset)
            buffer.set(chunk.subarray(offset, offset + taken), filled)
            filled += taken
            offset += taken
            if (filled === buffer.length) await flush()
          }
        },
        locationFor,
        async keep(sha256) {
          await flush()
          // On disk before it is named: a power cut must not leave a named file of zeros.
          await handle.sync()
          await close()
          const path = pathOf(locationFor(sha256))
          await mkdir(dirname(path), { recursive: true })
          await rename(temp, path)
        },
        async discard() {
          await close()
          await rm(temp, { force: true })
        },
      }
    },

    async *read(location, start, end) {
      // 1 MiB reads: a handful of pieces in flight at most, whatever the file's size.
      yield* createReadStream(pathOf(location), { start, end, highWaterMark: 1024 * 1024 })
    },

    async remove(location) {
      await rm(pathOf(location), { force: true })
    },

    async sweepStaged(olderThan) {
      const names = await readdir(staging).catch(() => [] as string[])
      let removed = 0
      for (const name of names) {
        const path = join(staging, name)
        const info = await stat(path).catch(() => null)
        if (info && info.mtime < olderThan) {
          await rm(path, { force: true })
          removed += 1
        }
      }
      return removed
    },
  }
}
