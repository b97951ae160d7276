import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as CalendarModule from '../../src/domain/calendar.ts'
import { instantSchema } from '../../src/domain/primitives.ts'
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  bankHolidays,
  calendarDaysBetween,
  compareIso,
  dayOfWeek,
  isBankHoliday,
  isIsoDate,
  isWorkingDay,
  workingDaysBetween,
} from '../../src/domain/calendar.ts'

// gov.uk's published England and Wales bank holidays for 2020–2027; 2028–2030 by the standard rules.
// Easter Sundays: 2020-04-12, 2021-04-04, 2022-04-17, 2023-04-09, 2024-03-31, 2025-04-20, 2026-04-05,
// 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21.
// prettier-ignore
const PUBLISHED_BANK_HOLIDAYS: Record<number, string[]> = {
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: [
    '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19',
    '2022-12-26', '2022-12-27',
  ],
  2023: [
    '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25',
    '2023-12-26',
  ],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  2028: ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
  2029: ['2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26'],
  2030: ['2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26'],
}
const everyPublishedHoliday = Object.values(PUBLISHED_BANK_HOLIDAYS).flat()

describe('bank holidays in England and Wales', () => {
  it.each(Object.entries(PUBLISHED_BANK_HOLIDAYS))('%s matches the published list', (year, dates) => {
    expect(bankHolidays(Number(year)).map((holiday) => holiday.date)).toEqual(dates)
  })

  it.each(everyPublishedHoliday)('%s is a bank holiday and not a working day', (date) => {
    expect(isBankHoliday(date)).toBe(true)
    expect(isWorkingDay(date)).toBe(false)
  })

  it.each([
    ['2020-12-28', 'Boxing Day (substitute day)', 'Boxing Day 2020 was a Saturday'],
    ['2021-12-27', 'Christmas Day (substitute day)', 'Christmas 2021 was a Saturday'],
    ['2021-12-28', 'Boxing Day (substitute day)', 'Boxing Day 2021 was a Sunday'],
    ['2022-01-03', "New Year's Day", "New Year's Day 2022 was a Saturday"],
    ['2022-12-26', 'Boxing Day', 'Christmas 2022 was a Sunday, Boxing Day keeps the Monday'],
    ['2022-12-27', 'Christmas Day (substitute day)', 'so Christmas moves to the Tuesday'],
    ['2023-01-02', "New Year's Day", "New Year's Day 2023 was a Sunday"],
    ['2026-12-28', 'Boxing Day (substitute day)', 'Boxing Day 2026 is a Saturday'],
    ['2027-12-27', 'Christmas Day (substitute day)', 'Christmas 2027 is a Saturday'],
    ['2027-12-28', 'Boxing Day (substitute day)', 'Boxing Day 2027 is a Sunday'],
  ])('%s is %s (%s)', (date, name) => {
    expect(bankHolidays(Number(date.slice(0, 4)))).toContainEqual({ date, name })
  })

  it.each([
    ['2020-05-08', 'Early May bank holiday', 'moved to Friday for VE Day 75'],
    ['2022-06-02', 'Spring bank holiday', 'moved to Thursday for the Platinum Jubilee'],
    ['2022-06-03', 'Platinum Jubilee bank holiday', 'one-off'],
    ['2022-09-19', 'Bank holiday for the State Funeral of Queen Elizabeth II', 'one-off'],
    ['2023-05-08', 'Bank holiday for the coronation of King Charles III', 'one-off'],
  ])('%s is the %s (%s)', (date, name) => {
    expect(bankHolidays(Number(date.slice(0, 4)))).toContainEqual({ date, name })
  })

  it.each([
    ['2020-05-04', 'the first Monday of May 2020, replaced by VE Day'],
    ['2022-05-30', 'the last Monday of May 2022, replaced by the Jubilee'],
    ['2024-06-03', 'no move in 2024: Spring bank holiday stays on 27 May'],
    ['2026-05-11', 'no move in 2026: Early May stays on the 4th'],
  ])('%s is a working day (%s)', (date) => {
    expect(isBankHoliday(date)).toBe(false)
    expect(isWorkingDay(date)).toBe(true)
  })

  it.each([
    ['1995-05-08', true, 'Early May moved for VE Day 50'],
    ['1995-05-01', false, 'the Monday it replaced'],
    ['1999-12-31', true, 'Millennium'],
    ['2002-06-03', true, 'Golden Jubilee'],
    ['2002-06-04', true, 'Spring bank holiday moved'],
    ['2002-05-27', false, 'the Monday it replaced'],
    ['2011-04-29', true, 'royal wedding'],
    ['2012-06-04', true, 'Spring bank holiday moved'],
    ['2012-06-05', true, 'Diamond Jubilee'],
    ['2012-05-28', false, 'the Monday it replaced'],
  ])('before 2020: %s is a bank holiday: %s (%s)', (date, expected) => {
    expect(isBankHoliday(date)).toBe(expected)
  })

  it.each([
    [2038, '2038-04-23', '2038-04-26', 'latest possible Easter, 25 April'],
    [2285, '2285-03-20', '2285-03-23', 'earliest possible Easter, 22 March'],
    [2100, '2100-03-26', '2100-03-29', 'not a leap year'],
  ])('%i: Good Friday %s and Easter Monday %s (%s)', (year, goodFriday, easterMonday) => {
    expect(bankHolidays(year)).toContainEqual({ date: goodFriday, name: 'Good Friday' })
    expect(bankHolidays(year)).toContainEqual({ date: easterMonday, name: 'Easter Monday' })
  })

  it('gives every year 1990–2100 at least eight sorted weekday holidays inside the year', () => {
    for (let year = 1990; year <= 2100; year += 1) {
      const dates = bankHolidays(year).map((holiday) => holiday.date)
      expect(dates.length).toBeGreaterThanOrEqual(8)
      expect([...dates].sort()).toEqual(dates)
      for (const date of dates) {
        expect(date.startsWith(`${year}-`)).toBe(true)
        expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(date))
      }
    }
  })

  it('hands out a copy, so a caller cannot change the calendar', () => {
    const holidays = bankHolidays(2026)
    holidays[0]!.date = '2026-01-02'
    holidays.pop()
    expect(bankHolidays(2026).map((holiday) => holiday.date)).toEqual(PUBLISHED_BANK_HOLIDAYS[2026])
  })
})

