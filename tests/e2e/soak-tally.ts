/**
 * The soak's tally (./soak-driver.ts): every typed reply read back from the sandbox and counted (on the server
 * exactly once, lost, duplicated, refused and shown, out of order), and the reply POSTs a fault rule fired on,
 * from the sandbox's request log.
 */
import { SANDBOX_ACCOUNTS, type RequestLogEntry, type RunningSandbox } from '../../src/sandbox'
import type { OutboxEntry } from '../../src/shared/ipc/contract'

export const REPLY_PATH = '/conversations/reply'
export const API_KEY = SANDBOX_ACCOUNTS.acme.apiKey
/** A commit held this long straddles a restart (quit + start take a few seconds). */
export const STRADDLE_HOLD_MS = 8_000

/** Every message of a conversation, straight from the sandbox. */
async function serverThread(sandbox: RunningSandbox, chatId: string) {
  const messages: Array<{ id: number; direction: string; content: { text?: string } }> = []
  for (let idFrom = 1; ;) {
    const response = await fetch(`${sandbox.url}/conversations/${chatId}/messages?idFrom=${idFrom}`, {
      headers: { 'x-api-key': API_KEY },
    })
    if (!response.ok) throw new Error(`soak: reading ${chatId} answered ${response.status}`)
    const page = (await response.json()) as { data: typeof messages; hasMore: boolean }
    messages.push(...page.data)
    if (!page.hasMore || page.data.length === 0) return messages
    idFrom = page.data.at(-1)!.id + 1
  }
}

/** Each typed reply as the server has it, and whether each conversation's replies are there in the order typed. */
export async function countReplies(
  sandbox: RunningSandbox,
  typed: Array<{ chatId: string; text: string }>,
  final: OutboxEntry[],
) {
  const shown = new Set(final.filter((e) => e.state === 'failed' || e.state === 'unconfirmed').map((e) => e.text))
  const threads = new Map<string, Awaited<ReturnType<typeof serverThread>>>()
  for (const chatId of new Set(typed.map((t) => t.chatId))) threads.set(chatId, await serverThread(sandbox, chatId))
  let exactlyOnce = 0
  let lost = 0
  let duplicated = 0
  let refusedShown = 0
  let outOfOrder = 0
  const lastIdByChat = new Map<string, number>()
  for (const reply of typed) {
    const copies = threads.get(reply.chatId)!.filter((m) => m.direction === 'outbound' && m.content.text === reply.text)
    if (copies.length === 1) exactlyOnce += 1
    else if (copies.length > 1) duplicated += 1
    else if (shown.has(reply.text)) refusedShown += 1
    else lost += 1
    const first = copies[0]?.id
    if (first === undefined) continue
    if (first < (lastIdByChat.get(reply.chatId) ?? 0)) outOfOrder += 1
    lastIdByChat.set(reply.chatId, first)
  }
  return { typed: typed.length, exactlyOnce, lost, duplicated, refusedShown, outOfOrder }
}

/** Reply POSTs and the faults that fired on them, each counted from its request log entry (`fault`, src/sandbox). */
export function faultCounts(requests: readonly RequestLogEntry[], clientTimeoutMs: number) {
  const posts = requests.filter((r) => r.method === 'POST' && r.path === REPLY_PATH)
  const held = (r: RequestLogEntry) =>
    r.fault !== undefined && r.fault.mode === undefined && r.fault.status === undefined
  return {
    replyPosts: posts.length,
    faulted: posts.filter((r) => r.fault !== undefined).length,
    answered502: posts.filter((r) => r.fault?.status === 502).length,
    droppedAfterCommit: posts.filter((r) => r.fault?.mode === 'drop-after-commit').length,
    heldPastTimeout: posts.filter((r) => held(r) && r.fault!.delayMs! > clientTimeoutMs).length,
    heldAcrossRestart: posts.filter((r) => held(r) && r.fault!.delayMs === STRADDLE_HOLD_MS).length,
  }
}
