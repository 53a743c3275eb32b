/**
 * Property-based: for every operation of docs/inbox-api.yaml, fast-check
 * generates requests, some the contract allows and some it does not, and the
 * sandbox's answer must be one the contract documents for that operation
 * (./openapi.ts checks status, body and headers) and must agree with the
 * yaml's own verdict on the request (./request-oracle.ts):
 *
 * - a request the yaml allows never gets 400 (or 413, or a 5xx); it gets a
 *   2xx, or a 404 when it names a conversation or user that does not exist;
 * - a request the yaml refuses gets 400 (413 for a body over 1 MiB), or a
 *   404 when its conversation does not exist either.
 *
 * Hand-picked requests found none of the gaps this finds (a pattern the yaml
 * did not state, a bound it did not give, a date form only one side read).
 * The seed is fixed so that a failure is the same on every machine; fast-check
 * prints the counterexample and the path to replay it.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from './openapi'
import { startHarness, type SandboxHarness } from './harness'
import { judge, type FuzzRequest } from './request-oracle'

const SEED = 20261202
const RUNS = 120

let sandbox: SandboxHarness
let chatIds: string[]
let userIds: string[]

beforeAll(async () => {
  sandbox = await startHarness({ seed: 'demo', deliveryMs: 60_000, trafficPerMinute: 0 })
  const conversations = await sandbox.conversations('archived=any')
  chatIds = conversations.map((c) => c.id)
  userIds = (await sandbox.users()).map((u) => u.id)
})

afterAll(() => sandbox.close())

// ---- values, valid and not --------------------------------------------------

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

const stray = fc.constantFrom<[string, string]>(['page', '2'], ['idfrom', '1'], ['limit', '10'])

/** `arbitrary` about one time in `every`, null otherwise. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, every = 8): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary })

/** Mostly values the contract allows, sometimes near misses, now and then anything. */
const mostly = (valid: fc.Arbitrary<string>, invalid: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 12, arbitrary: valid },
    { weight: 2, arbitrary: invalid },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  )

/** Date-times in every form RFC 3339 allows, and near misses. */
const dateTime = mostly(
  fc.oneof(
    fc
      .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .chain((d) =>
        fc.constantFrom(
          d.toISOString(),
          d.toISOString().toLowerCase(),
          d.toISOString().replace(/\.\d+/, ''),
          d.toISOString().replace('Z', '+00:00'),
          d.toISOString().replace(/Z$/, '456789z'),
          `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}-05:30`,
        ),
      ),
    fc.constantFrom(
      '2016-12-31T23:59:60Z',
      '2016-12-31t23:59:60.5z',
      '2017-01-01T00:59:60+01:00',
      '2024-02-29T00:00:00Z',
    ),
  ),
  fc.oneof(
    fc
      .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .chain((d) =>
        fc.constantFrom(
          d.toISOString().replace('T', ' '),
          d.toISOString().replace('Z', ''),
          d.toISOString().replace('Z', '+0100'),
        ),
      ),
    fc.constantFrom(
      '2016-12-31T22:59:60Z',
      '2026-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-24T24:00:00Z',
      '2026-11-24T09:15:02+24:00',
      'yesterday',
      '',
    ),
  ),
)

const orderByField = fc.constantFrom('lastMessageDate', 'updatedDate', 'createdDate', 'unreadCount')
const orderBy = mostly(
  fc.tuple(fc.constantFrom('', '-', '+', ' '), orderByField).map(([prefix, field]) => `${prefix}${field}`),
  fc
    .tuple(fc.constantFrom('', '-', '--', '*', '+ '), fc.constantFrom('name', 'LASTMESSAGEDATE', '', 'unreadCount '))
    .map(([prefix, field]) => `${prefix}${field}`),
)

