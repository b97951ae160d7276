import { config } from 'zod'
import { plainEnglishErrors } from '../domain/zod-messages.ts'

// zod's settings for the browser, imported first by main.tsx so they are in force before any
// schema is built or parses anything, whichever lazy chunk later brings zod's schemas.
// jitless: zod would otherwise build its object parsers with `new Function`, which our CSP
// (script-src 'self') rightly refuses; and it reads the setting when each object schema is built.
// Only `config` is imported: zod itself stays off the first screen (issue 5, offline cold start).
// The server sets neither: it has no CSP, and its push validation keeps zod's faster parsers.
config({ customError: plainEnglishErrors, jitless: true })
