import { z } from 'zod'

// GET /api/users/staff: the officers and managers a matter can be allocated to, sorted by name.
// The device keeps the list so it can show who has a matter while offline. Only what a
// colleague needs to see: no usernames, no password data, and no administrators, who do no
// case work.

export const caseworkerRoles = ['officer', 'manager'] as const

export const staffMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(caseworkerRoles),
})
export type StaffMember = z.infer<typeof staffMemberSchema>

export const staffResponseSchema = z.object({ staff: z.array(staffMemberSchema) })
export type StaffResponse = z.infer<typeof staffResponseSchema>
