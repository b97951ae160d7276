import { z } from 'zod'
import {
  reportChannels,
  asbCategories,
  partyRoles,
  contactMethods,
  caseClosureReasons,
  assessmentClosureReasons,
  interventionKinds,
  legalStepKinds,
  evidenceKinds,
  roles,
} from './vocabulary-lists.ts'

// The zod enums of the fixed lists, for the payload and wire schemas. The lists, their types and
// their labels are in vocabulary-lists.ts, which screens import without loading zod (issue 5).

export type {
  ReportChannel,
  AsbCategory,
  PartyRole,
  ContactMethod,
  CaseClosureReason,
  AssessmentClosureReason,
  InterventionKind,
  LegalStepKind,
  EvidenceKind,
  Role,
} from './vocabulary-lists.ts'
// src/server/user-add.ts reads the roles from here.
export { roles } from './vocabulary-lists.ts'

export const reportChannelSchema = z.enum(reportChannels)
export const asbCategorySchema = z.enum(asbCategories)
export const partyRoleSchema = z.enum(partyRoles)
export const contactMethodSchema = z.enum(contactMethods)
export const caseClosureReasonSchema = z.enum(caseClosureReasons)
export const assessmentClosureReasonSchema = z.enum(assessmentClosureReasons)
export const interventionKindSchema = z.enum(interventionKinds)
export const legalStepKindSchema = z.enum(legalStepKinds)
export const evidenceKindSchema = z.enum(evidenceKinds)
export const roleSchema = z.enum(roles)
