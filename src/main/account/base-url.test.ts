/**
 * What the agent types as the API address, on connect: an http:// address is
 * accepted only for this machine, with a message saying what to use instead.
 */
import { describe, expect, it } from 'vitest'
import { BridgeFailure } from '../ports/errors'
import { normaliseUserBaseUrl } from './base-url'

describe('connect refuses http:// to another machine', () => {
  it.each(['http://api.example.com', 'http://192.168.1.20:4010/v1', 'HTTP://10.0.0.1'])('%s', (typed) => {
    let refused: unknown
    try {
      normaliseUserBaseUrl(typed)
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(BridgeFailure)
    expect((refused as BridgeFailure).kind).toBe('invalid_argument')
    expect((refused as BridgeFailure).message).toMatch(
      /uses http:\/\/, which would send the API key over the network unencrypted\. Use its https:\/\/ address/,
    )
  })

  it.each([
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:8080/api/', 'http://localhost:8080/api'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['api.example.com', 'https://api.example.com'],
    ['https://api.example.com/v1', 'https://api.example.com/v1'],
  ])('%s is accepted as %s', (typed, normalised) => {
    expect(normaliseUserBaseUrl(typed)).toBe(normalised)
  })
})
