import type { IsoDate } from './calendar.ts'
import { dayOfWeek } from './calendar.ts'
import { londonDate, londonTime } from './london-time.ts'

// Dates as people in England read them. Machine forms (2026-12-05, instants in UTC) stay in the
// data; every screen, message, letter and document shows these. Written out rather than through
// Intl so the device, the server and a PDF made in Node give the same text whatever their locale
// data (and without Intl's cost on every row of a long list).

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const longMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

function parts(date: IsoDate): { year: string; month: number; day: number } {
  return { year: date.slice(0, 4), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}

/** "Fri 5 Dec 2026": on screens and in messages. */
export function formatUkDate(date: IsoDate): string {
  const { year, month, day } = parts(date)
  return `${weekdays[dayOfWeek(date)]} ${day} ${shortMonths[month - 1]} ${year}`
}

/** "5 December 2026": in letters. */
export function formatLetterDate(date: IsoDate): string {
  const { year, month, day } = parts(date)
  return `${day} ${longMonths[month - 1]} ${year}`
}

/** "Fri 5 Dec 2026 23:24", the time as it was in England. */
export function formatUkDateTime(instant: string): string {
  return `${formatUkDate(londonDate(instant))} ${londonTime(instant)}`
}