describe('working days', () => {
  it.each([
    ['2026-11-25', true, 'a Wednesday'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2021-12-25', false, 'Christmas on a Saturday'],
    ['2026-12-24', true, 'Christmas Eve is not a bank holiday'],
    ['2026-12-31', true, "New Year's Eve is not a bank holiday"],
    ['2026-04-02', true, 'Maundy Thursday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected)
  })

  it.each([
    ['2026-11-25', 10, '2026-12-09', 'two ordinary weeks'],
    ['2026-12-23', 1, '2026-12-24', 'Christmas Eve'],
    ['2026-12-23', 2, '2026-12-29', 'over Christmas Friday and the Boxing Day substitute Monday'],
    ['2027-12-23', 2, '2027-12-29', 'over both Christmas substitute days'],
    ['2027-12-31', 1, '2028-01-04', "over the New Year's Day substitute Monday"],
    ['2030-12-24', 5, '2031-01-03', 'into a year beyond the published list'],
    ['2026-04-02', 1, '2026-04-07', 'over Good Friday and Easter Monday'],
    ['2024-03-28', 1, '2024-04-02', 'over Easter at the end of March'],
    ['2022-06-01', 1, '2022-06-06', 'over the Platinum Jubilee weekend'],
    ['2020-05-07', 1, '2020-05-11', 'over the VE Day Friday'],
    ['2026-11-27', 1, '2026-11-30', 'from a Friday, over the weekend'],
    ['2026-11-28', 1, '2026-11-30', 'from a Saturday: the start never counts'],
    ['2026-12-25', 1, '2026-12-29', 'from a bank holiday: the start never counts'],
    ['2028-02-28', 1, '2028-02-29', 'onto a leap day'],
    ['2026-11-25', 0, '2026-11-25', 'no days'],
    ['2026-11-28', 0, '2026-11-28', 'no days, even from a weekend'],
  ])('addWorkingDays(%s, %i) is %s (%s)', (start, days, expected) => {
    expect(addWorkingDays(start, days)).toBe(expected)
  })

  it('R4: a letter sent on Friday 18 December 2026 reaches its 10th working day on Wednesday 6 January 2027', () => {
    // 21, 22, 23, 24 Dec; 25 and 28 Dec are holidays; 29, 30, 31 Dec; 1 Jan is a holiday; 4, 5, 6 Jan.
    expect(addWorkingDays('2026-12-18', 10)).toBe('2027-01-06')
    expect(addWorkingDays('2026-12-18', 9)).toBe('2027-01-05')
  })

  it.each([
    ['2026-11-25', '2026-11-25', 0, 'the same day'],
    ['2026-11-30', '2026-11-25', 0, 'backwards'],
    ['2026-11-27', '2026-11-30', 1, 'Friday to Monday counts only the Monday'],
    ['2026-11-28', '2026-11-29', 0, 'a weekend'],
    ['2026-12-24', '2026-12-28', 0, 'Christmas 2026'],
    ['2026-12-18', '2027-01-06', 10, 'the R4 example'],
    ['2025-12-31', '2026-12-31', 253, 'all of 2026: 261 weekdays less 8 bank holidays'],
  ])('workingDaysBetween(%s, %s) is %i (%s)', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected)
  })

  it('addWorkingDays and workingDaysBetween agree for any start in 2020–2030 and up to 60 days', () => {
    const firstDay = '2020-01-01'
    const span = calendarDaysBetween(firstDay, '2030-12-31')
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: 60 }), (offset, days) => {
        const start = addCalendarDays(firstDay, offset)
        const result = addWorkingDays(start, days)
        expect(workingDaysBetween(start, result)).toBe(days)
        if (days > 0) {
          expect(isWorkingDay(result)).toBe(true)
          expect(calendarDaysBetween(start, result)).toBeGreaterThan(0)
          expect(addWorkingDays(start, days - 1) < result).toBe(true)
        } else {
          expect(result).toBe(start)
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28', 'clamps to the end of February'],
    ['2024-01-31', 1, '2024-02-29', 'clamps to a leap day'],
    ['2026-11-30', 3, '2027-02-28', 'across a year end'],
    ['2026-03-31', 1, '2026-04-30', 'clamps to a 30-day month'],
    ['2026-03-31', -1, '2026-02-28', 'backwards'],
    ['2026-01-15', -13, '2024-12-15', 'more than a year backwards'],
    ['2026-11-25', 0, '2026-11-25', 'no months'],
    ['2026-11-25', 12, '2027-11-25', 'a year'],
  ])('addCalendarMonths(%s, %i) is %s (%s)', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected)
  })

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-11-25', -365, '2025-11-25'],
  ])('addCalendarDays(%s, %i) is %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected)
    expect(calendarDaysBetween(date, expected)).toBe(days)
  })

  it.each([
    ['1970-01-01', 4],
    ['2026-11-25', 3],
    ['2026-11-28', 6],
    ['2026-11-29', 0],
    ['2000-02-29', 2],
  ])('dayOfWeek(%s) is %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected)
  })

  it.each([
    ['2026-11-25', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['2100-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-11-00', false],
    ['2026-1-25', false],
    ['26-11-25', false],
    ['2026-11-25T00:00:00Z', false],
    [' 2026-11-25', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected)
  })
})

