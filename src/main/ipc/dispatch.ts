/**
 * One entry point for every bridge call: check the channel, validate the
 * argument against the contract, run the handler, and turn any failure into a
 * typed BridgeError. It never throws. (The shell checks the sender frame
 * before it calls this.)
 */
import type { z } from 'zod'
import { invokeChannels, type InvokeChannel } from '../../shared/ipc/channels'
import { invokeContract, type BridgeError, type BridgeResult } from '../../shared/ipc/contract'
import { coded, codeOfEnglish, englishText, type CodedText, type TextValues } from '../../shared/i18n/error-texts'
import { codedBridgeError, toBridgeError } from '../ports/errors'
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

/**
 * The first problem of a rejected argument, as one coded sentence naming the field. A problem the contract
 * words itself (a zod message written as one of src/shared/i18n/error-texts.ts's sentences: "Enter the API
 * key") is also given as `shown`: the sentence the agent reads, in the UI language; the rest is for the log.
 */
export function describeInvalidArgument(channel: string, error: z.ZodError): { text: CodedText; shown?: CodedText } {
  const issue = error.issues[0]
  if (!issue) return { text: coded('bridge.invalidArgument', { channel, problem: 'no details' }) }
  const own = codeOfEnglish(issue.message)
  const shown = own ? { shown: coded(own) } : {}
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.slice(0, SHOWN_KEYS).map((key) => `“${showName(key)}”`)
    if (issue.keys.length > SHOWN_KEYS) names.push(`${issue.keys.length - SHOWN_KEYS} more`)
    const path = issue.path.length ? ` in “${issue.path.map(showName).join('.')}”` : ''
    const fields = `${names.join(', ')}${path}`
    return { text: coded(issue.keys.length > 1 ? 'bridge.unknownFields' : 'bridge.unknownField', { channel, fields }) }
  }
  if (issue.path.length === 0) {
    if (issue.code === 'invalid_type' && issue.expected === 'undefined') {
      return { text: coded('bridge.noArgument', { channel }) }
    }
    if (issue.code === 'invalid_type') return { text: coded('bridge.needsObject', { channel, problem: issue.message }) }
    return { text: coded('bridge.invalidArgument', { channel, problem: issue.message }), ...shown }
  }
  const field = issue.path.map(showName).join('.')
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return { text: coded('bridge.missingField', { channel, field }) }
  }
  const problem = issue.message.replace(/\.$/, '')
  return { text: coded('bridge.invalidField', { channel, field, problem }), ...shown }
}

/** The values of a coded sentence, with any secret removed as from the message (nested phrases too). */
function redactValues(values: TextValues, redactor: Redactor): TextValues {
  const out: TextValues = {}
  for (const [name, value] of Object.entries(values)) {
    out[name] =
      typeof value === 'string'
        ? redactor.redact(value)
        : typeof value === 'number'
          ? value
          : { ...value, ...(value.values ? { values: redactValues(value.values, redactor) } : {}) }
  }
  return out
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
      ...(error.values !== undefined ? { values: redactValues(error.values, redactor) } : {}),
    },
  })

  return async (channel, rawArg) => {
    if (!isInvokeChannel(channel)) {
      log.warn(`Bridge: unknown channel ${JSON.stringify(channel).slice(0, 100)} refused.`)
      return fail(
        codedBridgeError('invalid_argument', coded('bridge.unknownCall', { name: String(channel).slice(0, 100) })),
      )
    }
    const parsed = invokeContract[channel].args.safeParse(rawArg)
    if (!parsed.success) {
      const { text, shown } = describeInvalidArgument(channel, parsed.error)
      const message = englishText(text)
      log.warn(`Bridge: ${message}`)
      return fail({ ...codedBridgeError('invalid_argument', shown ?? text), message })
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
