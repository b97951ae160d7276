import { z } from 'zod'

// The fixed lists of DOMAIN.md, each an `as const` tuple with its zod enum and the words an
// officer reads. Labels live beside the codes so every screen says the same thing.

export const reportChannels = ['phone', 'drop_in', 'email', 'online_form'] as const
export const reportChannelSchema = z.enum(reportChannels)
export type ReportChannel = z.infer<typeof reportChannelSchema>
export const reportChannelLabels: Record<ReportChannel, string> = {
  phone: 'Phone',
  drop_in: 'Drop-in at the council offices',
  email: 'E-mail',
  online_form: 'Online form',
}

export const asbCategories = [
  'noise',
  'neighbour_dispute',
  'harassment_intimidation',
  'verbal_abuse',
  'hate_related',
  'vandalism_criminal_damage',
  'graffiti',
  'littering_fly_tipping',
  'drugs_substance_misuse',
  'street_drinking',
  'vehicle_nuisance',
  'animal_nuisance',
  'rowdy_behaviour',
  'begging',
  'other',
] as const
export const asbCategorySchema = z.enum(asbCategories)
export type AsbCategory = z.infer<typeof asbCategorySchema>
export const asbCategoryLabels: Record<AsbCategory, string> = {
  noise: 'Noise',
  neighbour_dispute: 'Neighbour dispute',
  harassment_intimidation: 'Harassment or intimidation',
  verbal_abuse: 'Verbal abuse',
  hate_related: 'Hate-related behaviour',
  vandalism_criminal_damage: 'Vandalism or criminal damage',
  graffiti: 'Graffiti',
  littering_fly_tipping: 'Littering or fly-tipping',
  drugs_substance_misuse: 'Drugs or substance misuse',
  street_drinking: 'Street drinking',
  vehicle_nuisance: 'Vehicle nuisance',
  animal_nuisance: 'Animal nuisance',
  rowdy_behaviour: 'Rowdy or inconsiderate behaviour',
  begging: 'Begging',
  other: 'Other',
}

export const partyRoles = ['complainant', 'victim', 'witness', 'alleged_perpetrator'] as const
export const partyRoleSchema = z.enum(partyRoles)
export type PartyRole = z.infer<typeof partyRoleSchema>
export const partyRoleLabels: Record<PartyRole, string> = {
  complainant: 'Complainant',
  victim: 'Victim',
  witness: 'Witness',
  alleged_perpetrator: 'Alleged perpetrator',
}

export const contactMethods = ['phone', 'email', 'letter', 'visit', 'in_person', 'agency_liaison'] as const
export const contactMethodSchema = z.enum(contactMethods)
export type ContactMethod = z.infer<typeof contactMethodSchema>
export const contactMethodLabels: Record<ContactMethod, string> = {
  phone: 'Phone',
  email: 'E-mail',
  letter: 'Letter',
  visit: 'Home visit',
  in_person: 'In person at the offices',
  agency_liaison: 'Liaison with another agency',
}

// R15: a case (after R6) closes for one of these, with the manager's approval (R16).
export const caseClosureReasons = [
  'no_cooperation',
  'did_not_happen',
  'not_asb',
  'insufficient_evidence',
  'tit_for_tat',
  'asb_stopped_low_risk',
  'tools_exhausted',
] as const
export const caseClosureReasonSchema = z.enum(caseClosureReasons)
export type CaseClosureReason = z.infer<typeof caseClosureReasonSchema>
export const caseClosureReasonLabels: Record<CaseClosureReason, string> = {
  no_cooperation: 'Lack of co-operation from the victim or witness',
  did_not_happen: 'The incident did not take place',
  not_asb: 'Not anti-social behaviour',
  insufficient_evidence: 'Not enough evidence to the standard of proof',
  tit_for_tat: "'Tit for tat' between two parties",
  asb_stopped_low_risk: 'The ASB has stopped or the risk is low',
  tools_exhausted: 'All tools and powers exhausted',
}

// Stage 1 closures (R2, R3, R4, R5, an officer closing an enquiry) need no approval (R16).
// `no_contact` and `no_evidence` are only ever recorded automatically when their deadline passes.
export const assessmentClosureReasons = [
  'insufficient_information',
  'advice_given',
  'no_contact',
  'no_evidence',
  'withdrawn',
  'duplicate',
] as const
export const assessmentClosureReasonSchema = z.enum(assessmentClosureReasons)
export type AssessmentClosureReason = z.infer<typeof assessmentClosureReasonSchema>
export const automaticClosureReasons = ['no_contact', 'no_evidence'] as const
export const assessmentClosureReasonLabels: Record<AssessmentClosureReason, string> = {
  insufficient_information: 'Insufficient information to meet the threshold',
  advice_given: 'Advice given (speaking to the neighbour)',
  no_contact: 'No contact from the complainant within 10 working days',
  no_evidence: 'No ASB recorded within six weeks of diary sheets',
  withdrawn: 'Complainant withdrew the report',
  duplicate: 'Duplicate of another matter',
}

export const interventionKinds = [
  'verbal_warning',
  'advice_letter',
  'warning_letter',
  'mediation_referral',
  'acceptable_behaviour_agreement',
  'good_neighbour_agreement',
] as const
export const interventionKindSchema = z.enum(interventionKinds)
export type InterventionKind = z.infer<typeof interventionKindSchema>
export const interventionKindLabels: Record<InterventionKind, string> = {
  verbal_warning: 'Verbal warning or words of advice',
  advice_letter: 'Advice letter',
  warning_letter: 'Warning letter',
  mediation_referral: 'Referral to mediation',
  acceptable_behaviour_agreement: 'Acceptable Behaviour Agreement',
  good_neighbour_agreement: 'Good Neighbour Agreement',
}
/** R12: agreements carry terms and a review date. */
export const agreementKinds: readonly InterventionKind[] = [
  'acceptable_behaviour_agreement',
  'good_neighbour_agreement',
]

export const legalStepKinds = [
  'letter_before_action',
  'civil_injunction',
  'closure_order',
  'community_protection_notice',
  'legal_undertaking',
  'public_space_protection_order',
] as const
export const legalStepKindSchema = z.enum(legalStepKinds)
export type LegalStepKind = z.infer<typeof legalStepKindSchema>
export const legalStepKindLabels: Record<LegalStepKind, string> = {
  letter_before_action: 'Legal warning letter (letter before action)',
  civil_injunction: 'Civil injunction',
  closure_order: 'Closure notice and order',
  community_protection_notice: 'Community Protection Notice',
  legal_undertaking: 'Legal undertaking',
  public_space_protection_order: 'Public Space Protection Order',
}
/** R13 decision: court applications need the Council's legal services' advice on record. */
export const courtApplicationKinds: readonly LegalStepKind[] = ['civil_injunction', 'closure_order']

export const evidenceKinds = [
  'statement',
  'police_report',
  'photo',
  'recording',
  'document',
  'other',
] as const
export const evidenceKindSchema = z.enum(evidenceKinds)
export type EvidenceKind = z.infer<typeof evidenceKindSchema>
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  statement: 'Statement',
  police_report: 'Police report',
  photo: 'Photo',
  recording: 'Recording',
  document: 'Document',
  other: 'Other evidence',
}

export const roles = ['officer', 'manager', 'admin'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>
