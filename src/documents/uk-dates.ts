// Dates as people in England read them on paper: "Fri 5 Dec 2026 14:05", in London time.
import { dayOfWeek } from '../domain/calendar.ts'
import { londonDate, londonTime } from '../domain/london-time.ts'

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const months = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const

/** "Fri 5 Dec 2026" for an England calendar date (YYYY-MM-DD). */
export function ukDate(date: string): string {
  const [year, month, day] = date.split('-')
  return `${weekdays[dayOfWeek(date)]} ${Number(day)} ${months[Number(month) - 1]} ${year}`
}

/** "Fri 5 Dec 2026 14:05" for a UTC instant, in London time. */
export function ukDateTime(instant: string): string {
  return `${ukDate(londonDate(instant))} ${londonTime(instant)}`
}

/** A date or an instant, whichever the value is. */
export function ukWhen(value: string): string {
  return value.length === 10 ? ukDate(value) : ukDateTime(value)
}
