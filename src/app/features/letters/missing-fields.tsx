import { useId } from 'react'
import type { MergeField, MergeValues } from '../../../documents/letters/merge-fields.ts'
import { mergeFields } from '../../../documents/letters/merge-fields.ts'

// The fields a letter needs that the matter cannot give: asked here, one labelled input each,
// so a letter never goes out with a blank where a name, address or date should be.

type Props = { missing: readonly MergeField[]; values: MergeValues; onChange: (field: MergeField, value: string) => void }

export function MissingFields({ missing, values, onChange }: Props) {
  const idPrefix = useId()
  if (missing.length === 0) return null
  return (
    <fieldset className="field letter-missing">
      <legend>What the letter needs from you</legend>
      {missing.map((name) => {
        const info: { label: string; kind: string; hint?: string } = mergeFields[name]
        const id = `${idPrefix}-${name.replace(/\./g, '-')}`
        const common = {
          id,
          value: values[name] ?? '',
          'aria-describedby': info.hint ? `${id}-hint` : undefined,
          onChange: (e: { target: { value: string } }) => onChange(name, e.target.value),
        }
        return (
          <div className="field" key={name}>
            <label htmlFor={id}>{info.label}</label>
            {info.hint && (
              <p className="hint" id={`${id}-hint`}>
                {info.hint}
              </p>
            )}
            {info.kind === 'multiline' ? <textarea {...common} rows={3} /> : <input type={info.kind === 'date' ? 'date' : 'text'} {...common} />}
          </div>
        )
      })}
    </fieldset>
  )
}
