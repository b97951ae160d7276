// The working-day calendar for England and Wales. Deadlines in the ASB procedure are counted in working days,
// so this module owns what a working day is. Dates are calendar dates in England ('YYYY-MM-DD'), never Date
// objects: arithmetic runs on whole days since 1970-01-01 in UTC so the host's time zone can never shift a date.

export type IsoDate = string

export interface BankHoliday {
  date: IsoDate
  name: string
}

const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

// Proclaimed departures from the standard rules (Banking and Financial Dealings Act 1971, s.1(3)),
// as published on gov.uk. The standard rule gives the date that is replaced.
const MOVED_HOLIDAYS: readonly { replaces: IsoDate; date: IsoDate }[] = [
  { replaces: '1995-05-01', date: '1995-05-08' }, // Early May moved for the 50th anniversary of VE Day
  { replaces: '2002-05-27', date: '2002-06-04' }, // Spring moved for the Golden Jubilee
  { replaces: '2012-05-28', date: '2012-06-04' }, // Spring moved for the Diamond Jubilee
  { replaces: '2020-05-04', date: '2020-05-08' }, // Early May moved to Friday for the 75th anniversary of VE Day
  { replaces: '2022-05-30', date: '2022-06-02' }, // Spring moved to Thursday for the Platinum Jubilee
]

const ONE_OFF_HOLIDAYS: readonly BankHoliday[] = [
  { date: '1999-12-31', name: 'Millennium celebrations' },
  { date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
  { date: '2011-04-29', name: 'Royal wedding bank holiday' },
  { date: '2012-06-05', name: 'Diamond Jubilee bank holiday' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
]

export function isIsoDate(value: string): boolean {
  if (typeof value !== 'string') return false
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

export function dayOfWeek(date: IsoDate): number {
  return weekdayOf(toDayNumber(date))
}

/**
 * Orders ISO dates or instants for sort(): they are fixed-width, so text order is time order.
 * Not localeCompare, which collates by locale and costs a tablet tens of milliseconds on a
 * chronology of 500 entries (issue 5).
 */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days')
  return fromDayNumber(toDayNumber(date) + days)
}

export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from)
}

export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'months')
  const { year, month, day } = parse(date)
  const monthIndex = year * 12 + (month - 1) + months
  const newYear = Math.floor(monthIndex / 12)
  const newMonth = monthIndex - newYear * 12 + 1
  // A month later than 31 January is the end of February, not early March.
  return fromParts(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)))
}

export function bankHolidays(year: number): BankHoliday[] {
  assertInteger(year, 'year')
  return holidaysOf(year).map((holiday) => ({ ...holiday }))
}

export function isBankHoliday(date: IsoDate): boolean {
  const { year } = parse(date)
  return holidayDatesOf(year).has(date)
}

export function isWorkingDay(date: IsoDate): boolean {
  const weekday = dayOfWeek(date)
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date)
}

// The start day never counts: a deadline of n working days "from" a letter runs from the day after it.
export function addWorkingDays(start: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days')
  if (days < 0) throw new RangeError(`days must not be negative: ${days}`)
  let dayNumber = toDayNumber(start)
  let remaining = days
  while (remaining > 0) {
    dayNumber += 1
    if (isWorkingDay(fromDayNumber(dayNumber))) remaining -= 1
  }
  return fromDayNumber(dayNumber)
}

// Counts working days d with from < d <= to, so workingDaysBetween(s, addWorkingDays(s, n)) === n.
// Weekdays are counted by whole weeks and bank holidays subtracted year by year, not day by day:
// lists show "overdue (n working days)" for items years old, and a day-by-day count of each made
// a device's Today screen take seconds to draw (issue 5's benchmarks).
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const first = toDayNumber(from)
  const last = toDayNumber(to)
  if (last <= first) return 0
  const span = last - first
  let count = Math.floor(span / 7) * 5
  for (let dayNumber = first + 1 + Math.floor(span / 7) * 7; dayNumber <= last; dayNumber += 1) {
    if (isWeekday(dayNumber)) count += 1
  }
  for (let year = parse(from).year; year <= parse(to).year; year += 1) {
    for (const date of holidayDatesOf(year)) {
      const dayNumber = toDayNumber(date)
      if (dayNumber > first && dayNumber <= last && isWeekday(dayNumber)) count -= 1
    }
  }
  return count
}

function isWeekday(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber)
  return weekday !== 0 && weekday !== 6
}

