import type { AssessmentClosureReason, CaseClosureReason } from '../../domain/vocabulary-lists.ts'

// Why a matter closes, in words for the person who reported it (R2, R15, R17): a sentence they
// can read in a letter, never a code.

export const closureReasonWords: Record<AssessmentClosureReason | CaseClosureReason, string> = {
  insufficient_information: 'From the information we have, we are not able to take this further as an anti-social behaviour case at the moment.',
  advice_given: 'We gave you advice on speaking to your neighbour, and we understand that is the way forward for now.',
  no_contact: 'We tried to reach you several times and wrote to you, but we did not hear back from you in the time we gave.',
  no_evidence: 'We did not receive any diary entries or other evidence of the problem within six weeks of sending you the diary sheets.',
  withdrawn: 'You told us that you no longer want us to take this further.',
  duplicate: 'Your report is about the same problem as another report we are already dealing with, so we are handling them together.',
  no_cooperation: 'We have not been able to get the information we need, from you or from witnesses, to take the case further.',
  did_not_happen: 'Having looked into it carefully, we found that the incidents did not take place as they were reported.',
  not_asb: 'Having looked into it carefully, we found that what is happening is not anti-social behaviour that the council can act on.',
  insufficient_evidence: 'We do not have enough evidence to take further action, such as court action, which needs proof.',
  tit_for_tat: 'We found that the problems come from both sides, and both households have been offered mediation to help resolve them.',
  asb_stopped_low_risk: 'The anti-social behaviour has stopped, or the risk to you is now low.',
  tools_exhausted: 'We have used all the tools and powers available to us, and we have put you in touch with other services that may be able to help.',
}
