import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DueList } from '../../src/app/components/due-list.tsx'
import type { DueActionRow } from '../../src/db/rows.ts'
import { renderWithServices } from './support/render.tsx'

// A manager's Today holds the whole council's actions: a long list shows its first twenty, says
// how many there are, and shows the rest on request.

function overdueRows(count: number): DueActionRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `matter-${i}|contact`,
    key: 'contact',
    kind: 'next_contact',
    rule: 'R8',
    title: `Next contact ${i + 1}`,
    dueOn: '2026-11-02',
    forRole: 'officer',
    matterId: `matter-${i}`,
    reference: `ASB-${String(i).padStart(5, '0')}`,
    assignedOfficerId: 'officer-1',
  }))
}

describe('a long list of due actions', () => {
  it('shows the first twenty and a button for all of them, which shows every one', async () => {
    const { user } = renderWithServices(<DueList rows={overdueRows(27)} today="2026-11-04" empty="Nothing." what="overdue actions" />)
    const list = screen.getByRole('list')
    expect(within(list).getAllByRole('link')).toHaveLength(20)

    const more = screen.getByRole('button', { name: 'Show all 27 overdue actions' })
    expect(more.getAttribute('aria-expanded')).toBe('false')
    await user.click(more)

    expect(within(list).getAllByRole('link')).toHaveLength(27)
    expect(screen.getByRole('button', { name: 'Show only the first 20' }).getAttribute('aria-expanded')).toBe('true')
  })

  it('shows a short list whole, with no button', () => {
    renderWithServices(<DueList rows={overdueRows(20)} today="2026-11-04" empty="Nothing." />)
    expect(screen.getAllByRole('link')).toHaveLength(20)
    expect(screen.queryByRole('button')).toBeNull()
  })
})