const channelId = fc.oneof(
  fc.constantFrom('ch_acme_wa', 'ch_acme_sms', 'ch_acme_rcs', 'ch_globex_wa'),
  fc.stringMatching(/^[a-z_]{1,12}$/),
)
const channelIdList = mostly(
  fc
    .array(fc.tuple(channelId, fc.constantFrom('', ' ', '\t')), { minLength: 1, maxLength: 5 })
    .map((ids) => ids.map(([id, space]) => `${space}${id}${space}`).join(',')),
  fc.oneof(
    fc.array(fc.constantFrom('', ' ', '\t', 'ch_acme_wa'), { minLength: 2, maxLength: 4 }).map((ids) => ids.join(',')),
    fc.constantFrom(',', 'ch_acme_wa,', 'c'.repeat(4097), `${'c,'.repeat(2048)}c`, `${'c,'.repeat(2047)}c`),
  ),
)

const messageIdText = mostly(
  fc.oneof(
    fc.integer({ min: 1, max: 2_000_000 }).map(String),
    fc.bigInt({ min: 1n, max: 2n ** 53n - 1n }).map(String),
    fc.constant('9007199254740991'),
  ),
  fc.oneof(
    fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }).map(String),
    fc.constantFrom('9007199254740992', '0', '-1', '01', '1.5', '1e3', '+7', 'x', ''),
  ),
)

/** Query pairs: some of the operation's parameters, maybe a stray one, maybe one twice. */
function queryOf(arbitraries: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Array<[string, string]>> {
  const names = Object.keys(arbitraries)
  return fc
    .tuple(fc.record(arbitraries, { requiredKeys: [] }), rarely(stray), rarely(fc.constantFrom(...names), 10))
    .map(([values, extra, repeated]) => {
      const pairs = Object.entries(values).filter((pair): pair is [string, string] => pair[1] !== undefined)
      if (extra) pairs.push(extra)
      const again = repeated ? pairs.find(([name]) => name === repeated) : undefined
      if (again) pairs.push([again[0], again[1]])
      return pairs
    })
}

const chatId = () =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...chatIds) },
    { weight: 1, arbitrary: fc.constantFrom('chat_99999', 'nope', '..', '.', 'chat_00001 ', 'x'.repeat(300)) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  )

/** Reply texts around the 4,096-character limit in 1- and 2-unit characters, and ordinary ones. */
const aroundTheLimit = (char: string) => fc.integer({ min: 4090, max: 4100 }).map((count) => char.repeat(count))
const replyText = fc.oneof(
  { weight: 2, arbitrary: aroundTheLimit('👍') },
  { weight: 1, arbitrary: aroundTheLimit('x') },
  { weight: 1, arbitrary: aroundTheLimit('é') },
  { weight: 1, arbitrary: fc.constant('👍'.repeat(3000)) },
  { weight: 3, arbitrary: fc.string({ minLength: 0, maxLength: 40, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\n', 'Thanks!') },
)

const jsonBody = (value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 8, arbitrary: value.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constantFrom('{', '', 'null', '[]', '"text"', '{"chatId":') },
  )

const replyBody = () =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        chatId: fc.oneof(fc.constantFrom(...chatIds), fc.constantFrom('', 'chat_99999')),
        content: fc.record({ type: fc.constantFrom('text', 'text', 'html'), text: replyText }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record(
        {
          chatId: fc.oneof(fc.constantFrom(...chatIds), fc.integer()),
          content: fc.oneof(fc.record({ type: fc.constant('text') }), fc.constant(null), fc.string()),
          extra: fc.constant(1),
        },
        { requiredKeys: [] },
      ),
    },
  )

const assignBody = () =>
  fc.record(
    {
      userId: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...userIds) },
        { weight: 1, arbitrary: fc.constantFrom('', 'usr_nobody', 'usr_globex_li') },
        { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null)) },
      ),
      note: fc.string({ maxLength: 5 }),
    },
    { requiredKeys: [] },
  )

