import type { LetterTemplate } from '../letter-template.ts'
import { neighbourTipsText } from './neighbour-tips.ts'

// Stage 1 letters to the person who reported it: the closure advice (R2), the neighbour advice
// with the 10 tips (R3), the letter and e-mail encouraging contact (R4) and the diary sheets (R5).

const emergency =
  'If you are ever in immediate danger, or a crime is happening, call 999. To report a crime that is not an emergency, call the police on 101.'

export const closureAdvice: LetterTemplate = {
  id: 'r2-closure-advice',
  version: 1,
  title: 'Closure advice to the complainant',
  rules: ['R2'],
  serves: [{ step: 'closureAdvised' }],
  recipient: 'complainant',
  channel: 'letter',
  subject: 'Your report about {{matter.address}}',
  body: `Dear {{complainant.name}},

Thank you for telling us about the problems at {{matter.address}}, which you reported on {{matter.reportedOn}}.

We have looked carefully at what you told us. {{closure.reason}} For that reason we have closed your enquiry.

This does not mean we think nothing happened, or that it did not matter to you. If it happens again or gets worse, please report it again, and tell us when and where it happened, who was involved and how it affected you. Every report is looked at afresh.

${emergency}

If you have any questions, please call me on {{officer.phone}}, quoting the reference {{matter.reference}}.`,
}

export const neighbourAdvice: LetterTemplate = {
  id: 'r3-neighbour-advice',
  version: 1,
  title: 'Advice on speaking to your neighbour (10 tips)',
  rules: ['R3'],
  serves: [{ step: 'neighbourAdviceGiven' }],
  recipient: 'complainant',
  channel: 'letter',
  subject: 'Speaking to your neighbour: our advice',
  body: `Dear {{complainant.name}},

Thank you for contacting us about the problems you are having at {{matter.address}}.

From what you have told us, this is a problem between neighbours that has not yet been talked about. In our experience, a calm conversation is often the quickest and most lasting way to sort it out: many people do not realise how their behaviour affects others, and most are glad to be told. Here are our 10 tips on speaking to your neighbours.

${neighbourTipsText}

If you would rather not speak to them yourself, or you try and it does not help, please tell us. Mediation may help, and we can talk about other options. Your enquiry stays open in the meantime.

${emergency}

You can reach me on {{officer.phone}}; please quote the reference {{matter.reference}}.`,
}

const contactBody = (reply: string) => `Dear {{complainant.name}},

Thank you for your report about {{matter.address}} on {{matter.reportedOn}}. We have tried to telephone you three times to talk about it, but we have not been able to reach you.

We would like to help, and to do that we need to speak with you. ${reply} Please quote the reference {{matter.reference}}.

If we have not heard from you by the end of {{reply.by}}, we will take it that you no longer need our help, and we will close your enquiry. You can report again at any time if the problems continue.

If it is easier, tell us the best time and number to call you, or whether you would prefer us to write or e-mail.`

export const contactLetter: LetterTemplate = {
  id: 'r4-contact-letter',
  version: 1,
  title: 'Letter encouraging contact',
  rules: ['R4'],
  serves: [{ step: 'contactLetterSent', when: { method: 'letter' } }],
  recipient: 'complainant',
  channel: 'letter',
  subject: 'Please get in touch about your report',
  body: contactBody('Please call me on {{officer.phone}} or e-mail {{council.email}} by {{reply.by}}.'),
}

export const contactEmail: LetterTemplate = {
  id: 'r4-contact-email',
  version: 1,
  title: 'E-mail encouraging contact',
  rules: ['R4'],
  serves: [{ step: 'contactLetterSent', when: { method: 'email' } }],
  recipient: 'complainant',
  channel: 'email',
  subject: 'Your report about {{matter.address}}: please get in touch ({{matter.reference}})',
  body: contactBody('Please reply to this e-mail, or call me on {{officer.phone}}, by {{reply.by}}.'),
}

const whatToWrite = `For each incident, please write down:

- the date and time it happened, and how long it went on
- where it happened
- who was involved, or a description if you do not know them
- what happened: what you saw and heard
- how it affected you and your household. This matters as much as what happened: it is how we understand the harm being done.

Write each one as soon as you can, while it is fresh. Keep any photos, videos or recordings, but please never put yourself at risk to get them.`

const review = `We will review your case on {{diary.reviewOn}}. If by then we have no diary entries or other evidence of the problem, we will close your enquiry, because we would have nothing to act on. You can still report again later if things change.`

export const diarySheets: LetterTemplate = {
  id: 'r5-diary-sheets',
  version: 1,
  title: 'Diary sheets (paper)',
  rules: ['R5'],
  serves: [{ step: 'diarySheetsIssued' }],
  recipient: 'complainant',
  channel: 'letter',
  subject: 'Your diary sheets',
  body: `Dear {{complainant.name}},

Thank you for talking to us about the problems at {{matter.address}}. As we discussed, please use the enclosed diary sheets to keep a record of each incident as it happens.

${whatToWrite}

Please send or bring the sheets back to us as things happen, or call me on {{officer.phone}} to talk them through.

${review}

${emergency}`,
}

export const diaryLinkMessage: LetterTemplate = {
  id: 'r5-diary-link',
  version: 1,
  title: 'Diary sheets by private link',
  rules: ['R5'],
  serves: [{ step: 'diarySheetsIssued' }],
  recipient: 'complainant',
  channel: 'email',
  subject: 'Your private diary link ({{matter.reference}})',
  body: `Dear {{complainant.name}},

Thank you for talking to us about the problems at {{matter.address}}. As we discussed, you can keep your diary on your phone, using your own private link:

{{diaryLink}}

Open it on your phone and add each incident as it happens; your entries come straight to me. It works without signal too, and sends your entries when you are back online.

${whatToWrite}

Please keep the link to yourself: anyone who has it can add to your diary. If you lose it, or think someone else has it, call me on {{officer.phone}} and I will stop it and send you a new one.

${review}

${emergency}`,
}
