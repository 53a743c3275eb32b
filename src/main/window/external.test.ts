import { describe, expect, it } from 'vitest'
import { safeOpenExternal } from './external'

async function opened(link: string): Promise<string[]> {
  const urls: string[] = []
  await safeOpenExternal(link, async (url) => void urls.push(url))
  return urls
}

describe('mailto: links open with the fields the agent sees, nothing else', () => {
  it.each([
    ['mailto:help@example.com?subject=Order&attach=/etc/passwd', 'mailto:help@example.com?subject=Order'],
    [
      'mailto:a@example.com?ATTACHMENT=~/.ssh/id_rsa&body=Hi%20there&cc=b@example.com',
      'mailto:a@example.com?body=Hi%20there&cc=b@example.com',
    ],
    ['mailto:a@example.com?attach=C:%5Cfile.txt', 'mailto:a@example.com'],
    ['mailto:a@example.com', 'mailto:a@example.com'],
  ])('%s → %s', async (link, expected) => {
    expect(await opened(link)).toEqual([expected])
  })

  it('other links are passed on as they are', async () => {
    expect(await opened('https://example.com/a?attach=x')).toEqual(['https://example.com/a?attach=x'])
  })
})