// Working-day loops ask about the same few years thousands of times; each year's list is derived once.
// The cache holds only values computed from the rules above, so it cannot change any answer.
const holidaysByYear = new Map<number, { list: readonly BankHoliday[]; dates: ReadonlySet<IsoDate> }>()

function holidaysOf(year: number): readonly BankHoliday[] {
  return cachedYear(year).list
}

function holidayDatesOf(year: number): ReadonlySet<IsoDate> {
  return cachedYear(year).dates
}

function cachedYear(year: number): { list: readonly BankHoliday[]; dates: ReadonlySet<IsoDate> } {
  let entry = holidaysByYear.get(year)
  if (!entry) {
    const list = computeHolidays(year)
    entry = { list, dates: new Set(list.map((holiday) => holiday.date)) }
    holidaysByYear.set(year, entry)
  }
  return entry
}

function computeHolidays(year: number): BankHoliday[] {
  const easter = toDayNumber(easterSunday(year))
  const christmas = toDayNumber(fromParts(year, 12, 25))
  const holidays: BankHoliday[] = [
    { date: nextWeekday(fromParts(year, 1, 1)), name: "New Year's Day" },
    { date: fromDayNumber(easter - 2), name: 'Good Friday' },
    { date: fromDayNumber(easter + 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    ...christmasHolidays(christmas),
  ]
  for (const holiday of holidays) {
    const move = MOVED_HOLIDAYS.find((candidate) => candidate.replaces === holiday.date)
    if (move) holiday.date = move.date
  }
  holidays.push(...ONE_OFF_HOLIDAYS.filter((holiday) => holiday.date.startsWith(`${pad(year, 4)}-`)))
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

// When Christmas or Boxing Day falls at a weekend, the substitutes are the next weekdays not already taken:
// Sat 25 → Mon 27 and Tue 28 (2021, 2027); Sun 25 → Boxing Day Mon 26, Christmas Tue 27 (2022);
// Sat 26 → Mon 28 (2020, 2026).
function christmasHolidays(christmas: number): BankHoliday[] {
  const weekday = weekdayOf(christmas)
  const substitute = ' (substitute day)'
  if (weekday === 6) {
    return [
      { date: fromDayNumber(christmas + 2), name: `Christmas Day${substitute}` },
      { date: fromDayNumber(christmas + 3), name: `Boxing Day${substitute}` },
    ]
  }
  if (weekday === 0) {
    return [
      { date: fromDayNumber(christmas + 1), name: 'Boxing Day' },
      { date: fromDayNumber(christmas + 2), name: `Christmas Day${substitute}` },
    ]
  }
  if (weekday === 5) {
    return [
      { date: fromDayNumber(christmas), name: 'Christmas Day' },
      { date: fromDayNumber(christmas + 3), name: `Boxing Day${substitute}` },
    ]
  }
  return [
    { date: fromDayNumber(christmas), name: 'Christmas Day' },
    { date: fromDayNumber(christmas + 1), name: 'Boxing Day' },
  ]
}

// Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
function easterSunday(year: number): IsoDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return fromParts(year, month, day)
}

function nextWeekday(date: IsoDate): IsoDate {
  let dayNumber = toDayNumber(date)
  while (weekdayOf(dayNumber) === 0 || weekdayOf(dayNumber) === 6) dayNumber += 1
  return fromDayNumber(dayNumber)
}

function firstMonday(year: number, month: number): IsoDate {
  const first = toDayNumber(fromParts(year, month, 1))
  return fromDayNumber(first + ((8 - weekdayOf(first)) % 7))
}

function lastMonday(year: number, month: number): IsoDate {
  const last = toDayNumber(fromParts(year, month, daysInMonth(year, month)))
  return fromDayNumber(last - ((weekdayOf(last) + 6) % 7))
}

function weekdayOf(dayNumber: number): number {
  // Day 0, 1970-01-01, was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

function parse(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}

function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parse(date)
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const instant = new Date(0)
  instant.setUTCFullYear(year, month - 1, day)
  return instant.getTime() / MS_PER_DAY
}

function fromDayNumber(dayNumber: number): IsoDate {
  const instant = new Date(dayNumber * MS_PER_DAY)
  return fromParts(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate())
}

function fromParts(year: number, month: number, day: number): IsoDate {
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`Date outside years 0000–9999: year ${year}`)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer: ${String(value)}`)
}