describe('programming errors throw a RangeError naming the bad value', () => {
  it.each([
    ['isWorkingDay', () => isWorkingDay('2026-02-30'), '2026-02-30'],
    ['isBankHoliday', () => isBankHoliday('25/11/2026'), '25/11/2026'],
    ['addWorkingDays date', () => addWorkingDays('2026-11-31', 1), '2026-11-31'],
    ['addWorkingDays negative', () => addWorkingDays('2026-11-25', -1), '-1'],
    ['addWorkingDays fraction', () => addWorkingDays('2026-11-25', 1.5), '1.5'],
    ['addWorkingDays NaN', () => addWorkingDays('2026-11-25', Number.NaN), 'NaN'],
    ['workingDaysBetween', () => workingDaysBetween('2026-11-25', 'tomorrow'), 'tomorrow'],
    ['addCalendarDays', () => addCalendarDays('2026-11-25', 0.5), '0.5'],
    ['addCalendarMonths', () => addCalendarMonths('2026-11-25', Number.POSITIVE_INFINITY), 'Infinity'],
    ['calendarDaysBetween', () => calendarDaysBetween('2026-11-25', ''), '""'],
    ['dayOfWeek', () => dayOfWeek('2026-W48'), '2026-W48'],
    ['bankHolidays', () => bankHolidays(2026.5), '2026.5'],
  ])('%s', (_name, call, badValue) => {
    expect(call).toThrow(RangeError)
    expect(call).toThrow(badValue)
  })
})

