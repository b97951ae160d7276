// The documents' dates: the domain's UK forms ("Fri 5 Dec 2026 14:05"), for a value that may be a
// calendar date (a legal step's dates) or an instant (when an entry happened).
import { formatUkDate, formatUkDateTime } from '../domain/uk-dates.ts'

export const ukDate = formatUkDate
export const ukDateTime = formatUkDateTime

/** A date or an instant, whichever the value is. */
export function ukWhen(value: string): string {
  return value.length === 10 ? formatUkDate(value) : formatUkDateTime(value)
}
