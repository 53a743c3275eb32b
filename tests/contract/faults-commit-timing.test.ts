/**
 * Where a fault puts the commit relative to the answer, as the outbox's soak needs it: a slow commit that a
 * client which gave up still gets (`delayMs` alone), and a commit whose answer comes late (`commit-then-delay`).
 * The client here aborts like the app's does on its request timeout.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ACME_KEY, startHarness, type SandboxHarness } from './harness'

let sandbox: SandboxHarness

beforeAll(async () => {
  sandbox = await startHarness({ deliveryMs: 10 * 60_000 })
})
beforeEach(() => sandbox.reset('demo'))
afterAll(() => sandbox.close())

/** POSTs a reply and gives up after `abortAfterMs`, as the app's client does on its timeout. */
async function replyAndGiveUp(chatId: string, text: string, abortAfterMs: number): Promise<'answered' | 'aborted'> {
  const response = fetch(`${sandbox.url}/conversations/reply`, {
    method: 'POST',
    headers: { 'x-api-key': ACME_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ chatId, content: { type: 'text', text } }),
    signal: AbortSignal.timeout(abortAfterMs),
  })
  return response.then(
    () => 'answered',
    () => 'aborted',
  )
}

const textsAfter = async (chatId: string, lastId: number) =>
  (await sandbox.messages(chatId, `idFrom=${lastId + 1}`)).data.map((m) => m.content.text)

/** Polls until the thread has these texts after `lastId` (the sandbox commits on its own time). */
async function waitForTexts(chatId: string, lastId: number, expected: string[]): Promise<void> {
  await expect.poll(() => textsAfter(chatId, lastId), { timeout: 5_000, interval: 50 }).toEqual(expected)
}

describe('commit timing faults', () => {
  it('commit-then-delay: the reply is committed at once, the answer comes delayMs later', async () => {
    const chat = (await sandbox.conversations())[0]!
    await sandbox.control('POST', '/faults', {
      rules: [{ method: 'POST', path: '/conversations/reply', mode: 'commit-then-delay', delayMs: 1_500, times: 1 }],
    })
    const outcome = replyAndGiveUp(chat.id, 'Committed, answered late', 300)
    // On the server while the client still waits for the answer.
    await waitForTexts(chat.id, chat.lastMessage!.id, ['Committed, answered late'])
    expect(await outcome).toBe('aborted')
    // The request log has it once its (late) answer was written.
    const replyStatuses = async () =>
      (await sandbox.requestLog()).filter((entry) => entry.path === '/conversations/reply').map((e) => e.status)
    await expect.poll(replyStatuses, { timeout: 5_000, interval: 100 }).toEqual([202])
  })

  it('commit-then-delay answers normally when the client waits long enough', async () => {
    const chat = (await sandbox.conversations())[0]!
    await sandbox.control('POST', '/faults', {
      rules: [{ method: 'POST', path: '/conversations/reply', mode: 'commit-then-delay', delayMs: 100, times: 1 }],
    })
    expect(await replyAndGiveUp(chat.id, 'Answered after 100 ms', 5_000)).toBe('answered')
    expect(await textsAfter(chat.id, chat.lastMessage!.id)).toEqual(['Answered after 100 ms'])
  })

  it('delayMs alone holds the commit: a client that gave up meanwhile still gets its reply made, later', async () => {
    const chat = (await sandbox.conversations())[0]!
    await sandbox.control('POST', '/faults', {
      rules: [{ method: 'POST', path: '/conversations/reply', delayMs: 800, times: 1 }],
    })
    expect(await replyAndGiveUp(chat.id, 'Held, then committed', 200)).toBe('aborted')
    // Not yet: the sandbox is still holding the request.
    expect(await textsAfter(chat.id, chat.lastMessage!.id)).toEqual([])
    await waitForTexts(chat.id, chat.lastMessage!.id, ['Held, then committed'])
  })

  it('drop-before-commit: the socket is destroyed unanswered and nothing is made', async () => {
    const chat = (await sandbox.conversations())[0]!
    await sandbox.control('POST', '/faults', {
      rules: [{ method: 'POST', path: '/conversations/reply', mode: 'drop-before-commit', times: 1 }],
    })
    expect(await replyAndGiveUp(chat.id, 'Never made', 5_000)).toBe('aborted')
    expect(await textsAfter(chat.id, chat.lastMessage!.id)).toEqual([])
    const log = await sandbox.requestLog()
    expect(log.find((entry) => entry.path === '/conversations/reply')).toMatchObject({ dropped: true })
    expect((await sandbox.call('listConversations')).status).toBe(200)
  })

  it.each([
    [{ path: '/conversations/reply', mode: 'commit-then-delay' }, /needs delayMs/],
    [{ path: '/conversations/reply', mode: 'commit-then-delay', delayMs: 10, status: 502 }, /takes no status/],
  ])('refuses %j', async (rule, message) => {
    const response = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [rule] }),
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(message)
  })
})
