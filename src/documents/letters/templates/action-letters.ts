import type { LetterTemplate } from '../letter-template.ts'

// Letters to the person an intervention or legal step is for: the advice and warning letters
// (R12), the written warning that must come before a Community Protection Notice (s43 of the
// Anti-social Behaviour, Crime and Policing Act 2014) and the letter before action (R14).

const talkToUs =
  'If you would like to talk about this letter, or you think there has been a mistake, please call me on {{officer.phone}}, quoting the reference {{matter.reference}}. If there is a reason behind this, or you need support, please tell us: we may be able to help, or put you in touch with someone who can.'

export const adviceLetter: LetterTemplate = {
  id: 'r12-advice-letter',
  version: 1,
  title: 'Advice letter',
  rules: ['R12'],
  serves: [{ step: 'interventionRecorded', when: { kind: 'advice_letter' } }],
  recipient: 'party',
  channel: 'letter',
  subject: 'Complaints about behaviour at or near {{matter.address}}',
  body: `Dear {{recipient.name}},

The council's Community Safety Team has received complaints about behaviour at or near {{matter.address}}. The complaints are about:

{{warning.conduct}}

We are writing to let you know about the complaints, and to give you the chance to put things right. We have not made any decision about what happened, and this letter is not a formal warning. You may not have realised that this was affecting other people.

Please be considerate of your neighbours and make sure this does not happen again. If the complaints continue, we may have to take further action.

${talkToUs}`,
}

export const warningLetter: LetterTemplate = {
  id: 'r12-warning-letter',
  version: 1,
  title: 'Warning letter',
  rules: ['R12'],
  serves: [{ step: 'interventionRecorded', when: { kind: 'warning_letter' } }],
  recipient: 'party',
  channel: 'letter',
  subject: 'Warning: anti-social behaviour at or near {{matter.address}}',
  body: `Dear {{recipient.name}},

We have received reports that you have been involved in anti-social behaviour at or near {{matter.address}}. The behaviour reported is:

{{warning.conduct}}

This behaviour is causing harassment, alarm or distress to other people, and it must stop. This letter is a formal warning. We expect the behaviour to have stopped by {{warning.complyBy}}, and not to happen again.

If it continues after that date, the council and its partners may take further action against you. That can include an Acceptable Behaviour Agreement, a Community Protection Notice, or an application to the court for an order. If you rent your home from the council or a housing association, it may also put your tenancy at risk.

${talkToUs}`,
}

export const section43Warning: LetterTemplate = {
  id: 's43-written-warning',
  version: 1,
  title: 'Community protection warning (s43, before a CPN)',
  rules: ['R14', 's43'],
  serves: [{ step: 'interventionRecorded', when: { kind: 'warning_letter' } }],
  recipient: 'party',
  channel: 'letter',
  subject: 'Community Protection Warning: section 43, Anti-social Behaviour, Crime and Policing Act 2014',
  body: `Dear {{recipient.name}},

{{council.name}} is satisfied that your conduct is having a detrimental effect, of a persistent or continuing nature, on the quality of life of those in the locality of {{matter.address}}, and that your conduct is unreasonable. This letter is a written warning under section 43 of the Anti-social Behaviour, Crime and Policing Act 2014.

What you must stop doing

{{warning.conduct}}

By when

Your conduct must stop having this effect by {{warning.complyBy}}.

What happens if it does not stop

If, after {{warning.complyBy}}, your conduct is still having this effect, the council may issue you with a Community Protection Notice. A notice can require you to stop doing specified things, to do specified things, or to take reasonable steps to prevent the effect.

Failing to comply with a Community Protection Notice is a criminal offence. You could be given a fixed penalty notice, or prosecuted; if you are convicted you could be fined, and the court can order you to give up any item used in the conduct. The council can also carry out work needed to put things right, and recover the cost from you.

If you think this warning has been given in error, or you would like to talk about what you need to do, please call me on {{officer.phone}}, quoting the reference {{matter.reference}}.`,
}

export const letterBeforeAction: LetterTemplate = {
  id: 'r14-letter-before-action',
  version: 1,
  title: 'Letter before action (legal warning)',
  rules: ['R14'],
  serves: [{ step: 'legalStepTaken', when: { kind: 'letter_before_action' } }],
  recipient: 'party',
  channel: 'letter',
  subject: 'Letter before action: anti-social behaviour at or near {{matter.address}}',
  body: `Dear {{recipient.name}},

We are writing to you about your behaviour at or near {{matter.address}}. Despite earlier contact from the council about it, we continue to receive reports that you have been:

{{warning.conduct}}

This letter is a legal warning. Unless this behaviour stops by {{warning.complyBy}}, and does not happen again, the council intends to apply to the court for an order to stop it, and to ask the court to order you to pay the council's legal costs. A court order can forbid you from doing certain things, such as going to certain places, and can require you to do things. Breaking a court order is serious: you could be arrested, and fined or sent to prison.

Please reply to this letter in writing by {{warning.complyBy}}, telling us whether you will stop the behaviour described above. We strongly advise you to get independent legal advice now, for example from a solicitor or Citizens Advice.

If there is a reason behind this behaviour, or you need support, please tell us: we will take it into account. You can reach me on {{officer.phone}}, quoting the reference {{matter.reference}}.`,
}
