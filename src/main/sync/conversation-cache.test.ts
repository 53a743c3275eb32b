/**
 * The picture over a real (in-memory) account database: the badge's total is kept incrementally by each
 * commit and each local change, never by reading every conversation; fast-check runs random sequences of
 * syncs (some whose write fails), removals, local changes and reverts, and compares it with the total
 * counted over a plain model of what is displayed.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { Conversation } from '../../shared/api/schemas'
import { unreadTotal } from '../../shared/domain/views'
import { openMemoryAccountStore, type AccountStore } from '../store'
import { conversation as fixture } from '../store/testing/fixtures'
import { ConversationCache } from './conversation-cache'

const IDS = ['c1', 'c2', 'c3', 'c4', 'c5']

function conversation(id: string, unreadCount: number, archived: boolean, updatedMs: number): Conversation {
  const date = new Date(1_700_000_000_000 + updatedMs).toISOString()
  return fixture(id, { unreadCount, archived, updatedDate: date })
}

type Op =
  | { type: 'sync'; id: string; unread: number; archived: boolean; saved: boolean }
  | { type: 'remove'; id: string; saved: boolean }
  | { type: 'read' | 'archive' | 'revert'; id: string }

const id = fc.constantFrom(...IDS)
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    type: fc.constant('sync' as const),
    id,
    unread: fc.nat(9),
    archived: fc.boolean(),
    saved: fc.boolean(),
  }),
  fc.record({ type: fc.constant('remove' as const), id, saved: fc.boolean() }),
  fc.record({ type: fc.constantFrom('read' as const, 'archive' as const, 'revert' as const), id }),
)

const stores: AccountStore[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})

/** Runs `ops` as sync-pass.ts does (pending writes go with the next one) and against a plain model. */
function play(ops: Op[]) {
  const store = openMemoryAccountStore()
  stores.push(store)
  const cache = new ConversationCache(store.conversations, () => undefined)
  const server = new Map<string, Conversation>()
  const patches = new Map<string, Partial<Conversation>>()
  let clock = 0
  const commit = (changed: Conversation[], removedIds: string[], saved: boolean) => {
    const previous = cache.versions([...changed.map((c) => c.id), ...removedIds])
    if (saved) {
      const pending = cache.pendingWrites()
      store.conversations.upsertMany([...pending.changed, ...changed])
      store.conversations.remove([...pending.removedIds.filter((r) => !changed.some((c) => c.id === r)), ...removedIds])
    }
    cache.commit({ changed, removedIds, previous }, saved, clock)
  }
  for (const step of ops) {
    clock += 1
    if (step.type === 'sync') {
      const next = conversation(step.id, step.unread, step.archived, clock)
      commit([next], [], step.saved)
      server.set(step.id, next)
      patches.delete(step.id) // the server has spoken: a new updatedDate
    } else if (step.type === 'remove') {
      if (!server.has(step.id)) continue
      commit([], [step.id], step.saved)
      server.delete(step.id)
      patches.delete(step.id)
    } else if (step.type === 'revert') {
      cache.revertLocal(step.id)
      patches.delete(step.id)
    } else {
      const base = cache.serverVersion(step.id)
      if (!base) continue
      const patch = step.type === 'read' ? { unreadCount: 0 } : { archived: true }
      cache.applyLocal(base, { id: step.id, ...patch }, clock)
      patches.set(step.id, { ...patches.get(step.id), ...patch })
    }
  }
  const displayed = [...server.values()].map((c) => ({ ...c, ...patches.get(c.id) }))
  return { cache, store, displayed }
}

describe('ConversationCache over the account database', () => {
  it('keeps the unread total of what is displayed, whatever the order of syncs, failed writes and local changes (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { cache, displayed } = play(ops)
        expect(cache.unreadTotal()).toBe(unreadTotal(displayed))
        expect(cache.all().sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          displayed.sort((a, b) => a.id.localeCompare(b.id)),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('a restart on the same database starts from its SQL sum, and writes that failed are kept until one succeeds', () => {
    const { cache, store, displayed } = play([
      { type: 'sync', id: 'c1', unread: 3, archived: false, saved: true },
      { type: 'sync', id: 'c3', unread: 5, archived: true, saved: true },
      { type: 'sync', id: 'c2', unread: 4, archived: false, saved: false },
    ])
    expect(cache.unreadTotal()).toBe(7)
    expect(cache.pendingWrites().changed.map((c) => c.id)).toEqual(['c2'])
    // What the database holds alone: c2 never reached it.
    expect(new ConversationCache(store.conversations, () => undefined).unreadTotal()).toBe(3)
    expect(unreadTotal(displayed)).toBe(7)
    // The next write that succeeds takes c2 along.
    const c4 = conversation('c4', 1, false, 9)
    const pending = cache.pendingWrites()
    store.conversations.upsertMany([...pending.changed, c4])
    cache.commit({ changed: [c4], removedIds: [], previous: new Map() }, true, 9)
    expect(cache.pendingWrites().changed).toEqual([])
    expect(new ConversationCache(store.conversations, () => undefined).unreadTotal()).toBe(8)
  })

  it('hands the badge a total only when it moves', () => {
    const store = openMemoryAccountStore()
    stores.push(store)
    const totals: number[] = []
    const cache = new ConversationCache(store.conversations, (total) => totals.push(total))
    const c1 = conversation('c1', 2, false, 1)
    store.conversations.upsertMany([c1])
    cache.commit({ changed: [c1], removedIds: [], previous: new Map() }, true, 1)
    cache.publishUnreadTotal()
    cache.publishUnreadTotal()
    cache.applyLocal(c1, { id: 'c1', unreadCount: 0 }, 2)
    cache.publishUnreadTotal()
    expect(totals).toEqual([2, 0])
  })
})
