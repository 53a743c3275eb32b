import { describe, expect, it } from 'vitest'
import { bridgeErrorKinds } from '../../../shared/ipc/contract'
import { connectErrorMessage } from './connectErrors'

describe('connectErrorMessage', () => {
  it('tells a wrong key, a wrong address and a silent server apart', () => {
    const titles = (['unauthorized', 'network', 'timeout', 'invalid_response'] as const).map(
      (kind) => connectErrorMessage(kind, 'x', 'http://127.0.0.1:1').title,
    )
    expect(new Set(titles).size).toBe(4)
    expect(connectErrorMessage('network', 'x', 'http://127.0.0.1:1').body).toContain('http://127.0.0.1:1')
  })
  it('shows the field message for invalid arguments', () => {
    expect(connectErrorMessage('invalid_argument', 'Enter the API key', '').body).toBe('Enter the API key')
  })
  it('has a non-empty message for every kind', () => {
    for (const kind of bridgeErrorKinds) expect(connectErrorMessage(kind, 'm', 'u').body.length).toBeGreaterThan(0)
  })
})
