import type { RiskLevel } from '../../domain/risk-matrix.ts'
import { defaultRiskMatrix, scoreRiskAssessment } from '../../domain/risk-matrix.ts'
import { newId } from '../new-id.ts'
import type { DemoStaff } from './demo-steps.ts'
import { day, DemoMatter } from './demo-steps.ts'

// Demo cases (R6 onwards). Phone numbers are in Ofcom's range for drama (01632 960xxx); people
// and places are invented.

/** "Yes" answers on the default risk matrix that score into each level. */
const yesFor: Record<RiskLevel, string[]> = {
  standard: ['H4', 'S5'],
  medium: ['V1', 'T1', 'H1', 'S3'],
  high: ['V1', 'V2', 'V4', 'T1', 'T2', 'H1', 'H3', 'S3'],
}

function assessment(level: RiskLevel) {
  const answers = Object.fromEntries(
    defaultRiskMatrix.questions.map(
      (q) => [q.id, yesFor[level].includes(q.id) ? 'yes' : 'no'] as const,
    ),
  )
  const { score, computedLevel } = scoreRiskAssessment(defaultRiskMatrix, answers)
  return {
    matrixVersion: defaultRiskMatrix.version,
    answers,
    score,
    computedLevel,
    level: computedLevel,
    reason: 'case_opened' as const,
  }
}

/** A live case at high risk: a victim targeted for her disability (R6, R7, R8). */
export function highRiskCase(now: Date, { officer1 }: DemoStaff): DemoMatter {
  const m = new DemoMatter(now)
  const perpetrator = newId(now)
  return m
    .step(officer1, m.at(45), 'reportReceived', {
      channel: 'drop_in',
      receivedAt: m.at(45, 9).toISOString(),
      location: { address: '3 Wren Court, Northfold', postcode: 'GU52 6HD' },
      category: 'hate_related',
      description:
        'A group of young men shout abuse about my wheelchair and bang on my window most evenings.',
      anonymous: false,
      complainant: {
        partyId: newId(now),
        name: 'Eileen Brooks',
        contact: { phone: '01632 960 457', address: '3 Wren Court' },
      },
    })
    .step(officer1, m.at(45, 10, 5), 'matterAssigned', { officerId: officer1.id })
    .step(officer1, m.at(44), 'thresholdAssessed', {
      met: true,
      reason: 'Targeted, repeated abuse of a disabled resident.',
    })
    .step(officer1, m.at(44, 10, 20), 'partyAdded', {
      partyId: perpetrator,
      role: 'alleged_perpetrator',
      name: 'Unknown male, about 18, red jacket',
    })
    .step(officer1, m.at(43), 'diarySheetsIssued', { issuedOn: day(m.at(43)), method: 'in_person' })
    .step(officer1, m.at(36), 'diaryEntryRecorded', {
      happenedAt: m.at(37, 20, 30).toISOString(),
      location: 'Outside my front window',
      who: 'Three young men, one in a red jacket',
      what: 'Shouted abuse about my wheelchair and banged on the window for ten minutes.',
      impact: 'I was too frightened to go out the next day.',
    })
    .step(officer1, m.at(30), 'caseRecordCreated', {
      summary: 'Targeted hate-related harassment.',
      riskAssessment: assessment('high'),
    })
    .step(officer1, m.at(29), 'referralMade', {
      to: 'marac',
      agency: 'Multi-agency risk assessment conference',
      reason: 'High risk on the matrix: a vulnerable victim targeted repeatedly.',
      referredOn: day(m.at(29)),
    })
    .step(officer1, m.at(4), 'contactMade', {
      method: 'visit',
      direction: 'outbound',
      summary: 'Home visit; fitted a door camera with the police.',
    })
    .step(officer1, m.at(4, 11), 'nextContactSet', {
      dueOn: day(m.at(-3)),
      note: 'Weekly while high risk.',
    })
}

/** A case whose officer has asked to close it: waiting for the manager (R15, R16, R17). */
export function closureAwaitingApproval(now: Date, { officer2 }: DemoStaff): DemoMatter {
  const m = new DemoMatter(now)
  return m
    .step(officer2, m.at(90), 'reportReceived', {
      channel: 'phone',
      receivedAt: m.at(90, 9).toISOString(),
      location: { address: 'Car park behind the Station Road shops, Elmbridge Green' },
      category: 'vehicle_nuisance',
      description:
        'Cars racing round the car park late at night, engines revving and tyres screeching.',
      anonymous: false,
      complainant: {
        partyId: newId(now),
        name: 'Graham Ellis',
        contact: { phone: '01632 960 882' },
      },
    })
    .step(officer2, m.at(90, 10), 'matterAssigned', { officerId: officer2.id })
    .step(officer2, m.at(88), 'thresholdAssessed', {
      met: true,
      reason: 'Repeated night-time disturbance to several households.',
    })
    .step(officer2, m.at(88, 11), 'evidenceAdded', {
      evidenceId: newId(now),
      kind: 'police_report',
      description: 'Police log of three calls about car meets in the car park.',
      source: 'Police neighbourhood team',
      obtainedOn: day(m.at(88)),
      independent: true,
    })
    .step(officer2, m.at(80), 'caseRecordCreated', { riskAssessment: assessment('standard') })
    .step(officer2, m.at(20), 'contactMade', {
      method: 'phone',
      direction: 'outbound',
      summary: 'No racing for six weeks since the barrier went in.',
    })
    .step(officer2, m.at(2), 'closureRequested', {
      reason: 'asb_stopped_low_risk',
      rationale: 'The car park barrier has stopped the car meets; no reports for eight weeks.',
      victimTold: { told: true, method: 'phone', on: day(m.at(20)) },
    })
}
