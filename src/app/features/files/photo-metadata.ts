// When and where a photo was taken, from its EXIF (issue 12: what an officer needs in court). The
// date is always read; the place only when the officer ticked "keep where it was taken". exifr
// reads the bytes; it never changes them (the hash is the proof). Loaded only when a photo is
// attached.

export type PhotoMetadata = { takenAt?: string; location?: { latitude: number; longitude: number } }

export async function photoMetadata(blob: Blob, keepLocation: boolean): Promise<PhotoMetadata> {
  const { default: exifr } = await import('exifr')
  // A photo without EXIF (a screenshot, a PNG) or with a damaged block has none: not an error.
  const tags = (await exifr.parse(blob, { gps: keepLocation, pick: ['DateTimeOriginal', 'CreateDate', 'latitude', 'longitude'] }).catch(() => null)) as
    | { DateTimeOriginal?: unknown; CreateDate?: unknown; latitude?: unknown; longitude?: unknown }
    | null
  if (!tags) return {}
  const taken = [tags.DateTimeOriginal, tags.CreateDate].find((d): d is Date => d instanceof Date && !Number.isNaN(d.getTime()))
  const { latitude, longitude } = tags
  const located = keepLocation && typeof latitude === 'number' && typeof longitude === 'number' && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180
  return {
    ...(taken ? { takenAt: taken.toISOString() } : {}),
    ...(located ? { location: { latitude, longitude } } : {}),
  }
}
