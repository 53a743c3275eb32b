import { afterEach, describe, expect, it } from 'vitest'
import { createInboxClient } from '../api/client'
import { tempStore } from '../sync/testing/sandbox-harness'
import { createOutbox, OUTBOX_KEY, OUTBOX_REJECTED_KEY, type OutboxStoreData, type StoredOutboxEntry } from './outbox'

const disposers: Array<() => void> = []
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose()
})

const good: StoredOutboxEntry = {
  clientId: 'client-good',
  chatId: 'chat_1',
  text: 'Hello',
  state: 'failed',
  createdAt: '2026-11-25T10:00:00.000Z',
  attempts: 1,
  messageId: null,
  error: { kind: 'not_found', message: 'gone' },
  baselineMessageId: 10,
  needsReconcile: false,
  nextAttemptAt: null,
  heldForAuth: false,
}

describe('outbox file', () => {
  it('keeps entries it cannot read aside instead of dropping them, and lists the rest', () => {
    const { store, dispose } = tempStore<OutboxStoreData>()
    disposers.push(dispose)
    const broken = { clientId: 'client-broken', text: 42 }
    store.set(OUTBOX_KEY, [good, broken])
    const outbox = createOutbox({
      // Never called: listing a stored failed entry needs no request.
      api: createInboxClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', fetch: globalThis.fetch }),
      store,
      emit: () => undefined,
    })
    expect(outbox.list().map((e) => e.clientId)).toEqual(['client-good'])
    expect(store.get(OUTBOX_REJECTED_KEY)).toEqual([broken])
    outbox.stop()
  })
})
