/**
 * The zod schemas in src/shared/api/schemas.ts (what the client validates
 * responses with and the sandbox validates requests with) agree with
 * docs/inbox-api.yaml: same property names, same required fields, same JSON
 * types (null included), recursively; and sample objects are accepted or
 * rejected by both alike, except for the deliberate leniencies listed here.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  assignBodySchema,
  assigneeSchema,
  channelSchema,
  contactSchema,
  conversationSchema,
  errorBodySchema,
  listConversationsResponseSchema,
  listUsersResponseSchema,
  messageSchema,
  messagesPageSchema,
  sendReplyBodySchema,
  sendReplyResponseSchema,
  userSchema,
} from '../../src/shared/api/schemas'
import { contract } from './openapi'

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

const responsePointer = (path: string, method: string, status: number) =>
  `#/paths/${path.replace(/\//g, '~1')}/${method}/responses/${status}/content/application~1json/schema`
const requestPointer = (path: string, method: string) =>
  `#/paths/${path.replace(/\//g, '~1')}/${method}/requestBody/content/application~1json/schema`

/** Each zod schema and where its counterpart lives in the yaml. */
const PAIRS: Array<[string, z.ZodType, string]> = [
  ['Channel', channelSchema, '#/components/schemas/Channel'],
  ['Contact', contactSchema, '#/components/schemas/Contact'],
  ['Assignee', assigneeSchema, '#/components/schemas/Assignee'],
  ['Conversation', conversationSchema, '#/components/schemas/Conversation'],
  ['Message', messageSchema, '#/components/schemas/Message'],
  ['User', userSchema, '#/components/schemas/User'],
  ['Error', errorBodySchema, '#/components/schemas/Error'],
  ['listConversations 200', listConversationsResponseSchema, responsePointer('/conversations', 'get', 200)],
  ['getMessages 200', messagesPageSchema, responsePointer('/conversations/{chatId}/messages', 'get', 200)],
  ['sendReply 202', sendReplyResponseSchema, responsePointer('/conversations/reply', 'post', 202)],
  ['listAssignableUsers 200', listUsersResponseSchema, responsePointer('/conversations/assignable-users', 'get', 200)],
  ['sendReply body', sendReplyBodySchema, requestPointer('/conversations/reply', 'post')],
  ['assignConversation body', assignBodySchema, requestPointer('/conversations/{chatId}/assignee', 'post')],
]

/** Follows yaml $refs. */
function deref(schema: unknown): Json {
  let node = schema
  for (let hops = 0; isObject(node) && typeof node.$ref === 'string'; hops++) {
    if (hops > 10) throw new Error('ref loop')
    node = contract().resolve(node.$ref)
  }
  if (!isObject(node)) throw new Error(`not a schema: ${JSON.stringify(node)}`)
  return node
}

/** JSON types a schema allows (`null` included), through anyOf/oneOf and const/enum. */
function typesOf(schema: Json): Set<string> {
  const types = new Set<string>()
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined
  if (branches) for (const branch of branches) for (const t of typesOf(deref(branch))) types.add(t)
  if (typeof schema.type === 'string') types.add(schema.type)
  if (Array.isArray(schema.type)) for (const t of schema.type) types.add(String(t))
  if (types.size === 0 && 'const' in schema) types.add(typeof schema.const)
  return types
}

/** The object (or array) branch of a possibly nullable schema. */
function structural(schema: Json): Json {
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined
  if (branches) {
    const found = branches.map(deref).find((b) => typesOf(b).has('object') || typesOf(b).has('array'))
    return found ?? schema
  }
  return schema
}

