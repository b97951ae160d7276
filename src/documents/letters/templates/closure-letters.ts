import type { LetterTemplate } from '../letter-template.ts'

// Letters at the end of a case: telling the victim why it will close (R15, R17) and inviting
// their feedback afterwards (R19).

export const closureLetter: LetterTemplate = {
  id: 'r17-closure-letter',
  version: 1,
  title: 'Closure letter to the victim',
  rules: ['R15', 'R17'],
  serves: [{ step: 'closureRequested' }],
  recipient: 'complainant',
  channel: 'letter',
  subject: 'Closing your anti-social behaviour case',
  body: `Dear {{complainant.name}},

I am writing about your case about {{matter.address}}, which you first reported on {{matter.reportedOn}}.

We are planning to close your case, and I want to explain why. {{closure.reason}}

A manager will review the case before it is closed. Closing it does not mean we do not believe you. If the problems start again or get worse, please report it straight away, quoting your reference {{matter.reference}}, and we will look at it again.

If you have reported anti-social behaviour three or more times in the last six months and you are unhappy with the response, you can ask for an ASB Case Review (sometimes called the Community Trigger). Call us on {{council.phone}} or e-mail {{council.email}} to ask for one.

After your case is closed, we will ask you for your views on how we handled it.

If you are ever in immediate danger, or a crime is happening, call 999. To report a crime that is not an emergency, call the police on 101.

Thank you for working with us. If you have any questions, please call me on {{officer.phone}}.`,
}

export const feedbackInvitation: LetterTemplate = {
  id: 'r19-feedback-invitation',
  version: 1,
  title: 'Feedback invitation',
  rules: ['R19'],
  serves: [{ step: 'feedbackInvited' }],
  recipient: 'complainant',
  channel: 'letter',
  subject: 'How did we do? Your views on how we handled your case',
  body: `Dear {{complainant.name}},

Your case about {{matter.address}} (reference {{matter.reference}}) is now closed. Thank you for your patience while we worked on it.

We would like to know what you thought of how we handled it: what went well, and what we could do better. It takes about five minutes, at {{feedback.link}}. If you would prefer a paper form, call us on {{council.phone}} and we will post one to you with a prepaid envelope.

Your answers are read by the team's manager and help us improve the service for everyone. Giving feedback will not affect how we deal with any future report.

If the problems start again, please report it straight away, quoting your reference.`,
}
