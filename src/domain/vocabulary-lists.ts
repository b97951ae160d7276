// The fixed lists of DOMAIN.md, each an `as const` tuple with its type and the words an officer
// reads. Labels live beside the codes so every screen says the same thing. No zod here: the
// Today screen and the shell draw these labels, and zod is not on their path (issue 5, offline
// cold start). The zod enums, built from these same tuples, are in vocabulary.ts.

export const reportChannels = ['phone', 'drop_in', 'email', 'online_form'] as const
export type ReportChannel = (typeof reportChannels)[number]
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
export type AsbCategory = (typeof asbCategories)[number]
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
export type PartyRole = (typeof partyRoles)[number]
export const partyRoleLabels: Record<PartyRole, string> = {
  complainant: 'Complainant',
  victim: 'Victim',
  witness: 'Witness',
  alleged_perpetrator: 'Alleged perpetrator',
}

export const contactMethods = ['phone', 'email', 'letter', 'visit', 'in_person', 'agency_liaison'] as const
export type ContactMethod = (typeof contactMethods)[number]
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
export type CaseClosureReason = (typeof caseClosureReasons)[number]
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
export type AssessmentClosureReason = (typeof assessmentClosureReasons)[number]
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
export type InterventionKind = (typeof interventionKinds)[number]
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
  'respect_order',
  'youth_injunction',
  'housing_injunction',
] as const
export type LegalStepKind = (typeof legalStepKinds)[number]
export const legalStepKindLabels: Record<LegalStepKind, string> = {
  letter_before_action: 'Legal warning letter (letter before action)',
  civil_injunction: 'Civil injunction',
  closure_order: 'Closure notice and order',
  community_protection_notice: 'Community Protection Notice',
  legal_undertaking: 'Legal undertaking',
  public_space_protection_order: 'Public Space Protection Order',
  respect_order: 'Respect Order',
  youth_injunction: 'Youth Injunction',
  housing_injunction: 'Housing Injunction',
}
/** R13 decision: court applications need the Council's legal services' advice on record. */
export const courtApplicationKinds: readonly LegalStepKind[] = [
  'civil_injunction',
  'closure_order',
  'respect_order',
  'youth_injunction',
  'housing_injunction',
]

export const evidenceKinds = [
  'statement',
  'police_report',
  'photo',
  'recording',
  'document',
  'other',
] as const
export type EvidenceKind = (typeof evidenceKinds)[number]
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  statement: 'Statement',
  police_report: 'Police report',
  photo: 'Photo',
  recording: 'Recording',
  document: 'Document',
  other: 'Other evidence',
}

export const roles = ['officer', 'manager', 'admin'] as const
export type Role = (typeof roles)[number]
