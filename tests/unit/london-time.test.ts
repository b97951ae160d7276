import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as LondonTimeModule from '../../src/domain/london-time.ts'
import {
  endOfLondonDay,
  isInstant,
  londonDate,
  londonTime,
  startOfLondonDay,
} from '../../src/domain/london-time.ts'

const HOUR_MS = 3_600_000

describe('londonDate: the date an officer in London sees at an instant', () => {
  it.each([
    ['2026-11-25T11:47:00.000Z', '2026-11-25', 'GMT, midday'],
    ['2026-12-01T23:59:59.999Z', '2026-12-01', 'GMT, just before midnight'],
    ['2026-12-02T00:00:00.000Z', '2026-12-02', 'GMT, midnight'],
    ['2026-07-01T22:59:59.999Z', '2026-07-01', 'BST, just before midnight'],
    ['2026-07-01T23:00:00.000Z', '2026-07-02', 'BST, midnight is 23:00 UTC the day before'],
    ['2026-12-31T23:59:59.999Z', '2026-12-31', "GMT, New Year's Eve"],
    ['2026-03-28T23:59:59.999Z', '2026-03-28', 'the night before the clocks go forward'],
    ['2026-03-29T00:00:00.000Z', '2026-03-29', 'clocks-forward Sunday, still GMT at midnight'],
    ['2026-03-29T22:59:59.999Z', '2026-03-29', 'clocks-forward Sunday, BST by the evening'],
    ['2026-03-29T23:00:00.000Z', '2026-03-30', 'the first BST midnight'],
    ['2026-10-24T22:59:59.999Z', '2026-10-24', 'the night before the clocks go back'],
    ['2026-10-24T23:00:00.000Z', '2026-10-25', 'clocks-back Sunday, still BST at midnight'],
    ['2026-10-25T23:59:59.999Z', '2026-10-25', 'clocks-back Sunday, GMT by the evening'],
    ['2026-10-26T00:00:00.000Z', '2026-10-26', 'the first GMT midnight'],
  ])('%s is %s in London (%s)', (instant, expected) => {
    expect(londonDate(instant)).toBe(expected)
  })
})

describe('londonTime: the wall-clock time shown to an officer', () => {
  it.each([
    ['2026-11-25T11:47:00.000Z', '11:47', 'GMT'],
    ['2026-07-01T11:47:00.000Z', '12:47', 'BST'],
    ['2026-07-01T23:00:00.000Z', '00:00', 'midnight is 00:00, never 24:00'],
    ['2026-03-29T00:59:59.999Z', '00:59', 'the last GMT minute before the clocks go forward'],
    ['2026-03-29T01:00:00.000Z', '02:00', '01:00 to 02:00 is skipped'],
    ['2026-10-25T00:30:00.000Z', '01:30', 'clocks-back Sunday, the first 01:30 (BST)'],
    ['2026-10-25T01:30:00.000Z', '01:30', 'clocks-back Sunday, the second 01:30 (GMT)'],
  ])('%s is %s in London (%s)', (instant, expected) => {
    expect(londonTime(instant)).toBe(expected)
  })
})

describe('the instants at which a London day starts and ends', () => {
  it.each([
    ['2026-12-01', '2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z', 24, 'a GMT day'],
    ['2026-07-01', '2026-06-30T23:00:00.000Z', '2026-07-01T23:00:00.000Z', 24, 'a BST day'],
    ['2026-03-28', '2026-03-28T00:00:00.000Z', '2026-03-29T00:00:00.000Z', 24, 'the Saturday before BST'],
    ['2026-03-29', '2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z', 23, 'clocks-forward Sunday'],
    ['2026-03-30', '2026-03-29T23:00:00.000Z', '2026-03-30T23:00:00.000Z', 24, 'the first BST Monday'],
    ['2026-10-24', '2026-10-23T23:00:00.000Z', '2026-10-24T23:00:00.000Z', 24, 'the Saturday before GMT'],
    ['2026-10-25', '2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z', 25, 'clocks-back Sunday'],
    ['2026-10-26', '2026-10-26T00:00:00.000Z', '2026-10-27T00:00:00.000Z', 24, 'the first GMT Monday'],
    ['2026-12-31', '2026-12-31T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 24, "New Year's Eve"],
  ])('%s runs from %s to %s, %i hours (%s)', (date, start, end, hours) => {
    expect(startOfLondonDay(date)).toBe(start)
    expect(endOfLondonDay(date)).toBe(end)
    expect(Date.parse(end) - Date.parse(start)).toBe(hours * HOUR_MS)
  })

  it('contains every instant whose London date it is, for any instant in 2020–2030', () => {
    const from = Date.parse('2020-01-01T00:00:00.000Z')
    const to = Date.parse('2031-01-01T00:00:00.000Z')
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (epochMs) => {
        const instant = new Date(epochMs).toISOString()
        const date = londonDate(instant)
        const start = startOfLondonDay(date)
        expect(Date.parse(start)).toBeLessThanOrEqual(epochMs)
        expect(Date.parse(endOfLondonDay(date))).toBeGreaterThan(epochMs)
        expect(londonDate(start)).toBe(date)
        expect(londonTime(start)).toBe('00:00')
      }),
      { numRuns: 500 },
    )
  })
})

