import type { Phase } from '../../domain/phases.ts'
import { phaseLabels } from '../../domain/phases.ts'
import type { RiskLevel } from '../../domain/risk-matrix.ts'

export function PhaseBadge({ phase }: { phase: Phase }) {
  return <span className={`badge badge-phase badge-${phase}`}>{phaseLabels[phase]}</span>
}

const riskText: Record<RiskLevel | 'none', string> = {
  high: 'High risk',
  medium: 'Medium risk',
  standard: 'Standard risk',
  none: 'Risk not assessed',
}

export function RiskBadge({ level }: { level: RiskLevel | 'none' }) {
  return <span className={`badge badge-risk-${level}`}>{riskText[level]}</span>
}
