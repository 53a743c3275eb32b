/**
 * The local store at scale (issue 11): 100,000 conversations and 500,000
 * messages in a temporary database file, written through the store's own
 * batch queries, then read the way the app reads it.
 *
 * - Insert throughput: conversations in batches of 1,000, message pages of
 *   5 in transactions of 200 pages (as a sync or backfill batch would).
 * - Search p50/p95 over a mix of queries an agent types (common and rare
 *   words, two words, names, numbers, each prefix of a word as it is typed,
 *   with and without a view or channel filter), each through `store.search`
 *   (FTS5 match, grouping, snippets, conversations parsed). Goal p95 ≤ 50 ms.
 * - A window of the list (100 rows) at the top and deep down, per view and
 *   sort; the counts of every view; the unread total.
 * - Opening the filled file (a cold start's first step), and its size.
 */
import { statSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { Conversation, Message } from '../src/shared/api/schemas'
import { inboxViews } from '../src/shared/domain/views'
import { openAccountStore, type AccountStore } from '../src/main/store'
import { seededRandom, tempFolder } from '../src/main/store/testing/fixtures'
import { percentile } from './stats'
import type { BenchResult } from './types'

export const title = 'Local store: 100,000 conversations, 500,000 messages (SQLite, FTS5)'

/** `STORE_BENCH_CONVERSATIONS=20000 npm run bench -- store` for a quick look (the doc's figures are at 100,000). */
const CONVERSATIONS = Number(process.env.STORE_BENCH_CONVERSATIONS ?? 100_000)
const MESSAGES_PER_CONVERSATION = 5
const CONVERSATION_BATCH = 1_000
const PAGES_PER_TRANSACTION = 200
const SEARCH_P95_TARGET_MS = 50
const ACCOUNT = 'bench#store'
const BASE_MS = Date.parse('2025-01-01T00:00:00.000Z')

const supportWords = (
  'order refund parcel delivery invoice payment card account password address shipping tracking number ' +
  'cancel return exchange size colour broken missing late arrived today tomorrow thanks hello please help ' +
  'appointment booking change time weekend store open price discount voucher code warranty repair'
).split(' ')
const otherLanguages = 'café commande livraison rückerstattung paquete pedido entrega müller garçon señor niño'.split(
  ' ',
)
const firstNames = 'Ana Zoë José Mia Noah Liam Emma Lukas Chloé Mateo Sofia Jonas Léa Omar Aylin Yuki Priya Ivan'.split(
  ' ',
)
const lastNames = 'Müller Pérez García Smith Nguyen Rossi Dubois Novak Kowalski Silva Yilmaz Tanaka Singh Ivanov'.split(
  ' ',
)

/** Words with a Zipf-like spread: a few very common, a long tail of rare ones. */
function vocabulary(random: () => number): () => string {
  const syllables = 'ka lo mi ne ru sa te vo zi pa do fe gu hi ja'.split(' ')
  const tail = Array.from({ length: 20_000 }, (_, i) => {
    let word = ''
    let n = i + 1
    while (n > 0) {
      word += syllables[n % syllables.length]
      n = Math.floor(n / syllables.length)
    }
    return word
  })
  return () => {
    const roll = random()
    if (roll < 0.45) return supportWords[Math.floor(random() ** 2 * supportWords.length)]!
    if (roll < 0.5) return otherLanguages[Math.floor(random() * otherLanguages.length)]!
    return tail[Math.floor(random() ** 3 * tail.length)]!
  }
}

function seedData(random: () => number) {
  const word = vocabulary(random)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const channels = [
    { id: 'ch_wa', type: 'whatsapp', name: 'WhatsApp' },
    { id: 'ch_sms', type: 'sms', name: 'SMS' },
    { id: 'ch_rcs', type: 'rcs', name: 'RCS' },
  ]
  const assignees = [null, null, { id: 'u_me', displayName: 'Me' }, { id: 'u_2', displayName: 'Kim' }]
  let messageId = 0
  const conversations: Conversation[] = []
  const pages: Array<{ chatId: string; messages: Message[] }> = []
  for (let i = 0; i < CONVERSATIONS; i++) {
    const id = `conv_${i}`
    const start = BASE_MS + Math.floor(random() * 300 * 86_400_000)
    const messages: Message[] = []
    for (let m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
      messageId += 1
      const length = 4 + Math.floor(random() * 16)
      messages.push({
        id: messageId,
        chatId: id,
        direction: m % 2 === 0 ? 'inbound' : 'outbound',
        date: new Date(start + m * 600_000).toISOString(),
        content: { type: 'text', text: Array.from({ length }, word).join(' ') },
        status: m % 2 === 0 ? 'received' : 'delivered',
      })
    }
    const last = messages[messages.length - 1]!
    conversations.push({
      id,
      channel: pick(channels),
      contact: {
        id: `contact_${i}`,
        name: `${pick(firstNames)} ${pick(lastNames)}`,
        phoneNumber: `+${1 + Math.floor(random() * 98)} ${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
      },
      unreadCount: random() < 0.1 ? 1 + Math.floor(random() * 4) : 0,
      archived: random() < 0.3,
      assignee: pick(assignees),
      createdDate: new Date(start).toISOString(),
      updatedDate: last.date,
      lastMessageDate: last.date,
      lastInboundDate: messages[messages.length - 2]!.date,
      lastMessage: { id: last.id, direction: last.direction, preview: last.content.text.slice(0, 80), date: last.date },
    })
    pages.push({ chatId: id, messages })
  }
  return { conversations, pages }
}

function time(fn: () => void): number {
  const started = performance.now()
  fn()
  return performance.now() - started
}

function searchQueries(): Array<{ text: string; view: (typeof inboxViews)[number]; channelIds?: string[] }> {
  const typed = (word: string) => Array.from({ length: word.length - 1 }, (_, i) => word.slice(0, i + 2))
  const texts = [
    'order',
    'refund',
    'parcel delivery',
    'invoice payment',
    'cafe',
    'rückerstattung',
    'müller',
    'zoe',
    'ana perez',
    'kamilo',
    'tevozi',
    'late parcel arrived',
    'password',
    '"unbalanced',
    'NEAR(order',
    ...typed('delivery'),
    ...typed('warranty'),
    ...typed('chloé'),
    '555',
    '1234',
  ]
  const filters = [
    { view: 'all' as const },
    { view: 'mine' as const },
    { view: 'unassigned' as const },
    { view: 'archive' as const },
    { view: 'all' as const, channelIds: ['ch_sms'] },
  ]
  return texts.flatMap((text) => filters.map((filter) => ({ text, ...filter })))
}

export async function run(): Promise<BenchResult[]> {
  const folder = tempFolder('store-bench-')
  const results: BenchResult[] = []
  let store: AccountStore | null = null
  try {
    const random = seededRandom(11)
    const { conversations, pages } = seedData(random)
    store = openAccountStore({ folder: folder.folder, accountId: ACCOUNT }).store
    const opened = store

    const conversationMs = time(() => {
      for (let i = 0; i < conversations.length; i += CONVERSATION_BATCH) {
        opened.conversations.upsertMany(conversations.slice(i, i + CONVERSATION_BATCH))
      }
    })
    const messageMs = time(() => {
      for (let i = 0; i < pages.length; i += PAGES_PER_TRANSACTION) {
        opened.transaction(() => {
          for (const page of pages.slice(i, i + PAGES_PER_TRANSACTION))
            opened.messages.upsertPage(page.chatId, page.messages)
        })
      }
    })
    const messageCount = CONVERSATIONS * MESSAGES_PER_CONVERSATION
    results.push(
      {
        metric: 'insert conversations (batches of 1,000)',
        value: CONVERSATIONS / (conversationMs / 1000),
        unit: 'rows/s',
      },
      {
        metric: 'insert messages (pages of 5, 200 pages a transaction, indexed)',
        value: messageCount / (messageMs / 1000),
        unit: 'rows/s',
      },
    )

    // Reopen: the size on disk after a checkpoint, and what opening costs a cold start.
    store.close()
    store = null
    const file = openAccountStore({ folder: folder.folder, accountId: ACCOUNT })
    const openMs: number[] = []
    file.store.close()
    for (let i = 0; i < 5; i++) {
      let reopened: AccountStore | null = null
      openMs.push(time(() => (reopened = openAccountStore({ folder: folder.folder, accountId: ACCOUNT }).store)))
      if (i < 4) (reopened as AccountStore | null)?.close()
      else store = reopened
    }
    const live = store!
    results.push(
      { metric: 'open the filled file (median of 5)', value: percentile(openMs, 50), unit: 'ms' },
      { metric: 'database size', value: statSync(live.file).size / 1024 / 1024, unit: 'MiB' },
    )

    // Warm-up: the first queries read pages from disk into the page cache.
    for (const query of searchQueries().slice(0, 10)) live.search({ ...query, meUserId: 'u_me' })
    const searchMs: number[] = []
    const slowest: Array<{ ms: number; query: string }> = []
    for (let round = 0; round < 3; round++) {
      for (const query of searchQueries()) {
        const ms = time(() => live.search({ ...query, meUserId: 'u_me' }))
        searchMs.push(ms)
        slowest.push({ ms, query: JSON.stringify(query) })
      }
    }
    slowest.sort((a, b) => b.ms - a.ms)
    process.stdout.write(
      `  slowest searches:\n${slowest
        .slice(0, 8)
        .map((s) => `    ${s.ms.toFixed(1)} ms ${s.query}\n`)
        .join('')}`,
    )
    const p95 = percentile(searchMs, 95)
    results.push(
      { metric: `search p50 (${searchMs.length} queries)`, value: percentile(searchMs, 50), unit: 'ms' },
      {
        metric: 'search p95',
        value: p95,
        unit: 'ms',
        target: `≤ ${SEARCH_P95_TARGET_MS} ms`,
        pass: p95 <= SEARCH_P95_TARGET_MS,
      },
      { metric: 'search max', value: Math.max(...searchMs), unit: 'ms' },
    )

    const topMs: number[] = []
    const deepMs: number[] = []
    for (const view of inboxViews) {
      for (const orderBy of ['-lastMessageDate', '-updatedDate', '+createdDate', '-unreadCount']) {
        topMs.push(time(() => live.conversations.window({ view, meUserId: 'u_me', orderBy, offset: 0, limit: 100 })))
        const { total } = live.conversations.window({ view, meUserId: 'u_me', orderBy, offset: 0, limit: 0 })
        const deep = Math.max(0, Math.floor(total / 2))
        deepMs.push(
          time(() => live.conversations.window({ view, meUserId: 'u_me', orderBy, offset: deep, limit: 100 })),
        )
      }
    }
    const countMs: number[] = []
    const unreadMs: number[] = []
    for (let i = 0; i < 20; i++) {
      countMs.push(time(() => live.conversations.countViews({ meUserId: 'u_me' })))
      unreadMs.push(time(() => live.conversations.unreadTotal()))
    }
    results.push(
      { metric: 'list window of 100 at the top, p95 over views × sorts', value: percentile(topMs, 95), unit: 'ms' },
      { metric: 'list window of 100 half-way down, p95', value: percentile(deepMs, 95), unit: 'ms' },
      { metric: 'counts of all 5 views, median', value: percentile(countMs, 50), unit: 'ms' },
      { metric: 'unread total, median', value: percentile(unreadMs, 50), unit: 'ms' },
    )
    return results
  } finally {
    store?.close()
    folder.cleanup()
  }
}
