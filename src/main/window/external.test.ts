import { describe, expect, it } from 'vitest'
import { opensFromNewWindow, safeOpenExternal } from './external'

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

describe('links the renderer opened as a new window (no question was asked)', () => {
  it.each([
    ['https://example.com/a', true],
    ['http://example.com/a', false],
    ['https://user:pw@example.com/', false],
    ['https://xn--exmple-4nf.com/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, opens) => {
    expect(opensFromNewWindow(url)).toBe(opens)
  })
})

describe('main checks again whatever the renderer sends (after the agent said Open)', () => {
  it('a confirmed credentials or http link opens as parsed', async () => {
    expect(await opened('https://user:pw@example.com/x')).toEqual(['https://user:pw@example.com/x'])
    expect(await opened('http://example.com')).toEqual(['http://example.com/'])
  })
  it.each([['javascript:alert(1)'], ['file:///etc/passwd'], ['smb://host/share'], ['nonsense']])(
    '%s is never opened',
    async (link) => {
      await expect(opened(link)).rejects.toThrow(/not opened/)
    },
  )
})
