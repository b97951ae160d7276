import type { AudioRecorder, Recorded } from './use-audio-recorder.ts'

// The in-app audio recorder: start, the running time and a level meter, stop and attach.

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  return `${m}:${String(s).padStart(2, '0')}`
}

export function AudioRecorderPanel({ recorder, onRecorded }: { recorder: AudioRecorder; onRecorded: (r: Recorded) => void }) {
  const recording = recorder.state === 'recording'
  return (
    <div className="audio-recorder">
      {recorder.error && (
        <p className="alert alert-error" role="alert">
          {recorder.error}
        </p>
      )}
      {recording || recorder.state === 'saving' ? (
        <div className="recording-now">
          <p role="status">
            Recording <span className="recording-time">{clock(recorder.elapsed)}</span>
          </p>
          <meter className="level-meter" min={0} max={1} value={recorder.level} aria-label="Sound level" />
          <button
            type="button"
            className="button button-primary"
            disabled={!recording}
            onClick={() =>
              void recorder.stop().then((r) => {
                if (r) onRecorded(r)
              })
            }
          >
            {recording ? 'Stop and attach the recording' : 'Saving the recording…'}
          </button>
        </div>
      ) : (
        <button type="button" className="button" disabled={recorder.state === 'starting'} onClick={() => void recorder.start()}>
          Record audio
        </button>
      )}
    </div>
  )
}
