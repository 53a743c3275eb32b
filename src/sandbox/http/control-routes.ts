/**
 * Control routes under /_sandbox: not part of the public contract. No API
 * key; they answer only to loopback peers (see ./app.ts).
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { faultsBodySchema } from '../faults'
import type { SandboxWorld } from '../world'
import { describeIssues, json, jsonError, noContent, readJson, type SandboxContext, type SandboxEnv } from './context'

/** Caps keep a typo from eating the machine's memory. */
const MAX_BULK_CONVERSATIONS = 100_000
const MAX_BULK_MESSAGES = 2_000_000

const resetBodySchema = z
  .object({
    seed: z.union([
      z.enum(['demo', 'empty']),
      z
        .object({
          conversations: z.number().int().min(0).max(MAX_BULK_CONVERSATIONS),
          messagesPerConversation: z.number().int().min(0).max(1000),
        })
        .strict()
        .refine((s) => s.conversations * s.messagesPerConversation <= MAX_BULK_MESSAGES, {
          message: `conversations × messagesPerConversation must be at most ${MAX_BULK_MESSAGES} per account`,
        }),
    ]),
  })
  .strict()

const inboundText = z.string().min(1).max(4096)
const inboundBodySchema = z.union([
  z.object({ apiKey: z.string().min(1), chatId: z.string().min(1), text: inboundText }).strict(),
  z
    .object({
      apiKey: z.string().min(1),
      channelId: z.string().min(1),
      contact: z
        .object({
          name: z.string().max(200).default(''),
          phoneNumber: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +14155550123'),
        })
        .strict(),
      text: inboundText,
    })
    .strict(),
])

const clockBodySchema = z
  .object({
    advanceMs: z
      .number()
      .int()
      .min(0)
      .max(10 * 365 * 24 * 3600 * 1000),
  })
  .strict()

async function parseBody<T>(
  c: SandboxContext,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const body = await readJson(c)
  if (!body.ok) return body
  const parsed = schema.safeParse(body.value)
  if (!parsed.success)
    return { ok: false, response: jsonError(c, 400, 'bad_request', describeIssues(parsed.error.issues)) }
  return { ok: true, value: parsed.data }
}

export function controlRoutes(world: SandboxWorld, log: (line: string) => void): Hono<SandboxEnv> {
  const control = new Hono<SandboxEnv>()

  control.post('/reset', async (c) => {
    const body = await parseBody(c, resetBodySchema)
    if (!body.ok) return body.response
    const started = performance.now()
    world.reset(body.value.seed)
    const counts = Object.fromEntries(world.store.accounts.map((a) => [a.account.name, a.conversations.size]))
    log(`reset to ${JSON.stringify(body.value.seed)} in ${Math.round(performance.now() - started)} ms`)
    return json(c, 200, { seed: body.value.seed, conversations: counts })
  })

  control.post('/inbound', async (c) => {
    const body = await parseBody(c, inboundBodySchema)
    if (!body.ok) return body.response
    const input = body.value
    const state = world.store.accountByKey(input.apiKey)
    if (!state) return jsonError(c, 404, 'not_found', 'No account has that apiKey.')
    let conversation
    if ('chatId' in input) {
      conversation = state.conversations.get(input.chatId)
      if (!conversation)
        return jsonError(c, 404, 'not_found', `No conversation ${input.chatId} in ${state.account.name}.`)
    } else {
      const channel = state.channels.get(input.channelId)
      if (!channel) return jsonError(c, 404, 'not_found', `No channel ${input.channelId} in ${state.account.name}.`)
      // One conversation per contact per channel: a known number writes into its existing thread.
      conversation =
        world.store.findConversationByContact(state, channel.id, input.contact.phoneNumber) ??
        world.store.createConversation(state, channel, input.contact, world.clock.now())
    }
    const message = world.receiveInbound(conversation, input.text)
    return json(c, 201, { chatId: conversation.id, messageId: message.id })
  })

  control.post('/faults', async (c) => {
    const body = await parseBody(c, faultsBodySchema)
    if (!body.ok) return body.response
    world.faults.add(body.value.rules)
    return json(c, 200, { rules: world.faults.count })
  })

  // What is still active: a `times` rule is gone once used up, so a test can tell that a request has taken it.
  control.get('/faults', (c) => json(c, 200, { rules: world.faults.list() }))

  control.delete('/faults', (c) => {
    world.faults.clear()
    return noContent(c)
  })

  control.post('/clock', async (c) => {
    const body = await parseBody(c, clockBodySchema)
    if (!body.ok) return body.response
    world.clock.advance(body.value.advanceMs)
    return json(c, 200, { now: new Date(world.clock.now()).toISOString() })
  })

  control.get('/clock', (c) => json(c, 200, { now: new Date(world.clock.now()).toISOString() }))

  control.get('/requests', (c) => json(c, 200, { data: world.requests() }))

  return control
}
