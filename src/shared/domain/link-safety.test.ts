import { describe, expect, it } from 'vitest'
import { checkLink, targetConcerns } from './link-safety'

const check = (text: string, href: string = text) => checkLink(text, href)

describe('links that open at once', () => {
  it.each([
    ['https://example.com/blender?id=7'],
    ['https://example.com'],
    ['HTTPS://Example.COM/Path'],
    ['https://example.com/café?q=ü#größe'],
    ['https://example.com/caf%C3%A9'],
    ['https://example.com:8443/a'],
  ])('%s', (text) => {
    expect(check(text)?.concerns).toEqual([])
  })

  it('a bare www. text opens as https, and that is what it says', () => {
    expect(check('www.example.com/help', 'https://www.example.com/help')).toEqual({
      target: 'https://www.example.com/help',
      concerns: [],
    })
  })
})

describe('links that ask first, and why', () => {
  it('a look-alike host: the target is its xn-- form', () => {
    expect(check('https://exаmple.com/pay')).toEqual({
      target: 'https://xn--exmple-4nf.com/pay',
      concerns: ['looksDifferent'],
    })
  })

  it.each([
    ['invisible characters', 'https://exa\u200Bmple.com/'],
    ['a right-to-left override', 'https://example.com/\u202Efdp.exe'],
    ['a backslash the parser turns into a path', 'https://example.com\\@evil.example/'],
    ['an escaped host', 'https://%65xample.com/'],
    ['a numeric host', 'https://0x7f.1/'],
    ['dot segments', 'https://example.com/a/../b'],
    ['a default port dropped', 'https://example.com:443/'],
  ])('%s', (_what, text) => {
    expect(check(text)?.concerns).toContain('looksDifferent')
  })

  it('text that differs from the address it opens', () => {
    expect(check('https://bank.example/login', 'https://evil.example/login')).toEqual({
      target: 'https://evil.example/login',
      concerns: ['looksDifferent'],
    })
  })

  it('a user name or password in front of the host', () => {
    expect(check('https://bank.example:secret@evil.example/')?.concerns).toEqual(['credentials'])
    expect(check('https://bank.example@evil.example/')?.concerns).toEqual(['credentials'])
  })

  it('plain http', () => {
    expect(check('http://example.com/')).toEqual({ target: 'http://example.com/', concerns: ['insecure'] })
  })

  it('several at once, in a fixed order', () => {
    expect(check('http://user:pw@exаmple.com/')?.concerns).toEqual(['looksDifferent', 'credentials', 'insecure'])
  })
})

describe('not web links', () => {
  it.each([['javascript:alert(1)'], ['file:///etc/passwd'], ['mailto:a@example.com'], ['not a url']])('%s', (href) => {
    expect(checkLink(href, href)).toBeNull()
  })
})

describe('targetConcerns (an address without its text, as main gets a window.open)', () => {
  it.each([
    ['https://example.com/', []],
    ['http://example.com/', ['insecure']],
    ['https://u:p@example.com/', ['credentials']],
    ['https://xn--exmple-4nf.com/', ['looksDifferent']],
  ])('%s', (href, concerns) => {
    expect(targetConcerns(new URL(href))).toEqual(concerns)
  })
})
