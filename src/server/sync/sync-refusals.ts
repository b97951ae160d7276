import type { Refusal } from '../../domain/refusal.ts'
import { refuse } from '../../domain/refusal.ts'

// Why the server refuses a pushed event before the domain's own checks: things only the server
// knows (what it has stored, who may see which matter, who can sign in). The domain's refusals
// (checkEvent) come back in the same shape.
export const syncRefusals = {
  idConflict: refuse('id_conflict', 'A different entry is already stored under this id.'),
  wrongDevice: refuse(
    'wrong_device',
    'The entry names a different device from the one sending it.',
  ),
  notVisible: refuse('not_visible', 'That matter is not one you can see or work on.'),
  unknownOfficer: refuse(
    'unknown_officer',
    'Assign the matter to an officer or manager who can sign in.',
  ),
} satisfies Record<string, Refusal>
