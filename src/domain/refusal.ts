// A refused step, as a value: a machine-readable code for the sync API, the rule it comes from,
// and a sentence an officer understands. Thrown errors are for bugs, never for refusals.
export type Refusal = { code: string; message: string; rule?: string }

export function refuse(code: string, message: string, rule?: string): Refusal {
  return rule ? { code, message, rule } : { code, message }
}
