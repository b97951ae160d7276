import type { Actor } from '../../../src/domain/guard-context.ts'
import { complainantContactable } from '../../../src/domain/matter-state.ts'
import type { AsbCategory } from '../../../src/domain/vocabulary.ts'
import { asbCategories } from '../../../src/domain/vocabulary-lists.ts'
import type { MatterStory } from './matter-story.ts'
import type { Random } from './random.ts'
import {
  address,
  description,
  email,
  happening,
  impact,
  personName,
  phone,
  postcode,
} from './words.ts'

// Intake and the ways most matters end at Stage 1 (R1–R5): threshold not met, neighbour advice,
// no contact (R4, automatic), no evidence (R5, automatic), withdrawn or a duplicate.

export type Cast = {
  /** The officer who takes the report and works the matter (until a manager reassigns it). */
  owner: Actor
  officers: readonly Actor[]
  managers: readonly Actor[]
}

export type Told = { s: MatterStory; r: Random; cast: Cast }

const categoryWeights: Record<AsbCategory, number> = {
  noise: 30,
  neighbour_dispute: 14,
  harassment_intimidation: 8,
  verbal_abuse: 6,
  hate_related: 2,
  vandalism_criminal_damage: 6,
  graffiti: 3,
  littering_fly_tipping: 5,
  drugs_substance_misuse: 6,
  street_drinking: 3,
  vehicle_nuisance: 5,
  animal_nuisance: 6,
  rowdy_behaviour: 4,
  begging: 1,
  other: 1,
}
if (Object.keys(categoryWeights).length !== asbCategories.length)
  throw new Error('Weigh every category.')

/** R1: the report, taken by the owner, who takes the matter on. Anonymous only from the online form. */
export function intake({ s, r, cast }: Told, { anonymous = false } = {}): void {
  const channel = anonymous
    ? 'online_form'
    : r.weighted({ phone: 45, email: 25, online_form: 15, drop_in: 15 })
  const name = personName(r)
  const contact = r.chance(0.7) ? { phone: phone(r) } : { email: email(r, name) }
  const category = r.weighted(categoryWeights)
  s.record(cast.owner, 'reportReceived', {
    channel,
    receivedAt: s.hoursAgo(r.int(0, 30)),
    location: { address: address(r), postcode: postcode(r) },
    category,
    description: description(r, category),
    anonymous,
    complainant: anonymous ? undefined : { partyId: s.id(), name, contact },
  })
  s.soon().record(cast.owner, 'matterAssigned', { officerId: cast.owner.id })
  if (r.chance(0.6))
    s.soon().record(cast.owner, 'partyAdded', {
      partyId: s.id(),
      role: 'alleged_perpetrator',
      name: personName(r),
    })
  if (r.chance(0.1))
    s.soon().record(cast.owner, 'partyAdded', {
      partyId: s.id(),
      role: 'witness',
      name: personName(r),
      contact: { phone: phone(r) },
    })
}

export function contactMade(
  { s, cast }: Told,
  summary = 'Spoke to the complainant about what has been happening.',
): void {
  s.record(cast.owner, 'contactMade', { method: 'phone', direction: 'outbound', summary })
}

/** R2: explain a Stage 1 closure to a complainant the council can reach. */
export function adviseClosure({ s, r, cast }: Told): void {
  if (!s.state || s.state.phase !== 'closed' || !complainantContactable(s.state)) return
  if (s.state.closure.reason === 'no_contact') return
  if (r.chance(0.01)) return // now and then it is forgotten, and stays on the list as overdue
  s.wait(r.int(0, 2)).record(cast.owner, 'closureAdvised', {
    method: r.pick(['phone', 'letter', 'email'] as const),
    advisedOn: s.today,
  })
}

export function thresholdNotMet(t: Told): void {
  const { s, r, cast } = t
  s.wait(r.int(1, 5))
  if (!s.state?.anonymous && r.chance(0.7)) contactMade(t)
  s.soon().record(cast.owner, 'thresholdAssessed', {
    met: false,
    reason: 'A single incident some months ago; nothing since.',
  })
  adviseClosure(t)
}

