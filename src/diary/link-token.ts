import { diaryTokenPattern } from '../api/public-diary.ts'

// Where the page finds its link: /diary/<token>. From the home screen the page opens at /diary/
// (a manifest cannot hold the token), and the phone remembers the last link it opened.

export function tokenFromPath(pathname: string): string | null {
  const match = /^\/diary\/([^/?#]+)\/?$/.exec(pathname)
  const token = match?.[1] ?? null
  return token && diaryTokenPattern.test(token) ? token : null
}