function compare(zodSchema: Json, yamlSchema: Json, path: string, problems: string[]): void {
  const zodTypes = [...typesOf(zodSchema)].sort()
  const yamlTypes = [...typesOf(yamlSchema)].sort()
  if (yamlTypes.length > 0 && zodTypes.join() !== yamlTypes.join()) {
    problems.push(`${path}: zod allows ${zodTypes.join('|') || 'anything'}, yaml ${yamlTypes.join('|')}`)
  }
  const zodNode = structural(zodSchema)
  const yamlNode = structural(yamlSchema)
  if (isObject(yamlNode.properties) || isObject(zodNode.properties)) {
    const zodProps = isObject(zodNode.properties) ? zodNode.properties : {}
    const yamlProps = isObject(yamlNode.properties) ? yamlNode.properties : {}
    const zodNames = Object.keys(zodProps).sort()
    const yamlNames = Object.keys(yamlProps).sort()
    if (zodNames.join() !== yamlNames.join())
      problems.push(`${path}: properties zod [${zodNames}] vs yaml [${yamlNames}]`)
    const zodRequired = ((zodNode.required as string[] | undefined) ?? []).slice().sort()
    const yamlRequired = ((yamlNode.required as string[] | undefined) ?? []).slice().sort()
    if (zodRequired.join() !== yamlRequired.join()) {
      problems.push(`${path}: required zod [${zodRequired}] vs yaml [${yamlRequired}]`)
    }
    for (const name of zodNames.filter((n) => n in yamlProps)) {
      compare(deref(zodProps[name]), deref(yamlProps[name]), `${path}.${name}`, problems)
    }
  }
  if (zodNode.items !== undefined && yamlNode.items !== undefined) {
    compare(deref(zodNode.items), deref(yamlNode.items), `${path}[]`, problems)
  }
}

describe('zod schemas have the shape of the yaml', () => {
  it.each(PAIRS)('%s', (_name, zodSchema, pointer) => {
    const json = z.toJSONSchema(zodSchema, { io: 'output', unrepresentable: 'any' }) as Json
    const problems: string[] = []
    compare(json, deref(contract().resolve(pointer)), _name, problems)
    expect(problems).toEqual([])
  })
})

describe('the shape comparison itself', () => {
  it('notices a different property set, required list or type', () => {
    const problems: string[] = []
    const asJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Json
    compare(
      asJson(channelSchema),
      deref(contract().resolve('#/components/schemas/Contact')),
      'Channel-vs-Contact',
      problems,
    )
    compare(
      asJson(z.object({ id: z.number() })),
      deref(contract().resolve('#/components/schemas/Assignee')),
      'x',
      problems,
    )
    expect(problems.some((p) => p.includes('properties'))).toBe(true)
    expect(problems.some((p) => p.includes('required'))).toBe(true)
    expect(problems.some((p) => p.includes('x.id: zod allows number'))).toBe(true)
  })
})

// ---- samples ---------------------------------------------------------------

const date = '2026-11-24T09:15:02.123Z'
const channel = { id: 'ch_wa', type: 'whatsapp', name: 'Support WhatsApp' }
const contact = { id: 'ct_1', name: 'Sofía', phoneNumber: '+34612480937' }
const conversation = {
  id: 'chat_1',
  channel,
  contact,
  unreadCount: 2,
  archived: false,
  assignee: { id: 'usr_1', displayName: 'Maya Chen' },
  createdDate: date,
  updatedDate: date,
  lastMessageDate: date,
  lastInboundDate: date,
  lastMessage: { id: 41, direction: 'inbound', preview: 'Hola', date },
}
const message = {
  id: 41,
  chatId: 'chat_1',
  direction: 'outbound',
  date,
  content: { type: 'text', text: '<b>hi</b>' },
  status: 'failed',
  error: { code: 'reply_window_closed', message: 'closed' },
  authorId: 'usr_1',
}
const user = { id: 'usr_1', displayName: 'Maya Chen', avatarUrl: 'data:image/svg+xml;base64,PHN2Zz4=' }

