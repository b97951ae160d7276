import { useEffect, useRef, useState } from 'react'
import type { CasebookDb } from '../../../db/database.ts'
import { newId } from '../../../db/new-id.ts'
import type { RecordingStart } from '../../../db/recordings.ts'
import { appendRecordingChunk, recordingOf } from '../../../db/recordings.ts'

// Audio recorded in the app (issue 12): MediaRecorder hands over a chunk every second, and each
// chunk is written to the device store at once (db/recordings.ts), so a closed app, a locked
// screen that the browser ends up suspending, or a flat battery loses at most a second. The level
// comes from an analyser on the same stream, so the officer sees that the microphone hears.

export type Recorded = { recordingId: string; blob: Blob; startedAt: string; durationSeconds: number }
type Running = { recorder: MediaRecorder; stream: MediaStream; start: RecordingStart; audio: AudioContext | null; startedMs: number }

const chunkMs = 1_000

function supportedType(): string {
  const candidates = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4']
  return candidates.find((t) => MediaRecorder.isTypeSupported(t)) ?? ''
}

export type AudioRecorder = ReturnType<typeof useAudioRecorder>

export function useAudioRecorder(db: CasebookDb, matterId: string, now: () => string) {
  const [state, setState] = useState<'idle' | 'starting' | 'recording' | 'saving'>('idle')
  const [elapsed, setElapsed] = useState(0)
  const [level, setLevel] = useState(0)
  const [error, setError] = useState<string | null>(null)
  /** The recording being made now: its chunks are in the store but it is not "recovered". */
  const [activeId, setActiveId] = useState<string | null>(null)
  const running = useRef<Running | null>(null)
  const writes = useRef<Promise<void>>(Promise.resolve())

  useEffect(() => () => stopTracks(running.current), [])
  useEffect(() => {
    if (state !== 'recording') return
    const timer = setInterval(() => {
      const r = running.current
      if (r) setElapsed(Math.floor((Date.now() - r.startedMs) / 1_000))
    }, 250)
    return () => clearInterval(timer)
  }, [state])

  async function start(): Promise<void> {
    setError(null)
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
      setError('This browser cannot record audio. Use the device’s own recorder and attach the file.')
      return
    }
    setState('starting')
    let stream: MediaStream
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true })
    } catch {
      setState('idle')
      setError('Casebook may not use the microphone. Allow it in the browser’s settings for this site, then try again.')
      return
    }
    const mimeType = supportedType()
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined)
    const start: RecordingStart = { recordingId: newId(now()), matterId, startedAt: now(), mediaType: (recorder.mimeType || mimeType || 'audio/webm').split(';')[0]! }
    recorder.ondataavailable = (e) => {
      // Written in order, one after the other: the chunks are one file only in this order.
      writes.current = writes.current.then(() => appendRecordingChunk(db, start, e.data))
    }
    running.current = { recorder, stream, start, audio: meterLevel(stream, setLevel), startedMs: Date.now() }
    recorder.start(chunkMs)
    setActiveId(start.recordingId)
    setElapsed(0)
    setState('recording')
  }

  /** Stops, waits for the last chunk to be stored, and returns the whole recording. */
  async function stop(): Promise<Recorded | null> {
    const r = running.current
    if (!r) return null
    setState('saving')
    const stopped = new Promise<void>((resolve) => r.recorder.addEventListener('stop', () => resolve(), { once: true }))
    r.recorder.stop()
    await stopped
    stopTracks(r)
    running.current = null
    try {
      await writes.current
    } catch {
      setActiveId(null)
      setState('idle')
      setError('The recording could not be stored on this device (is it full?). What was saved so far is offered back as a recovered recording.')
      return null
    }
    const recording = await recordingOf(db, r.start.recordingId)
    setActiveId(null)
    setState('idle')
    setLevel(0)
    if (!recording) {
      setError('Nothing was recorded. Check the microphone and try again.')
      return null
    }
    return { recordingId: r.start.recordingId, blob: recording.blob, startedAt: r.start.startedAt, durationSeconds: Math.max(1, Math.round((Date.now() - r.startedMs) / 1_000)) }
  }

  return { state, elapsed, level, error, activeId, start, stop }
}

function stopTracks(r: Running | null): void {
  if (!r) return
  for (const track of r.stream.getTracks()) track.stop()
  void r.audio?.close()
}

function meterLevel(stream: MediaStream, setLevel: (level: number) => void): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null
  const audio = new AudioContext()
  const analyser = audio.createAnalyser()
  analyser.fftSize = 512
  audio.createMediaStreamSource(stream).connect(analyser)
  const samples = new Uint8Array(analyser.fftSize)
  const tick = () => {
    if (audio.state === 'closed') return
    analyser.getByteTimeDomainData(samples)
    let peak = 0
    for (const s of samples) peak = Math.max(peak, Math.abs(s - 128))
    setLevel(Math.min(1, peak / 128))
    // A timer, not an animation frame: frames stop with the screen off, the meter need not run.
    setTimeout(tick, 100)
  }
  tick()
  return audio
}
