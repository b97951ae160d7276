import { describe, expect, it } from 'vitest'
import { formatLetterDate, formatUkDate, formatUkDateTime } from '../../src/domain/uk-dates.ts'

// People read UK dates, never the machine forms the data keeps (issue 15, "Dates read like a database").
describe('UK dates', () => {
  it.each([
    ['2026-12-05', 'Sat 5 Dec 2026'],
    ['2026-12-07', 'Mon 7 Dec 2026'],
    ['2027-01-01', 'Fri 1 Jan 2027'],
    ['2028-02-29', 'Tue 29 Feb 2028'],
  ])('%s reads as %s on a screen', (date, shown) => {
    expect(formatUkDate(date)).toBe(shown)
  })

  it('letters spell the month out and leave the weekday off', () => {
    expect(formatLetterDate('2026-12-07')).toBe('7 December 2026')
  })

  it('a time is the time in England, summer and winter', () => {
    expect(formatUkDateTime('2026-07-01T08:05:00.000Z')).toBe('Wed 1 Jul 2026 09:05')
    expect(formatUkDateTime('2026-12-01T23:24:00.000Z')).toBe('Tue 1 Dec 2026 23:24')
    // 23:30 UTC on 31 March 2027 is already 1 April in England (BST).
    expect(formatUkDateTime('2027-03-31T23:30:00.000Z')).toBe('Thu 1 Apr 2027 00:30')
  })
})
