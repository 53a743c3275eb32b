/**
 * The dispatcher on its own: every channel of the contract refuses malformed
 * arguments before its handler runs, and whatever a handler throws comes back
 * as a typed BridgeError with no key in it.
 */
import { coded } from '../../shared/i18n/error-texts'
import { describe, expect, it } from 'vitest'
import { invokeChannels } from '../../shared/ipc/channels'
import { ApiError } from '../ports/inbox-api'
import { BridgeFailure } from '../ports/errors'
import { createLogger, createMemorySink, createRedactor } from '../log'
import { createDispatcher } from './dispatch'
import type { Handlers } from './handlers'

function setup(behaviour: (channel: string, args: unknown) => unknown) {
  const calls: string[] = []
  const handlers = Object.fromEntries(
    invokeChannels.map((channel) => [
      channel,
      async (args: unknown) => {
        calls.push(channel)
        return behaviour(channel, args)
      },
    ]),
  ) as unknown as Handlers
  const sink = createMemorySink()
  const redactor = createRedactor()
  redactor.addSecret('the-secret-key-42')
  const dispatch = createDispatcher(handlers, { log: createLogger(sink, redactor), redactor })
  return { dispatch, calls, lines: sink.lines }
}

describe('dispatch', () => {
  it('every channel refuses malformed arguments, naming the channel, and never runs the handler', async () => {
    const { dispatch, calls } = setup(() => null)
    for (const channel of invokeChannels) {
      for (const bad of [42, 'text', [], { unexpected: true }]) {
        const result = await dispatch(channel, bad)
        expect(result.ok, `${channel} accepted ${JSON.stringify(bad)}`).toBe(false)
        if (!result.ok) {
          expect(result.error.kind).toBe('invalid_argument')
          expect(result.error.message).toContain(channel)
        }
      }
    }
    expect(calls).toEqual([])
  })

  it('passes the parsed argument (defaults applied) and turns undefined into null', async () => {
    const seen: unknown[] = []
    const { dispatch } = setup((_channel, args) => {
      seen.push(args)
      return undefined
    })
    expect(await dispatch('connectAccount', { baseUrl: ' https://x.example ', apiKey: 'k' })).toEqual({
      ok: true,
      value: null,
    })
    expect(seen[0]).toEqual({ baseUrl: 'https://x.example', apiKey: 'k', keyStorage: 'keychain' })
  })

  it('maps thrown errors to BridgeErrors and redacts the key from them', async () => {
    const { dispatch, lines } = setup((channel) => {
      if (channel === 'markRead') throw new ApiError('not_found', 'This conversation no longer exists.')
      if (channel === 'archive') throw new BridgeFailure('no_account', coded('account.stillConnecting'))
      if (channel === 'unarchive') throw new ApiError('rate_limited', 'Slow down.', { retryAfterMs: 3000 })
      throw new Error('boom with the-secret-key-42 inside')
    })
    expect(await dispatch('markRead', { chatId: 'c1' })).toEqual({
      ok: false,
      error: { kind: 'not_found', message: 'This conversation no longer exists.' },
    })
    // A coded sentence crosses with its code (the renderer translates it) and its English as the message.
    expect(await dispatch('archive', { chatId: 'c1' })).toEqual({
      ok: false,
      error: {
        kind: 'no_account',
        message: 'The account is still connecting. Try again in a moment.',
        code: 'account.stillConnecting',
      },
    })
    const limited = await dispatch('unarchive', { chatId: 'c1' })
    expect(limited.ok === false && limited.error.retryAfterMs).toBe(3000)
    const internal = await dispatch('unassign', { chatId: 'c1' })
    expect(internal.ok).toBe(false)
    if (!internal.ok) {
      expect(internal.error.kind).toBe('internal')
      expect(internal.error.detail).toBe('boom with [redacted] inside')
    }
    expect(!internal.ok && internal.error.code).toBe('internal')
    expect(JSON.stringify(lines)).not.toContain('the-secret-key-42')
    expect(lines.some((l) => l.level === 'error' && l.line.includes('unassign failed'))).toBe(true)
  })

  it('an unknown channel is refused without a crash', async () => {
    const { dispatch } = setup(() => null)
    const result = await dispatch('__proto__', {})
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid_argument', code: 'bridge.unknownCall', values: { name: '__proto__' } },
    })
  })

  it("a problem the contract words itself is shown by its own code; the message keeps the field's sentence", async () => {
    const { dispatch } = setup(() => null)
    const result = await dispatch('connectAccount', { baseUrl: ' ', apiKey: 'k', keyStorage: 'keychain' })
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid_argument',
        code: 'validation.apiAddress',
        message: 'The field “baseUrl” of connectAccount is invalid: Enter the API address.',
      },
    })
  })

  it('a secret in a value of a coded sentence is redacted like the message', async () => {
    const { dispatch } = setup(() => {
      throw new BridgeFailure(
        'network',
        coded('connect.unreachable', { host: 'h', reason: coded('network.failed', { detail: 'the-secret-key-42' }) }),
      )
    })
    const result = await dispatch('markRead', { chatId: 'c1' })
    expect(JSON.stringify(result)).not.toContain('the-secret-key-42')
    expect(JSON.stringify(result)).toContain('[redacted]')
  })

  it('an unknown key is shown cut and escaped, in the message and the log', async () => {
    const { dispatch, lines } = setup(() => null)
    const key = `${'k'.repeat(5 * 1024 * 1024)}\nforged line`
    const result = await dispatch('markRead', { chatId: 'chat_1', [key]: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message).toBe(
      `markRead does not accept the fields “${'k'.repeat(40)}…”, “b”, “c”, “d”, “e”, 1 more.`,
    )
    expect(result.error.code).toBe('bridge.unknownFields')
    expect(lines).toHaveLength(1)
    expect(lines[0]!.line.length).toBeLessThan(500)
    expect(lines[0]!.line).not.toContain('\n')
  })
})