/** R3: neighbours who have not spoken yet are encouraged to, and the enquiry closes. */
export function neighbourAdvice(t: Told): void {
  const { s, r, cast } = t
  s.wait(r.int(1, 4))
  contactMade(t)
  s.soon().record(cast.owner, 'thresholdAssessed', {
    met: true,
    reason: 'Low-level noise between neighbours who have not spoken.',
    neighbourOnly: true,
    lowLevel: true,
    neighboursHaveSpoken: false,
  })
  s.wait(r.int(1, 3)).record(cast.owner, 'neighbourAdviceGiven', {
    method: 'phone',
    givenOn: s.today,
    notes: 'Sent the 10 tips leaflet.',
  })
  s.wait(r.int(7, 21)).record(cast.owner, 'matterClosed', {
    reason: 'advice_given',
    rationale: 'Advice given; the complainant will speak to the neighbour first.',
  })
  adviseClosure(t)
}

/** R4: three calls unanswered, a letter, then ten working days of silence close it automatically. */
export function noContact(t: Told): void {
  const { s, r, cast } = t
  for (let i = 0; i < 3; i++)
    s.wait(r.int(0, 2)).record(cast.owner, 'contactAttempted', {
      method: 'phone',
      outcome: r.pick(['no_answer', 'voicemail'] as const),
    })
  s.wait(r.int(0, 2)).record(cast.owner, 'contactLetterSent', {
    method: r.pick(['letter', 'email'] as const),
    sentOn: s.today,
  })
  s.wait(20)
  s.closeIfDue()
}

export function diaryEntry({ s, r, cast }: Told, recordsAsb = true): void {
  s.record(cast.owner, 'diaryEntryRecorded', {
    happenedAt: s.hoursAgo(r.int(2, 60)),
    location: s.state?.location.address ?? 'At the address',
    who: r.pick([
      'The neighbour above',
      'The tenants of the flat next door',
      'A group of teenagers',
      'Two men in a silver car',
    ]),
    what: happening(r),
    impact: impact(r),
    recordsAsb,
  })
}

/** R2 met, R5 diary sheets issued. */
export function sheetsIssued(t: Told): void {
  const { s, r, cast } = t
  s.wait(r.int(1, 4))
  if (!s.state?.anonymous) contactMade(t)
  s.soon().record(cast.owner, 'thresholdAssessed', {
    met: true,
    reason: 'Persistent and affecting the complainant’s health.',
  })
  s.soon().record(cast.owner, 'diarySheetsIssued', {
    issuedOn: s.today,
    method: r.pick(['post', 'email', 'in_person'] as const),
  })
}

/** R5: six weeks of diary sheets with nothing that records ASB close it automatically. */
export function noEvidence(t: Told): void {
  const { s, r } = t
  sheetsIssued(t)
  const entries = r.int(0, 2)
  for (let i = 0; i < entries; i++) {
    s.wait(r.int(3, 12))
    diaryEntry(t, false)
  }
  s.wait(45)
  s.closeIfDue()
  adviseClosure(t)
}

/** The complainant withdraws (or it turns out to duplicate another matter) after a few entries. */
export function withdrawn(t: Told): void {
  const { s, r, cast } = t
  sheetsIssued(t)
  const entries = r.int(1, 8)
  for (let i = 0; i < entries; i++) {
    s.wait(r.int(1, 6))
    diaryEntry(t)
  }
  s.wait(r.int(2, 10))
  const reason = r.chance(0.8) ? 'withdrawn' : 'duplicate'
  s.record(cast.owner, 'matterClosed', {
    reason,
    rationale:
      reason === 'withdrawn'
        ? 'The complainant asked us to stop.'
        : 'Already open as another matter.',
  })
  adviseClosure(t)
}
