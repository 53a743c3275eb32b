import { afterEach, describe, expect, it } from 'vitest'
import { createLogger, createMemorySink } from '../log'
import { loadSyncState, saveSyncState, SYNC_STATE_KEY, type PersistedSyncState, type SyncStateData } from './state'
import { reopenStore, tempStore } from '../testing/sandbox-harness'

const disposers: Array<() => void> = []
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose()
})

const state: PersistedSyncState = {
  version: 1,
  accountKey: 'https://api.example#abc',
  baselineMessageId: 120,
  seenMessageIds: { 'chat.with.dots': 130 },
  meUserId: 'usr_1',
  assignedToMe: ['chat_9'],
  ownAssignments: {},
}

describe('persisted sync state', () => {
  it('round-trips through the file, keys with dots included', () => {
    const { store, dir, dispose } = tempStore<SyncStateData>()
    disposers.push(dispose)
    saveSyncState(store, state)
    const log = createLogger(createMemorySink())
    expect(loadSyncState(reopenStore<SyncStateData>(dir), state.accountKey, log)).toEqual(state)
  })

  it('starts afresh (and says why) for another account or a damaged state', () => {
    const { store, dispose } = tempStore<SyncStateData>()
    disposers.push(dispose)
    const sink = createMemorySink()
    const log = createLogger(sink)
    expect(loadSyncState(store, state.accountKey, log)).toBeNull() // nothing yet
    saveSyncState(store, state)
    expect(loadSyncState(store, 'https://other.example#def', log)).toBeNull()
    store.set(SYNC_STATE_KEY, { version: 1, accountKey: state.accountKey, baselineMessageId: 'lots' })
    expect(loadSyncState(store, state.accountKey, log)).toBeNull()
    expect(sink.lines.map((l) => l.line).join('\n')).toMatch(/another account[\s\S]*unreadable/)
  })
})
