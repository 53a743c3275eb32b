import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseFileName, openAccountStore, StoreError } from './index'
import { phoneSearchDigits } from './conversation-writes'
import { LATEST_VERSION, migrate, migrations } from './migrations'
import { conversation, message, outboxRecord, tempFolder } from './testing/fixtures'

let folder: ReturnType<typeof tempFolder>
beforeEach(() => {
  folder = tempFolder()
})
afterEach(() => folder.cleanup())

const r1 = outboxRecord('r1')
const ACCOUNT = 'https://inbox.example#0123456789abcdef'
const file = () => join(folder.folder, databaseFileName(ACCOUNT))

/** The schema as SQLite keeps it, comparable between two files. */
function schemaOf(db: Database): Array<{ type: string; name: string; sql: string | null }> {
  return db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as Array<{ type: string; name: string; sql: string | null }>
}

/**
 * Rows written the way a database at `version` could hold them: raw SQL
 * against that version's tables, as the app of that version would have.
 * A new migration adds what its version makes possible.
 */
const seedAtVersion: Record<number, (db: Database) => void> = {
  0: () => {},
  1: (db) => {
    const c = conversation('c1', { contact: { id: 'k1', name: 'Old Contact', phoneNumber: '+1 555 0100' } })
    db.prepare(
      `INSERT INTO conversations (id, data, channel_id, channel_type, contact_name, contact_phone, contact_digits,
        assignee_id, archived, unread_count, last_message_ms, updated_ms, created_ms, last_message_id)
       VALUES (?, ?, 'ch_wa', 'whatsapp', 'Old Contact', '+1 555 0100', ?, NULL, 0, 2, ?, ?, ?, 1)`,
    ).run(
      c.id,
      JSON.stringify(c),
      phoneSearchDigits('+1 555 0100'),
      Date.parse(c.lastMessageDate),
      Date.parse(c.updatedDate),
      Date.parse(c.createdDate),
    )
    const m = message('c1', 1, 'a message from before the search index')
    db.prepare(
      "INSERT INTO messages (chat_id, id, direction, date_ms, text, data) VALUES ('c1', 1, 'inbound', ?, ?, ?)",
    ).run(Date.parse(m.date), m.content.text, JSON.stringify(m))
    const r = r1
    db.prepare('INSERT INTO outbox_entries (client_id, chat_id, entry) VALUES (?, ?, ?)').run(
      r.clientId,
      r.chatId,
      JSON.stringify(r),
    )
    db.prepare("INSERT INTO drafts (chat_id, text, updated_at) VALUES ('c1', 'unsent words', '2026-11-01')").run()
    db.prepare(`INSERT INTO sync_cursors (name, value) VALUES ('watermark', '"2026-11-01T00:00:00.000Z"')`).run()
    // A thread read from its start: step 4 finds its first message from the coverage.
    db.prepare('INSERT INTO message_coverage (chat_id, oldest_id, newest_id, reached_start) VALUES (?, 1, 1, 1)').run(
      'c1',
    )
  },
  3: (db) => {
    db.prepare("INSERT INTO view_state (name, value) VALUES ('lastOpenConversation', 'c1')").run()
  },
  // The app of version 4 notes a thread's first message as it stores the page that reached it.
  4: (db) => {
    db.prepare("UPDATE message_coverage SET first_id = 1 WHERE chat_id = 'c1'").run()
  },
}

describe('migrations', () => {
  it('are numbered 1..N in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
    expect(LATEST_VERSION).toBe(migrations.length)
  })

  for (let from = 0; from < migrations.length; from++) {
    it(`upgrade a database from version ${from} to the latest, keeping its data`, () => {
      // The fixture: run the historical prefix, then write what that version held.
      const old = new BetterSqlite3(file())
      migrate(old, file(), migrations.slice(0, from))
      expect(old.pragma('user_version', { simple: true })).toBe(from)
      for (let version = 0; version <= from; version++) seedAtVersion[version]?.(old)
      old.close()

      const { store, recovery } = openAccountStore({ folder: folder.folder, accountId: ACCOUNT })
      expect(recovery).toBeNull()
      const upgraded = new BetterSqlite3(file(), { readonly: true })
      const fresh = new BetterSqlite3(':memory:')
      migrate(fresh, ':memory:')
      try {
        expect(upgraded.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
        expect(schemaOf(upgraded)).toEqual(schemaOf(fresh))
        if (from >= 1) {
          expect(store.conversations.get('c1')?.contact.name).toBe('Old Contact')
          expect(store.messages.range('c1', { limit: 10 }).map((m) => m.id)).toEqual([1])
          expect(store.outbox.list()).toEqual([r1])
          expect(store.drafts.getAll()).toEqual({ c1: 'unsent words' })
          expect(store.cursors.get('watermark')).toBe('2026-11-01T00:00:00.000Z')
          // Rows older than the search index are indexed by its step.
          const found = store.search({ text: 'before the search', view: 'all', meUserId: null })
          expect(found.groups.map((g) => g.conversation.id)).toEqual(['c1'])
          expect(store.search({ text: '5550100', view: 'all', meUserId: null }).groups).toHaveLength(1)
        }
        // Every version before step 3 had no view state: it starts empty and takes writes; step 3's is kept.
        expect(store.viewState.get('lastOpenConversation')).toBe(from >= 3 ? 'c1' : null)
        store.viewState.set('lastOpenConversation', 'c2')
        expect(store.viewState.get('lastOpenConversation')).toBe('c2')
        // Step 4: the first message of a thread stored from its start is known.
        if (from >= 1) expect(store.threadPages.firstMessage('c1')?.id).toBe(1)
        // Every version before step 5 had no snoozes: none, and one can be recorded, found due and removed.
        expect(store.snoozes.list()).toEqual([])
        store.snoozes.put({ chatId: 'c1', untilMs: 2_000, snoozedAtMs: 1_000, lastMessageId: 1 })
        expect(store.snoozes.due(1_999)).toEqual([])
        expect(store.snoozes.due(2_000).map((row) => row.chatId)).toEqual(['c1'])
        expect(store.snoozes.remove('c1')).toBe(true)
        expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok')
      } finally {
        upgraded.close()
        fresh.close()
        store.close()
      }
    })
  }

  it('refuses a database written by a newer app, leaving it untouched', () => {
    const newer = new BetterSqlite3(file())
    newer.pragma(`user_version = ${LATEST_VERSION + 1}`)
    newer.close()
    let error: unknown
    try {
      openAccountStore({ folder: folder.folder, accountId: ACCOUNT })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).kind).toBe('too_new')
    const check = new BetterSqlite3(file(), { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1)
    check.close()
  })

  it('opens with WAL and foreign keys, in a file named by a hash of the account id only', () => {
    const name = databaseFileName(ACCOUNT)
    expect(name).toMatch(/^inbox-[0-9a-f]{16}\.sqlite3$/)
    expect(name).not.toContain('0123456789abcdef')
    expect(databaseFileName('https://inbox.example#other')).not.toBe(name)
    const { store } = openAccountStore({ folder: folder.folder, accountId: ACCOUNT })
    store.conversations.upsertMany([conversation('c1')])
    const reader = new BetterSqlite3(file(), { readonly: true })
    expect(reader.pragma('journal_mode', { simple: true })).toBe('wal')
    reader.close()
    expect(() => store.messages.upsertPage('missing', [message('missing', 1, 'x')])).toThrow(StoreError)
    store.close()
  })
})
