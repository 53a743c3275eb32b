/** Builders of API conversations and messages for the store's tests and bench. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Conversation, Message } from '../../../shared/api/schemas'

const BASE_MS = Date.parse('2026-11-01T08:00:00.000Z')
export const iso = (minutes: number): string => new Date(BASE_MS + minutes * 60_000).toISOString()

export function conversation(id: string, changes: Partial<Conversation> = {}): Conversation {
  return {
    id,
    channel: { id: 'ch_wa', type: 'whatsapp', name: 'WhatsApp' },
    contact: { id: `ct_${id}`, name: `Contact ${id}`, phoneNumber: '+1 555-0100' },
    unreadCount: 0,
    archived: false,
    assignee: null,
    createdDate: iso(0),
    updatedDate: iso(10),
    lastMessageDate: iso(10),
    lastInboundDate: iso(10),
    lastMessage: { id: 1, direction: 'inbound', preview: 'Hello', date: iso(10) },
    ...changes,
  }
}

export function message(chatId: string, id: number, text: string, changes: Partial<Message> = {}): Message {
  return {
    id,
    chatId,
    direction: 'inbound',
    date: iso(id),
    content: { type: 'text', text },
    status: 'received',
    ...changes,
  }
}

/** An outbox entry as the outbox (version 2) saves it; the store keeps it as it is. */
export function outboxRecord(clientId: string, changes: Record<string, unknown> = {}) {
  return {
    version: 2,
    clientId,
    chatId: 'c1',
    text: `reply ${clientId}`,
    state: 'pending',
    createdAt: iso(1),
    attempts: [] as Array<{ startedAt: number; outcome: string }>,
    messageId: null,
    duplicateMessageIds: [],
    error: null,
    baselineMessageId: null,
    nextAttemptAt: null,
    nextCheckAt: null,
    watchUntil: null,
    resendApproved: false,
    heldForAuth: false,
    ...changes,
  }
}

/** A fresh temporary folder and a function that removes it. */
export function tempFolder(prefix = 'inbox-store-'): { folder: string; cleanup: () => void } {
  const folder = mkdtempSync(join(tmpdir(), prefix))
  return { folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) }
}

/** A deterministic pseudo-random generator, so generated cases repeat (the sandbox's seed generator). */
export { seededRandom } from '../../../sandbox/seed/random'
