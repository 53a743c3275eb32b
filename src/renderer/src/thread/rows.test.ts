import { describe, expect, it } from 'vitest'
import type { Message } from '../../../shared/api/schemas'
import type { OutboxEntry } from '../../../shared/ipc/contract'
import { buildThreadRows, explainFailure, pendingEntries, splitLinks } from './rows'
import { mergeMessages } from '../bridge/queries'
import { i18n } from '../i18n/i18n'

const message = (id: number, date: string): Message => ({
  id,
  chatId: 'c1',
  direction: 'inbound',
  date,
  content: { type: 'text', text: `m${id}` },
  status: 'received',
})
const entry = (clientId: string, messageId: number | null): OutboxEntry => ({
  clientId,
  chatId: 'c1',
  text: 'hi',
  state: messageId ? 'accepted' : 'pending',
  createdAt: '2026-11-25T12:00:00.000Z',
  attempts: 0,
  messageId,
  baselineMessageId: null,
  error: null,
  notSaved: null,
})

describe('thread rows', () => {
  it('puts a separator before each day', () => {
    const rows = buildThreadRows(
      [
        message(1, '2026-11-23T12:00:00.000Z'),
        message(2, '2026-11-23T13:00:00.000Z'),
        message(3, '2026-11-25T12:00:00.000Z'),
      ],
      [],
    )
    expect(rows.map((r) => r.kind)).toEqual(['day', 'message', 'message', 'day', 'message'])
  })
  it('keeps outbox entries until their message is in the thread', () => {
    const messages = [message(5, '2026-11-25T12:00:00.000Z')]
    const pending = pendingEntries(
      [entry('a', 5), entry('b', null), { ...entry('c', null), chatId: 'other' }],
      'c1',
      messages,
    )
    expect(pending.map((e) => e.clientId)).toEqual(['b'])
  })
  it('hides an attempted reply whose message sync already brought in, before the outbox claims it', () => {
    const sent: Message = {
      ...message(7, '2026-11-25T12:00:01.000Z'),
      direction: 'outbound',
      status: 'sent',
      content: { type: 'text', text: 'hi' },
    }
    const dropped = { ...entry('d', null), attempts: 1, baselineMessageId: 6 }
    expect(pendingEntries([dropped], 'c1', [sent])).toEqual([])
    // Never attempted, refused, another text, an older message, or one another entry owns: still shown.
    expect(pendingEntries([entry('n', null)], 'c1', [sent]).map((e) => e.clientId)).toEqual(['n'])
    expect(pendingEntries([{ ...dropped, state: 'failed' }], 'c1', [sent])).toHaveLength(1)
    expect(pendingEntries([{ ...dropped, text: 'other' }], 'c1', [sent])).toHaveLength(1)
    expect(pendingEntries([dropped], 'c1', [{ ...sent, id: 6 }])).toHaveLength(1)
    expect(pendingEntries([dropped, { ...entry('owner', 7), chatId: 'c1' }], 'c1', [sent])).toHaveLength(1)
  })
  it('merges pages by id without duplicates', () => {
    const merged = mergeMessages(
      [message(2, '2026-11-25T12:00:00.000Z')],
      [message(1, '2026-11-25T11:00:00.000Z'), { ...message(2, '2026-11-25T12:00:00.000Z'), status: 'read' }],
    )
    expect(merged.map((m) => [m.id, m.status])).toEqual([
      [1, 'received'],
      [2, 'read'],
    ])
  })
})

describe('splitLinks', () => {
  it('finds http(s) links and leaves trailing punctuation out', () => {
    expect(splitLinks('See https://example.com/a?b=1. Thanks')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', url: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. Thanks' },
    ])
  })
  it('leaves other schemes and HTML as text', () => {
    expect(splitLinks('<a href="javascript:alert(1)">x</a>')).toEqual([
      { kind: 'text', text: '<a href="javascript:alert(1)">x</a>' },
    ])
  })
})

describe('explainFailure', () => {
  it('explains the closed reply window', () => {
    const en = i18n.getFixedT('en')
    expect(explainFailure(en, { code: 'reply_window_closed' })).toContain('24 hours')
    expect(explainFailure(en, { message: 'Number blocked' })).toBe('Not delivered: Number blocked')
    expect(explainFailure(en, {})).toBe('Not delivered.')
  })
  it('says it in the UI language, keeping the provider’s reason', () => {
    const pt = explainFailure(i18n.getFixedT('pt-BR'), { message: 'Number blocked' })
    expect(pt).toContain('Number blocked')
    expect(pt).not.toContain('Not delivered')
  })
})
