import type { Control } from 'react-hook-form'
import { useController } from 'react-hook-form'
import type { RiskAnswer, RiskLevel } from '../../domain/risk-matrix.ts'
import { defaultRiskMatrix, riskAnswers, riskLevels, scoreRiskAssessment } from '../../domain/risk-matrix.ts'
import type { FormValues } from './field-spec.ts'

// R7: the Risk Assessment Matrix, question by question, with the score and level worked out as
// the officer answers. The officer may raise the level with a reason, never lower it.

type Value = {
  matrixVersion: string
  answers: Record<string, RiskAnswer>
  score: number
  computedLevel: RiskLevel
  level: RiskLevel
  raisedReason?: string
  reason?: string
}

const answerLabels: Record<RiskAnswer, string> = { yes: 'Yes', no: 'No', not_known: 'Not known' }
const levelLabels: Record<RiskLevel, string> = { standard: 'Standard', medium: 'Medium', high: 'High' }

function withScore(answers: Record<string, RiskAnswer>, chosen: RiskLevel | undefined, raisedReason: string | undefined, reason: string | undefined): Value {
  const scored = scoreRiskAssessment(defaultRiskMatrix, answers)
  const level = chosen && riskLevels.indexOf(chosen) > riskLevels.indexOf(scored.computedLevel) ? chosen : scored.computedLevel
  return {
    matrixVersion: defaultRiskMatrix.version,
    answers,
    score: scored.score,
    computedLevel: scored.computedLevel,
    level,
    ...(raisedReason ? { raisedReason } : {}),
    ...(reason ? { reason } : {}),
  }
}

export function RiskMatrixField({ name, control, error }: { name: string; control: Control<FormValues>; error?: string | undefined }) {
  const { field } = useController({ name, control, defaultValue: withScore({}, undefined, undefined, undefined) })
  const value = field.value as Value
  const scored = scoreRiskAssessment(defaultRiskMatrix, value.answers)
  const update = (patch: Partial<{ answers: Record<string, RiskAnswer>; level: RiskLevel; raisedReason: string }>) =>
    field.onChange(
      withScore(patch.answers ?? value.answers, patch.level ?? value.level, patch.raisedReason ?? value.raisedReason, value.reason),
    )
  return (
    <fieldset className="field risk-matrix">
      <legend>{defaultRiskMatrix.title}</legend>
      <p className="hint">Ask the victim each question. “Not known” scores nothing and is listed to follow up.</p>
      {error && <p className="error" role="alert">{error}</p>}
      <ol className="risk-questions">
        {defaultRiskMatrix.questions.map((q) => (
          <li key={q.id}>
            <fieldset>
              <legend>
                <span className="question-id">{q.id}</span> {q.text}
              </legend>
              <div className="choices choices-inline">
                {riskAnswers.map((a) => (
                  <label key={a} className="choice">
                    <input
                      type="radio"
                      name={`${name}-${q.id}`}
                      checked={value.answers[q.id] === a}
                      onChange={() => update({ answers: { ...value.answers, [q.id]: a } })}
                    />{' '}
                    {answerLabels[a]}
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <p className="risk-result" aria-live="polite">
        Score {scored.score} of {scored.maxScore}: <strong>{levelLabels[scored.computedLevel]}</strong>
        {scored.escalatedBy ? ` (${scored.escalatedBy})` : ''}
        {scored.unanswered.length > 0 ? ` · ${scored.unanswered.length} not answered yet` : ''}
        {scored.notKnown.length > 0 ? ` · follow up: ${scored.notKnown.join(', ')}` : ''}
      </p>
      <div className="field">
        <label htmlFor={`${name}-level`}>Level (you may raise it with a reason)</label>
        <select id={`${name}-level`} value={value.level} onChange={(e) => update({ level: e.target.value as RiskLevel })}>
          {riskLevels.slice(riskLevels.indexOf(scored.computedLevel)).map((l) => (
            <option key={l} value={l}>
              {levelLabels[l]}
            </option>
          ))}
        </select>
      </div>
      {value.level !== scored.computedLevel && (
        <div className="field">
          <label htmlFor={`${name}-raised`}>Why you are raising the level</label>
          <textarea id={`${name}-raised`} rows={3} value={value.raisedReason ?? ''} onChange={(e) => update({ raisedReason: e.target.value })} />
        </div>
      )}
    </fieldset>
  )
}
