import { thumbnailSchema } from '../../../domain/files.ts'

// The small preview made at capture (DESIGN.md "Evidence files"): at most 320 px, a JPEG data URL
// that fits the event's 40,000 characters, so a chronology of sixty photos draws from the events
// alone without reading a byte of the files. The original bytes are never touched.

const maxSide = 320

function drawScaled(source: CanvasImageSource, width: number, height: number): string | undefined {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(width * scale))
  canvas.height = Math.max(1, Math.round(height * scale))
  const context = canvas.getContext('2d')
  if (!context) return undefined
  context.drawImage(source, 0, 0, canvas.width, canvas.height)
  // Lower the quality until it fits the schema's limit; a preview that never fits is left out.
  for (const quality of [0.7, 0.5, 0.3]) {
    const url = canvas.toDataURL('image/jpeg', quality)
    if (thumbnailSchema.safeParse(url).success) return url
  }
  return undefined
}

export async function imageThumbnail(blob: Blob): Promise<string | undefined> {
  if (typeof createImageBitmap !== 'function') return undefined
  // A format this browser cannot decode (HEIC outside Safari) simply has no preview.
  const bitmap = await createImageBitmap(blob).catch(() => null)
  if (!bitmap) return undefined
  try {
    return drawScaled(bitmap, bitmap.width, bitmap.height)
  } finally {
    bitmap.close()
  }
}

/** The first frame of a video, and its length. */
export async function videoThumbnail(blob: Blob): Promise<{ thumbnail?: string; durationSeconds?: number }> {
  const url = URL.createObjectURL(blob)
  const video = document.createElement('video')
  video.muted = true
  video.preload = 'auto'
  video.playsInline = true
  try {
    const loaded = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 4_000)
      video.onloadeddata = () => {
        clearTimeout(timer)
        resolve(true)
      }
      video.onerror = () => {
        clearTimeout(timer)
        resolve(false)
      }
      video.src = url
    })
    if (!loaded || !video.videoWidth) return {}
    const durationSeconds = Number.isFinite(video.duration) ? Math.min(86_400, video.duration) : undefined
    const thumbnail = drawScaled(video, video.videoWidth, video.videoHeight)
    return { ...(thumbnail ? { thumbnail } : {}), ...(durationSeconds !== undefined ? { durationSeconds } : {}) }
  } finally {
    URL.revokeObjectURL(url)
  }
}