function requests(operationId: string): fc.Arbitrary<FuzzRequest> {
  switch (operationId) {
    case 'listConversations':
      return queryOf({
        dateFrom: dateTime,
        channelIds: channelIdList,
        unreadOnly: mostly(fc.constantFrom('true', 'false'), fc.constantFrom('yes', '1', '', 'TRUE')),
        archived: mostly(fc.constantFrom('false', 'true', 'any'), fc.constantFrom('all', '', 'True')),
        orderBy,
      }).map((query) => ({ operationId, query }))
    case 'getMessages':
      return fc
        .tuple(chatId(), queryOf({ idFrom: messageIdText, idTo: messageIdText }))
        .map(([id, query]) => ({ operationId, chatId: id, query }))
    case 'sendReply':
      return fc
        .tuple(jsonBody(replyBody()), rarely(stray))
        .map(([body, extra]) => ({ operationId, query: extra ? [extra] : [], body }))
    case 'assignConversation':
      return fc
        .tuple(chatId(), jsonBody(assignBody()))
        .map(([id, body]) => ({ operationId, chatId: id, query: [], body }))
    case 'listAssignableUsers':
      return rarely(stray, 4).map((extra) => ({ operationId, query: extra ? [extra] : [] }))
    default:
      // markRead, archiveConversation, unarchiveConversation, unassignConversation: a chatId and nothing else.
      return fc
        .tuple(chatId(), rarely(stray, 4))
        .map(([id, extra]) => ({ operationId, chatId: id, query: extra ? [extra] : [] }))
  }
}

// ---- the property -------------------------------------------------------------

async function send(request: FuzzRequest): Promise<{ status: number; errors: string[] }> {
  const operation = contract().operation(request.operationId)
  const path = operation.path.replace('{chatId}', encodeURIComponent(request.chatId ?? ''))
  const query = request.query.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')
  const response = await sandbox.fetchRaw(operation.method, path, { query, rawBody: request.body })
  const text = await response.text()
  let body: unknown = undefined
  if (text !== '') {
    try {
      body = JSON.parse(text)
    } catch {
      return { status: response.status, errors: [`the body is not JSON: ${text.slice(0, 100)}`] }
    }
  }
  return {
    status: response.status,
    errors: contract().responseErrors(request.operationId, response.status, body, response.headers),
  }
}

/** Whether the request names a conversation (path or body) that is not in the account. */
function namesMissingConversation(request: FuzzRequest): boolean {
  if (request.chatId !== undefined) return !chatIds.includes(request.chatId)
  if (request.body === undefined) return false
  try {
    const parsed = JSON.parse(request.body) as { chatId?: unknown }
    return typeof parsed?.chatId === 'string' && !chatIds.includes(parsed.chatId)
  } catch {
    return false
  }
}

function namesMissingUser(request: FuzzRequest): boolean {
  if (request.operationId !== 'assignConversation' || request.body === undefined) return false
  try {
    const parsed = JSON.parse(request.body) as { userId?: unknown }
    return typeof parsed?.userId === 'string' && !userIds.includes(parsed.userId)
  } catch {
    return false
  }
}

describe('the sandbox answers generated requests as docs/inbox-api.yaml says', () => {
  const operations = [...contract().operations.keys()]

  it('covers every operation of the contract', () => {
    expect(operations).toHaveLength(9)
  })

  it.each(operations)('%s', async (operationId) => {
    const counts = { valid: 0, invalid: 0 }
    await fc.assert(
      fc.asyncProperty(requests(operationId), async (request) => {
        const verdict = judge(contract(), request)
        const answer = await send(request)
        const shown = `${JSON.stringify(request).slice(0, 300)} → ${answer.status}`
        expect(answer.errors, `undocumented answer: ${shown}`).toEqual([])
        const missing = namesMissingConversation(request) || namesMissingUser(request)
        if (verdict.valid) {
          counts.valid++
          const expected = missing ? 404 : answer.status >= 200 && answer.status < 300 ? answer.status : 'a 2xx'
          expect(answer.status, `the yaml allows ${shown}`).toBe(expected)
        } else {
          counts.invalid++
          const allowed = missing ? [400, 404, 413] : [400, 413]
          expect(allowed, `the yaml refuses ${shown} (${verdict.reasons.join('; ')})`).toContain(answer.status)
        }
      }),
      { seed: SEED, numRuns: RUNS },
    )
    // Both kinds must really be generated, or the property proves half of what it says.
    expect(counts.valid).toBeGreaterThan(RUNS / 10)
    if (
      operationId !== 'listAssignableUsers' &&
      !['markRead', 'archiveConversation', 'unarchiveConversation', 'unassignConversation'].includes(operationId)
    ) {
      expect(counts.invalid).toBeGreaterThan(RUNS / 10)
    }
  })
})
