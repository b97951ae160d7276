// The council works in Europe/London local time (GMT in winter, BST in summer), while events carry UTC
// instants ('2026-11-25T11:47:00.000Z'). This module is the only place that converts between the two, always
// through the IANA zone so neither the host's time zone nor a hand-written clock-change rule is involved.

import { addCalendarDays, isIsoDate, type IsoDate } from './calendar.ts'

// Any fraction of a second, as the instantSchema (z.iso.datetime) accepts: a value that passes the schema
// must not throw here.
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/

// Building a DateTimeFormat is slow compared with using one; one formatter serves every call.
// hourCycle 'h23' because some ICU versions print midnight as '24' with hour12: false.
const londonFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

interface WallClock {
  date: IsoDate
  hour: string
  minute: string
  second: string
}

export function isInstant(value: string): boolean {
  if (typeof value !== 'string') return false
  const match = INSTANT.exec(value)
  if (!match) return false
  const [, date = '', hour, minute, second] = match
  return isIsoDate(date) && Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59
}

export function londonDate(instant: string): IsoDate {
  return wallClockAt(toEpochMs(instant)).date
}

export function londonTime(instant: string): string {
  const { hour, minute } = wallClockAt(toEpochMs(instant))
  return `${hour}:${minute}`
}

export function startOfLondonDay(date: IsoDate): string {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  const midnightAsUtc = Date.parse(`${date}T00:00:00.000Z`)
  // London midnight is UTC midnight minus the offset in force at that moment. The first guess uses the offset
  // at UTC midnight; if the clocks change in between, the offset at the guess itself is the right one.
  // (UK clocks change at 01:00 UTC, so midnight is never skipped or repeated.)
  const firstGuess = midnightAsUtc - offsetMsAt(midnightAsUtc)
  const instant = midnightAsUtc - offsetMsAt(firstGuess)
  return new Date(instant).toISOString()
}

export function endOfLondonDay(date: IsoDate): string {
  return startOfLondonDay(addCalendarDays(date, 1))
}

function toEpochMs(instant: string): number {
  if (!isInstant(instant))
    throw new RangeError(`Not a UTC instant (YYYY-MM-DDTHH:MM:SS.sssZ): ${JSON.stringify(instant)}`)
  return Date.parse(instant)
}

// How far London's wall clock is ahead of UTC at this instant (0 in GMT, one hour in BST).
function offsetMsAt(epochMs: number): number {
  const { date, hour, minute, second } = wallClockAt(epochMs)
  const wallClockAsUtc = Date.parse(`${date}T${hour}:${minute}:${second}.000Z`)
  return wallClockAsUtc - Math.floor(epochMs / 1000) * 1000
}

// UK clocks have always changed on a whole UTC hour, so the offset is the same for a whole UTC
// hour: it is asked of the formatter once an hour of time and kept. formatToParts costs tens of
// microseconds, and the server's checks ask for London's date of every event pushed (issue 5).
const offsetByUtcHour = new Map<number, number>()
const hourMs = 3_600_000

function offsetOfHour(epochMs: number): number {
  const hour = Math.floor(epochMs / hourMs)
  let offset = offsetByUtcHour.get(hour)
  if (offset === undefined) {
    const start = hour * hourMs
    const { date, hour: h, minute, second } = formattedWallClock(start)
    offset = Date.parse(`${date}T${h}:${minute}:${second}.000Z`) - start
    if (offsetByUtcHour.size >= 100_000) offsetByUtcHour.clear()
    offsetByUtcHour.set(hour, offset)
  }
  return offset
}

function wallClockAt(epochMs: number): WallClock {
  const iso = new Date(epochMs + offsetOfHour(epochMs)).toISOString()
  if (iso.length !== 24) return formattedWallClock(epochMs) // years beyond 9999
  return { date: iso.slice(0, 10), hour: iso.slice(11, 13), minute: iso.slice(14, 16), second: iso.slice(17, 19) }
}

function formattedWallClock(epochMs: number): WallClock {
  const parts: Record<string, string> = {}
  for (const part of londonFormatter.formatToParts(epochMs)) parts[part.type] = part.value
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    hour: parts['hour'] ?? '',
    minute: parts['minute'] ?? '',
    second: parts['second'] ?? '',
  }
}
