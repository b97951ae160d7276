import { newId } from '../new-id.ts'
import type { DemoStaff } from './demo-steps.ts'
import { day, DemoMatter } from './demo-steps.ts'

// Demo matters in Stage 1 (R1–R5). Phone numbers are in Ofcom's range for drama (01632 960xxx);
// people and places are invented.

/** A phone report from two days ago: two calls back, no answer yet (R4). */
export function awaitingContact(now: Date, { officer1 }: DemoStaff): DemoMatter {
  const m = new DemoMatter(now)
  return m
    .step(officer1, m.at(2, 9, 40), 'reportReceived', {
      channel: 'phone',
      receivedAt: m.at(2, 9, 30).toISOString(),
      location: { address: '14 Larch Close, Elmbridge Green', postcode: 'GU51 3QT' },
      category: 'noise',
      description:
        'Dogs barking for hours every day while the owners are out; it starts at 7am and goes on into the evening.',
      anonymous: false,
      complainant: { partyId: newId(now), name: 'Janet Hill', contact: { phone: '01632 960 123' } },
    })
    .step(officer1, m.at(2, 9, 45), 'matterAssigned', { officerId: officer1.id })
    .step(officer1, m.at(1, 14, 10), 'contactAttempted', { method: 'phone', outcome: 'no_answer' })
    // Yesterday evening, not this morning: before 08:05 UTC that would be in the future.
    .step(officer1, m.at(1, 17, 5), 'contactAttempted', {
      method: 'phone',
      outcome: 'voicemail',
      notes: 'Left a message with my direct line.',
    })
}

/** Gathering evidence: diary sheets out for two and a half weeks, two entries back (R5). */
export function gatheringEvidence(now: Date, { officer2 }: DemoStaff): DemoMatter {
  const m = new DemoMatter(now)
  const diary = (daysAgo: number, what: string, impact: string) =>
    m.step(officer2, m.at(daysAgo, 11), 'diaryEntryRecorded', {
      happenedAt: m.at(daysAgo + 1, 23, 15).toISOString(),
      location: 'Shared hallway, Marsh House',
      who: 'The tenants of flat 6',
      what,
      impact,
    })
  m.step(officer2, m.at(20), 'reportReceived', {
    channel: 'email',
    receivedAt: m.at(20, 8).toISOString(),
    location: { address: 'Marsh House, 2 Quay Street, Northfold', postcode: 'GU52 7LB' },
    category: 'neighbour_dispute',
    description:
      'Neighbours in flat 6 slam doors and shout in the hallway late at night, and left rubbish outside my door.',
    anonymous: false,
    complainant: {
      partyId: newId(now),
      name: 'Mohammed Rahman',
      contact: { email: 'm.rahman@example.org' },
    },
  })
    .step(officer2, m.at(20, 10), 'matterAssigned', { officerId: officer2.id })
    .step(officer2, m.at(18), 'contactMade', {
      method: 'phone',
      direction: 'outbound',
      summary: 'Talked through the problem; agreed to keep diary sheets.',
    })
    .step(officer2, m.at(18, 10, 30), 'thresholdAssessed', {
      met: true,
      reason: 'Persistent late-night disturbance affecting sleep.',
    })
    .step(officer2, m.at(17), 'diarySheetsIssued', { issuedOn: day(m.at(17)), method: 'email' })
  diary(
    10,
    'Shouting and door slamming from 23:00 to 00:30.',
    'Woke my children; they were tired at school.',
  )
  return diary(
    4,
    'Bin bags left against my front door again.',
    'I feel targeted and anxious coming home.',
  )
}