/** [pair name, sample, accepted by both?] */
const SAMPLES: Array<[string, unknown, boolean]> = [
  ['Channel', channel, true],
  ['Channel', { id: 'ch', name: 'x' }, false],
  ['Contact', contact, true],
  ['Contact', { id: 'ct', name: '', phoneNumber: null }, true],
  ['Contact', { id: 'ct', name: '' }, true],
  ['Contact', { id: 'ct', phoneNumber: '+1' }, false],
  ['Assignee', null, true],
  ['Assignee', { id: 'u' }, false],
  ['Conversation', conversation, true],
  ['Conversation', { ...conversation, assignee: null, lastMessage: null, lastInboundDate: null }, true],
  ['Conversation', { ...conversation, unreadCount: -1 }, false],
  ['Conversation', { ...conversation, unreadCount: 1.5 }, false],
  ['Conversation', { ...conversation, archived: 'no' }, false],
  ['Conversation', { ...conversation, updatedDate: 'yesterday' }, false],
  ['Conversation', { ...conversation, createdDate: null }, false],
  ['Conversation', { ...conversation, lastMessage: { ...conversation.lastMessage, direction: 'sideways' } }, false],
  ['Conversation', Object.fromEntries(Object.entries(conversation).filter(([k]) => k !== 'lastInboundDate')), false],
  ['Conversation', { ...conversation, somethingNew: 1 }, true],
  ['Message', message, true],
  ['Message', { ...message, error: null, authorId: null }, true],
  [
    'Message',
    { id: 1, chatId: 'c', direction: 'inbound', date, content: { type: 'image', text: '' }, status: 'received' },
    true,
  ],
  ['Message', { ...message, status: 'lost' }, false],
  ['Message', { ...message, id: '41' }, false],
  ['Message', { ...message, content: { type: 'text' } }, false],
  ['User', user, true],
  ['User', { id: 'u', displayName: 'x', avatarUrl: null }, true],
  ['User', { id: 'u' }, false],
  ['Error', { error: { code: 'not_found', message: 'No such conversation' } }, true],
  ['Error', { error: { code: 'x' } }, false],
  ['Error', { message: 'x' }, false],
  ['listConversations 200', { data: [conversation] }, true],
  ['listConversations 200', { data: [{ id: 'x' }] }, false],
  ['getMessages 200', { data: [message], hasMore: false }, true],
  ['getMessages 200', { data: [message] }, false],
  ['sendReply 202', { messageId: 7, status: 'queued' }, true],
  ['sendReply 202', { messageId: 7, status: 'sent' }, false],
  ['listAssignableUsers 200', { data: [user] }, true],
  ['sendReply body', { chatId: 'c', content: { type: 'text', text: 'hi' } }, true],
  ['sendReply body', { chatId: '', content: { type: 'text', text: 'hi' } }, false],
  ['sendReply body', { chatId: 'c', content: { type: 'text', text: '' } }, false],
  ['sendReply body', { chatId: 'c', content: { type: 'text', text: 'x'.repeat(4097) } }, false],
  ['sendReply body', { chatId: 'c', content: { type: 'text', text: 'hi' }, extra: 1 }, false],
  ['sendReply body', { chatId: 'c', content: { type: 'html', text: 'hi' } }, false],
  ['assignConversation body', { userId: 'usr_1' }, true],
  ['assignConversation body', { userId: '' }, false],
  ['assignConversation body', {}, false],
]

/**
 * Where zod is deliberately more lenient than the yaml: a client must not
 * break on an unknown channel type ("Unknown future types must not break a
 * client"), nor refuse a whole list over one odd avatar URL.
 */
const LENIENCIES: Array<[string, unknown]> = [
  ['Channel', { ...channel, type: 'viber' }],
  ['User', { ...user, avatarUrl: 'not a uri' }],
]

function pair(name: string): [string, z.ZodType, string] {
  const found = PAIRS.find(([n]) => n === name)
  if (!found) throw new Error(`no pair ${name}`)
  return found
}

describe('samples are accepted or rejected by both alike', () => {
  it.each(SAMPLES)('%s: %j → accepted %s', (name, sample, accepted) => {
    const [, zodSchema, pointer] = pair(name)
    expect(zodSchema.safeParse(sample).success, 'zod').toBe(accepted)
    expect(contract().errorsAt(pointer, sample).length === 0, 'yaml').toBe(accepted)
  })

  it.each(LENIENCIES)('%s: %j → zod accepts, the yaml does not (deliberate)', (name, sample) => {
    const [, zodSchema, pointer] = pair(name)
    expect(zodSchema.safeParse(sample).success).toBe(true)
    expect(contract().errorsAt(pointer, sample)).not.toEqual([])
  })
})
