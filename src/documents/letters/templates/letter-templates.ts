import type { LetterTemplate } from '../letter-template.ts'
import { adviceLetter, letterBeforeAction, section43Warning, warningLetter } from './action-letters.ts'
import { closureLetter, feedbackInvitation } from './closure-letters.ts'
import {
  closureAdvice,
  contactEmail,
  contactLetter,
  diaryLinkMessage,
  diarySheets,
  neighbourAdvice,
} from './stage1-letters.ts'

// Every letter the procedure sends, in one place with one version. These become a versioned
// council setting that an admin edits (issue 16); until then a change here is a new version,
// and each letter sent names the template and version it came from.

export type LetterTemplateSet = { version: number; templates: readonly LetterTemplate[] }

export const letterTemplateSet: LetterTemplateSet = {
  version: 1,
  templates: [
    closureAdvice,
    neighbourAdvice,
    contactLetter,
    contactEmail,
    diarySheets,
    diaryLinkMessage,
    adviceLetter,
    warningLetter,
    section43Warning,
    letterBeforeAction,
    closureLetter,
    feedbackInvitation,
  ],
}
