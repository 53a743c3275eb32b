/**
 * Test support for the outbox specs: an outbox on the real sandbox with the
 * real client and a real `conf` file, short windows, and the thread and the
 * request log as witnesses. Not shipped: only *.test.ts import it.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { OutboxEntry } from '../../../shared/ipc/contract'
import type { InboxApi } from '../../ports/inbox-api'
import {
  eventRecorder,
  findConversation,
  reopenStore,
  startSandboxHarness,
  tempStore,
  type SandboxHarness,
} from '../../testing/sandbox-harness'
import { createOutbox, type AcceptedReply, type Outbox, type OutboxOptions, type OutboxStoreData } from '../outbox'

/** The client gives up after this; the window is the timeout plus a slow-commit margin, as in the app. */
export const TEST_TIMEOUT_MS = 600
export const TEST_WINDOW_MS = 2_000
export const REPLY_PATH = '/conversations/reply'

export interface OutboxSpecContext {
  harness: SandboxHarness
  /** An outbox on a fresh store, or on `dir`'s (a restart). */
  setup(options?: SetupOptions): {
    outbox: Outbox
    recorder: ReturnType<typeof eventRecorder>
    accepted: AcceptedReply[]
    dir: string
  }
  /** A non-WhatsApp, unarchived conversation (its 24-hour window is not what these specs are about). */
  replyTarget(index?: number): Promise<{ id: string; lastMessageId: number }>
  /** Outbound messages with this text, straight from the sandbox. */
  onServer(chatId: string, text: string): Promise<Array<{ id: number }>>
  replyPosts(): Promise<Array<{ status: number; at: string; dropped?: boolean }>>
  entryOf(outbox: Outbox, clientId: string): OutboxEntry | undefined
}

interface SetupOptions extends Partial<OutboxOptions> {
  dir?: string
}

/** Registers the sandbox lifecycle hooks of a spec file and returns its helpers. */
export function outboxSpec(): OutboxSpecContext {
  const context = {} as OutboxSpecContext
  const outboxes: Outbox[] = []
  const disposers: Array<() => void> = []
  beforeAll(async () => {
    context.harness = await startSandboxHarness()
  })
  afterAll(() => context.harness.close())
  beforeEach(() => context.harness.reset('demo'))
  afterEach(() => {
    for (const outbox of outboxes.splice(0)) outbox.stop()
    for (const dispose of disposers.splice(0)) dispose()
  })

  context.setup = ({ dir, ...options } = {}) => {
    const temp = dir ? null : tempStore<OutboxStoreData>()
    if (temp) disposers.push(temp.dispose)
    const storeDir = dir ?? temp!.dir
    const recorder = eventRecorder()
    const accepted: AcceptedReply[] = []
    const api: InboxApi = context.harness.client({ timeoutMs: TEST_TIMEOUT_MS })
    const outbox = createOutbox({
      api,
      store: temp ? temp.store : reopenStore<OutboxStoreData>(storeDir),
      emit: recorder.emit,
      onAccepted: (reply) => accepted.push(reply),
      backoff: { baseMs: 50, capMs: 200, minMs: 20 },
      timing: { windowMs: TEST_WINDOW_MS, minCheckGapMs: 150, unconfirmedCheckEveryMs: 60_000 },
      ...options,
    })
    outboxes.push(outbox)
    return { outbox, recorder, accepted, dir: storeDir }
  }
  context.replyTarget = async (index = 0) => {
    const api = context.harness.client()
    const candidates = (await api.listConversations({ archived: 'any' })).filter(
      (c) => !c.archived && c.channel.type !== 'whatsapp',
    )
    const target = candidates[index] ?? (await findConversation(api, () => false))
    return { id: target.id, lastMessageId: target.lastMessage?.id ?? 0 }
  }
  context.onServer = async (chatId, text) => {
    const page = await context.harness.client().getMessages(chatId, { idFrom: 1 })
    const messages = [...page.data]
    for (let more = page.hasMore; more;) {
      const next = await context.harness.client().getMessages(chatId, { idFrom: messages.at(-1)!.id + 1 })
      messages.push(...next.data)
      more = next.hasMore && next.data.length > 0
    }
    return messages.filter((m) => m.direction === 'outbound' && m.content.text === text)
  }
  context.replyPosts = async () =>
    (await context.harness.requestLog()).filter((r) => r.method === 'POST' && r.path === REPLY_PATH)
  context.entryOf = (outbox, clientId) => outbox.list().find((e) => e.clientId === clientId)
  return context
}
