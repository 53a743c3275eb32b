/**
 * One entry point for every bridge call: check the channel, validate the
 * argument against the contract, run the handler, and turn any failure into a
 * typed BridgeError. It never throws. (The shell checks the sender frame
 * before it calls this.)
 */
import type { z } from 'zod'
import { invokeChannels, type InvokeChannel } from '../../shared/ipc/channels'
import { invokeContract, type BridgeError, type BridgeResult } from '../../shared/ipc/contract'
import { toBridgeError } from '../ports/errors'
import type { Logger, Redactor } from '../ports/logger'
import type { Handlers } from './handlers'

export type Dispatch = (channel: string, rawArg: unknown) => Promise<BridgeResult<unknown>>

const isInvokeChannel = (channel: string): channel is InvokeChannel =>
  (invokeChannels as readonly string[]).includes(channel)

/** Key names the renderer made up are shown at most this long, and at most this many of them. */
const SHOWN_KEY_LENGTH = 40
const SHOWN_KEYS = 5

/**
 * A name the renderer chose (an unknown key, a record key in a path), as it
 * can be shown: cut to 40 characters, line breaks and control characters
 * escaped as JSON does. A 5 MB key with a `\n` in it must not become a 5 MB
 * message or a second log line.
 */
export function showName(name: PropertyKey): string {
  const text = String(name)
  const cut = text.length > SHOWN_KEY_LENGTH ? `${text.slice(0, SHOWN_KEY_LENGTH)}…` : text
  return JSON.stringify(cut).slice(1, -1)
}

/** The first problem of a rejected argument, as one sentence naming the field. */
export function describeInvalidArgument(channel: string, error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return `The argument of ${channel} is invalid.`
  if (issue.code === 'unrecognized_keys') {
    const shown = issue.keys.slice(0, SHOWN_KEYS).map((key) => `“${showName(key)}”`)
    if (issue.keys.length > SHOWN_KEYS) shown.push(`${issue.keys.length - SHOWN_KEYS} more`)
    const path = issue.path.length ? ` in “${issue.path.map(showName).join('.')}”` : ''
    return `${channel} does not accept the field${issue.keys.length > 1 ? 's' : ''} ${shown.join(', ')}${path}.`
  }
  if (issue.path.length === 0) {
    if (issue.code === 'invalid_type' && issue.expected === 'undefined') return `${channel} takes no argument.`
    if (issue.code === 'invalid_type') return `${channel} needs an object as its argument (${issue.message}).`
    return `The argument of ${channel} is invalid: ${issue.message}.`
  }
  const field = issue.path.map(showName).join('.')
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return `${channel} needs the field “${field}”.`
  }
  return `The field “${field}” of ${channel} is invalid: ${issue.message.replace(/\.$/, '')}.`
}

export function createDispatcher(handlers: Handlers, options: { log: Logger; redactor: Redactor }): Dispatch {
  const { log, redactor } = options
  const fail = (error: BridgeError): BridgeResult<never> => ({
    ok: false,
    error: {
      ...error,
      // Belt and braces: whatever a service put in a message, no key crosses the bridge.
      message: redactor.redact(error.message),
      ...(error.detail !== undefined ? { detail: redactor.redact(error.detail) } : {}),
    },
  })

  return async (channel, rawArg) => {
    if (!isInvokeChannel(channel)) {
      log.warn(`Bridge: unknown channel ${JSON.stringify(channel).slice(0, 100)} refused.`)
      return fail({
        kind: 'invalid_argument',
        message: `There is no bridge call named “${String(channel).slice(0, 100)}”.`,
      })
    }
    const parsed = invokeContract[channel].args.safeParse(rawArg)
    if (!parsed.success) {
      const message = describeInvalidArgument(channel, parsed.error)
      log.warn(`Bridge: ${message}`)
      return fail({ kind: 'invalid_argument', message })
    }
    try {
      const handler = handlers[channel] as (args: unknown) => Promise<unknown>
      const value = await handler(parsed.data)
      return { ok: true, value: value === undefined ? null : value }
    } catch (error) {
      const bridgeError = toBridgeError(error)
      if (bridgeError.kind === 'internal') log.error(`Bridge: ${channel} failed.`, error)
      else log.info(`Bridge: ${channel}: ${bridgeError.kind}: ${bridgeError.message}`)
      return fail(bridgeError)
    }
  }
}
