import type { IsoDate } from './calendar.ts'
import { dayOfWeek } from './calendar.ts'
import { londonDate } from './london-time.ts'

// Dates as people here read them ("Fri 5 Dec 2026"), the same on every machine: no Intl, whose
// output depends on the runtime's locale data.

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

export function ukDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number)
  return `${days[dayOfWeek(date)]} ${day} ${months[(month ?? 1) - 1]} ${year}`
}

/** The day in England of an instant ("Fri 5 Dec 2026"). */
export function ukDateOf(instant: string): string {
  return ukDate(londonDate(instant))
}
