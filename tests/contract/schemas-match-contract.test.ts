/**
 * The zod schemas in src/shared/api/schemas.ts (what the client validates
 * responses with and the sandbox validates requests with) agree with
 * docs/inbox-api.yaml: same property names, same required fields, same JSON
 * types (null included), recursively; and sample objects are accepted or
 * rejected by both alike, except for the deliberate leniencies listed here.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DATE_TIME_PATTERN } from '../../src/shared/api/date-time'
import {
  API_LIMITS,
  assignBodySchema,
  CHANNEL_IDS_MAX_LENGTH,
  CHANNEL_IDS_PATTERN,
  assigneeSchema,
  channelSchema,
  contactSchema,
  conversationSchema,
  errorBodySchema,
  listConversationsResponseSchema,
  listUsersResponseSchema,
  messageSchema,
  messagesPageSchema,
  ORDER_BY_PATTERN,
  REPLY_MAX_LENGTH,
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
  ['Conversation', { ...conversation, updatedDate: '2026-11-24t09:15:02.123z' }, true],
  ['Conversation', { ...conversation, updatedDate: '2016-12-31T23:59:60Z' }, true],
  ['Conversation', { ...conversation, updatedDate: '2017-01-01T00:59:60.5+01:00' }, true],
  ['Conversation', { ...conversation, updatedDate: '2016-12-31T22:59:60Z' }, false],
  ['Conversation', { ...conversation, updatedDate: '2026-11-24 09:15:02Z' }, false],
  ['Conversation', { ...conversation, updatedDate: '2026-11-24T09:15:02+0100' }, false],
  ['Conversation', { ...conversation, updatedDate: '2026-02-29T09:15:02Z' }, false],
  ['Conversation', { ...conversation, contact: { ...contact, name: 'x'.repeat(1001) } }, false],
  ['Conversation', { ...conversation, id: '' }, false],
  ['Conversation', { ...conversation, lastMessage: { ...conversation.lastMessage, id: 2 ** 53 - 1 } }, true],
  ['Conversation', { ...conversation, lastMessage: { ...conversation.lastMessage, id: 2 ** 53 } }, false],
  ['Conversation', Object.fromEntries(Object.entries(conversation).filter(([k]) => k !== 'lastInboundDate')), false],
  ['Conversation', { ...conversation, somethingNew: 1 }, true],
  ['Message', message, true],
  ['Message', { ...message, error: null, authorId: null }, true],
  [
    'Message',
    { id: 1, chatId: 'c', direction: 'inbound', date, content: { type: 'image', text: '' }, status: 'received' },
    true,
  ],
  ['Message', { ...message, id: 0 }, false],
  ['Message', { ...message, content: { type: 'text', text: 'x'.repeat(65_537) } }, false],
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
  ['sendReply body', { chatId: 'c', content: { type: 'text', text: '👍'.repeat(4096) } }, true],
  ['sendReply body', { chatId: 'c', content: { type: 'text', text: '👍'.repeat(4097) } }, false],
  [
    'getMessages 200',
    { data: Array.from({ length: 101 }, (_, i) => ({ ...message, id: i + 1 })), hasMore: true },
    false,
  ],
  ['sendReply body', { chatId: 'c', content: { type: 'text', text: 'hi' }, extra: 1 }, false],
  ['sendReply body', { chatId: 'c', content: { type: 'html', text: 'hi' } }, false],
  ['assignConversation body', { userId: 'usr_1' }, true],
  ['assignConversation body', { userId: '' }, false],
  ['assignConversation body', {}, false],
]

/**
 * Where zod is deliberately more lenient than the yaml: a client must not
 * break on an unknown channel type, message status or direction ("Unknown
 * future values must not break a client": the item is kept, shown as
 * unknown), nor refuse a whole list over one odd avatar URL.
 */
const LENIENCIES: Array<[string, unknown]> = [
  ['Channel', { ...channel, type: 'viber' }],
  ['User', { ...user, avatarUrl: 'not a uri' }],
  ['Message', { ...message, status: 'lost' }],
  ['Message', { ...message, direction: 'sideways' }],
  ['Conversation', { ...conversation, lastMessage: { ...conversation.lastMessage, direction: 'sideways' } }],
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

describe('unknown values are kept item by item', () => {
  it('an unknown status or direction reads as unknown, the rest of the page intact', () => {
    const page = messagesPageSchema.parse({
      data: [message, { ...message, id: 42, status: 'lost' }, { ...message, id: 43, direction: 'sideways' }],
      hasMore: false,
    })
    expect(page.data.map((m) => [m.id, m.direction, m.status])).toEqual([
      [41, 'outbound', 'failed'],
      [42, 'outbound', 'unknown'],
      [43, 'unknown', 'failed'],
    ])
  })

  it('an unknown channel or content type is kept as sent', () => {
    expect(channelSchema.parse({ ...channel, type: 'viber' }).type).toBe('viber')
    expect(messageSchema.parse({ ...message, content: { type: 'sticker', text: '' } }).content.type).toBe('sticker')
  })

  it('every accepted date comes out canonical (UTC, milliseconds)', () => {
    const parsed = conversationSchema.parse({
      ...conversation,
      createdDate: '2026-11-24t10:15:02.5+01:00',
      updatedDate: '2016-12-31T23:59:60Z',
      lastMessageDate: '2026-11-24t09:15:02.123456z',
    })
    expect([parsed.createdDate, parsed.updatedDate, parsed.lastMessageDate]).toEqual([
      '2026-11-24T09:15:02.500Z',
      '2016-12-31T23:59:59.999Z',
      '2026-11-24T09:15:02.123Z',
    ])
  })
})

describe('the patterns and bounds the sandbox checks are those of the yaml', () => {
  const parameter = (path: string, name: string): Json => {
    const operation = contract().resolve(`#/paths/${path.replace(/\//g, '~1')}/get`) as Json
    const found = (operation.parameters as Json[]).map(deref).find((p) => p.name === name)
    if (!found) throw new Error(`no parameter ${name} on ${path}`)
    return deref(found.schema)
  }

  it('orderBy and channelIds', () => {
    expect(parameter('/conversations', 'orderBy').pattern).toBe(ORDER_BY_PATTERN)
    expect(parameter('/conversations', 'channelIds').pattern).toBe(CHANNEL_IDS_PATTERN)
    expect(parameter('/conversations', 'channelIds').maxLength).toBe(CHANNEL_IDS_MAX_LENGTH)
  })

  it('dates, message ids and the reply limit', () => {
    expect(parameter('/conversations', 'dateFrom').pattern).toBe(DATE_TIME_PATTERN)
    for (const name of ['idFrom', 'idTo']) {
      expect(parameter('/conversations/{chatId}/messages', name)).toMatchObject({
        minimum: 1,
        maximum: API_LIMITS.messageId,
      })
    }
    const body = deref(contract().resolve(requestPointer('/conversations/reply', 'post')))
    expect(((body.properties as Json).content as Json).properties).toMatchObject({
      text: { maxLength: REPLY_MAX_LENGTH },
    })
  })
})