describe.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Australia/Lord_Howe'])(
  'whatever the host time zone (%s)',
  (zone) => {
    // A fresh copy of the module, so its cached holiday lists are worked out under this zone.
    let calendar: typeof CalendarModule
    beforeAll(async () => {
      vi.stubEnv('TZ', zone)
      vi.resetModules()
      calendar = await import('../../src/domain/calendar.ts')
    })
    afterAll(() => {
      vi.unstubAllEnvs()
    })

    it('gives the same answers', () => {
      expect(new Date(2026, 6, 1).getTimezoneOffset()).not.toBe(0)
      expect(calendar.bankHolidays(2026).map((holiday) => holiday.date)).toEqual(
        PUBLISHED_BANK_HOLIDAYS[2026],
      )
      expect(calendar.dayOfWeek('2026-11-25')).toBe(3)
      expect(calendar.addWorkingDays('2026-12-18', 10)).toBe('2027-01-06')
      expect(calendar.addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28')
      expect(calendar.calendarDaysBetween('2026-03-28', '2026-03-30')).toBe(2)
    })
  },
)

describe('ordering dates and instants', () => {
  it('sorts instants (at millisecond precision, as stored) and dates in time order', () => {
    fc.assert(
      fc.property(fc.array(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), { maxLength: 50 }), (dates) => {
        const byTime = [...dates].sort((a, b) => a.getTime() - b.getTime())
        expect(dates.map((d) => d.toISOString()).sort(compareIso)).toEqual(byTime.map((d) => d.toISOString()))
        expect(dates.map((d) => d.toISOString().slice(0, 10)).sort(compareIso)).toEqual(byTime.map((d) => d.toISOString().slice(0, 10)))
      }),
    )
  })
})

describe('instants as stored', () => {
  it('an instant in any precision is stored as toISOString writes it, and a stored one is kept as it is', () => {
    const instant = fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    // The forms a client may send: seconds, tenths, milliseconds, microseconds.
    const written = fc.tuple(instant, fc.constantFrom(0, 1, 3, 6)).map(([d, digits]) => {
      const iso = d.toISOString()
      const fraction = digits === 0 ? '' : `.${iso.slice(20, 23).padEnd(digits, '7').slice(0, digits)}`
      return `${iso.slice(0, 19)}${fraction}Z`
    })
    fc.assert(
      fc.property(written, (value) => {
        const stored = instantSchema.parse(value)
        expect(stored).toBe(new Date(value).toISOString())
        expect(instantSchema.parse(stored)).toBe(stored)
      }),
    )
    expect(instantSchema.safeParse('2026-02-30T10:00:00.000Z').success).toBe(false)
  })
})