describe('isInstant: a UTC ISO 8601 instant ending in Z', () => {
  it.each([
    ['2026-11-25T11:47:00.000Z', true],
    ['2026-11-25T11:47:00Z', true],
    ['2024-02-29T23:59:59.999Z', true],
    ['2026-11-25T11:47:00.000+00:00', false],
    ['2026-11-25T11:47:00.000', false],
    ['2026-11-25 11:47:00.000Z', false],
    ['2026-11-25T11:47Z', false],
    ['2026-02-30T00:00:00.000Z', false],
    ['2026-11-25T24:00:00.000Z', false],
    ['2026-11-25T11:60:00.000Z', false],
    ['2026-11-25T11:47:60.000Z', false],
    ['2026-11-25T11:47:00.123456Z', true],
    ['2026-11-25T11:47:00.Z', false],
    ['2026-11-25', false],
    ['', false],
  ])('isInstant(%j) is %s', (value, expected) => {
    expect(isInstant(value)).toBe(expected)
  })
})

describe('programming errors throw a RangeError naming the bad value', () => {
  it.each([
    ['londonDate', () => londonDate('2026-11-25T11:47:00+01:00'), '2026-11-25T11:47:00+01:00'],
    ['londonTime', () => londonTime('11:47'), '11:47'],
    ['startOfLondonDay', () => startOfLondonDay('2026-02-30'), '2026-02-30'],
    ['endOfLondonDay', () => endOfLondonDay('2026-11-25T00:00:00.000Z'), '2026-11-25T00:00:00.000Z'],
  ])('%s', (_name, call, badValue) => {
    expect(call).toThrow(RangeError)
    expect(call).toThrow(badValue)
  })
})

describe.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Australia/Lord_Howe'])(
  'whatever the host time zone (%s)',
  (zone) => {
    // A fresh copy of the module, so its formatter is built under this zone.
    let london: typeof LondonTimeModule
    beforeAll(async () => {
      vi.stubEnv('TZ', zone)
      vi.resetModules()
      london = await import('../../src/domain/london-time.ts')
    })
    afterAll(() => {
      vi.unstubAllEnvs()
    })

    it('gives the same answers', () => {
      expect(new Date(2026, 6, 1).getTimezoneOffset()).not.toBe(0)
      expect(london.londonDate('2026-07-01T23:00:00.000Z')).toBe('2026-07-02')
      expect(london.londonTime('2026-11-25T11:47:00.000Z')).toBe('11:47')
      expect(london.startOfLondonDay('2026-07-01')).toBe('2026-06-30T23:00:00.000Z')
      expect(london.endOfLondonDay('2026-10-25')).toBe('2026-10-26T00:00:00.000Z')
      expect(london.startOfLondonDay('2026-03-30')).toBe('2026-03-29T23:00:00.000Z')
    })
  },
)

describe('the kept hourly offset', () => {
  // The wall clock is the UTC instant moved by an offset kept per UTC hour (faster than asking
  // Intl every time): it must agree with Intl's own answer at any instant, 1970 to 2100.
  const intl = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const asIntlSays = (epochMs: number) => {
    const p = Object.fromEntries(intl.formatToParts(epochMs).map((x) => [x.type, x.value]))
    return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`
  }

  it('gives the date and time Intl gives, for any instant', () => {
    const from = Date.parse('1970-01-01T00:00:00.000Z')
    const to = Date.parse('2100-01-01T00:00:00.000Z')
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (epochMs) => {
        const instant = new Date(epochMs).toISOString()
        expect(`${londonDate(instant)} ${londonTime(instant)}`).toBe(asIntlSays(epochMs))
      }),
      { numRuns: 5_000 },
    )
  })

  it('is right on each side of every clock change, 2020–2030', () => {
    // 190,000 instants: one expect at the end, not one each (an expect per instant took over the
    // 5 s test timeout on a loaded machine).
    const wrong: string[] = []
    for (let t = Date.parse('2020-01-01T00:00:00.000Z'); t < Date.parse('2031-01-01T00:00:00.000Z'); t += HOUR_MS) {
      for (const at of [t, t + HOUR_MS - 1]) {
        const instant = new Date(at).toISOString()
        const ours = `${londonDate(instant)} ${londonTime(instant)}`
        if (ours !== asIntlSays(at)) wrong.push(`${instant}: ${ours}, Intl ${asIntlSays(at)}`)
      }
    }
    expect(wrong).toEqual([])
  })
})
