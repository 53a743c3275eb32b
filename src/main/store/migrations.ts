/**
 * The schema, as numbered steps. `PRAGMA user_version` says how many have run.
 *
 * NEVER edit a step that has shipped: a user's database already ran it. Add a
 * new step at the end instead (src/main/store/README.md says how), and the
 * upgrade test (`migrations.test.ts`) checks it from every earlier version.
 */
import type { Database } from 'better-sqlite3'
import { StoreError } from './errors'

export interface Migration {
  /** 1-based; equal to its position in `migrations` plus one. */
  version: number
  description: string
  sql: string
}

const fts = `tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'`

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'conversations, message pages, outbox, drafts, sync cursors',
    sql: `
      -- One row per conversation. \`data\` is the API's Conversation as JSON (what
      -- the list shows); the other columns are copies of it to filter, sort and
      -- search on. Dates are ms since the epoch so that they sort as numbers.
      CREATE TABLE conversations (
        seq INTEGER PRIMARY KEY,            -- stable rowid for the search index
        id TEXT NOT NULL UNIQUE,
        data TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        channel_type TEXT NOT NULL,
        contact_name TEXT NOT NULL,
        contact_phone TEXT,
        contact_digits TEXT,                -- the number's digit suffixes, for search
        assignee_id TEXT,
        archived INTEGER NOT NULL CHECK (archived IN (0, 1)),
        unread_count INTEGER NOT NULL,
        last_message_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        last_message_id INTEGER
      ) STRICT;
      -- One index per sort of the list; the views filter on their leading columns.
      -- Each ends with what the order's tie-breaks need (last_message_ms, id),
      -- so a window deep down the list skips rows in the index alone.
      CREATE INDEX conversations_by_last_message ON conversations (archived, last_message_ms, id);
      CREATE INDEX conversations_by_updated ON conversations (archived, updated_ms, last_message_ms, id);
      CREATE INDEX conversations_by_created ON conversations (archived, created_ms, last_message_ms, id);
      CREATE INDEX conversations_by_unread ON conversations (archived, unread_count, last_message_ms, id);
      CREATE INDEX conversations_by_assignee ON conversations (archived, assignee_id, last_message_ms, id);
      CREATE INDEX conversations_unread_by_last_message ON conversations (archived, last_message_ms, id)
        WHERE unread_count > 0;
      CREATE INDEX conversations_by_channel ON conversations (channel_id, archived, last_message_ms, id);

      -- The messages of the pages already fetched. \`data\` is the API's Message.
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,            -- stable rowid for the search index
        chat_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        direction TEXT NOT NULL,
        date_ms INTEGER NOT NULL,
        text TEXT NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (chat_id, id)
      ) STRICT;

      -- Which part of each thread is stored: every message with an id in
      -- [oldest_id, newest_id] is in \`messages\`; reached_start says nothing older exists.
      CREATE TABLE message_coverage (
        chat_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
        oldest_id INTEGER NOT NULL,
        newest_id INTEGER NOT NULL,
        reached_start INTEGER NOT NULL CHECK (reached_start IN (0, 1))
      ) STRICT;

      -- The reply outbox (no foreign key: a reply outlives its conversation's row).
      -- \`entry\` is the outbox's own stored entry as JSON: the outbox owns its
      -- format and its versions (src/main/outbox/entry.ts); the store keeps
      -- the order replies were written in (\`position\`) and the keys to find them.
      CREATE TABLE outbox_entries (
        position INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL UNIQUE,
        chat_id TEXT NOT NULL,
        entry TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_entries_by_chat ON outbox_entries (chat_id, position);
      -- Entries that could not be read (from an old file or a damaged database):
      -- kept, never dropped, so a person can still recover the text.
      CREATE TABLE outbox_unreadable (
        fingerprint TEXT PRIMARY KEY,        -- sha256 of raw, so an import can run twice
        raw TEXT NOT NULL,
        reason TEXT NOT NULL,
        kept_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE drafts (
        chat_id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Sync cursors and watermarks, each a JSON value under a name.
      CREATE TABLE sync_cursors (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'full-text search over message text, contact names and numbers',
    sql: `
      -- External-content FTS5 tables: the text lives once, in its table (the
      -- index's column names are the table's, which is how FTS5 reads it); the
      -- triggers keep the index in step with every insert, update and delete.
      CREATE VIRTUAL TABLE message_search USING fts5 (
        text, content = 'messages', content_rowid = 'seq', ${fts}
      );
      CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN
        INSERT INTO message_search (rowid, text) VALUES (new.seq, new.text);
      END;
      CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
        INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.seq, old.text);
      END;
      CREATE TRIGGER messages_search_update AFTER UPDATE OF text ON messages WHEN old.text IS NOT new.text BEGIN
        INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.seq, old.text);
        INSERT INTO message_search (rowid, text) VALUES (new.seq, new.text);
      END;

      CREATE VIRTUAL TABLE contact_search USING fts5 (
        contact_name, contact_phone, contact_digits,
        content = 'conversations', content_rowid = 'seq',
        columnsize = 0, ${fts}
      );
      CREATE TRIGGER conversations_search_insert AFTER INSERT ON conversations BEGIN
        INSERT INTO contact_search (rowid, contact_name, contact_phone, contact_digits)
        VALUES (new.seq, new.contact_name, new.contact_phone, new.contact_digits);
      END;
      CREATE TRIGGER conversations_search_delete AFTER DELETE ON conversations BEGIN
        INSERT INTO contact_search (contact_search, rowid, contact_name, contact_phone, contact_digits)
        VALUES ('delete', old.seq, old.contact_name, old.contact_phone, old.contact_digits);
      END;
      CREATE TRIGGER conversations_search_update AFTER UPDATE OF contact_name, contact_phone ON conversations
      WHEN old.contact_name IS NOT new.contact_name OR old.contact_phone IS NOT new.contact_phone BEGIN
        INSERT INTO contact_search (contact_search, rowid, contact_name, contact_phone, contact_digits)
        VALUES ('delete', old.seq, old.contact_name, old.contact_phone, old.contact_digits);
        INSERT INTO contact_search (rowid, contact_name, contact_phone, contact_digits)
        VALUES (new.seq, new.contact_name, new.contact_phone, new.contact_digits);
      END;

      -- Rows stored before this step get indexed now.
      INSERT INTO message_search (message_search) VALUES ('rebuild');
      INSERT INTO contact_search (contact_search) VALUES ('rebuild');
    `,
  },
  {
    version: 3,
    description: 'what the window showed last, per account (the last open conversation)',
    sql: `
      -- Small named values of the window's state that a restart brings back (issue 11 §2):
      -- 'lastOpenConversation' is the conversation open when the app last ran.
      CREATE TABLE view_state (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    description: "a thread's first message, kept once a page reached it (the contact panel's first date)",
    sql: `
      -- Coverage is one id range per thread, and a page from the thread's start that does not touch the
      -- stored range replaces nothing (the newer range is kept): first_id remembers the start anyway.
      ALTER TABLE message_coverage ADD COLUMN first_id INTEGER;
      UPDATE message_coverage SET first_id = (
        SELECT min(m.id) FROM messages m
        WHERE m.chat_id = message_coverage.chat_id AND m.id BETWEEN message_coverage.oldest_id AND message_coverage.newest_id
      ) WHERE reached_start = 1;
    `,
  },
  {
    version: 5,
    description: 'snoozed conversations and when each wakes',
    sql: `
      -- Snooze (issue 13 §1): the API has archive and unarchive, no snooze, so a snoozed conversation is
      -- archived on the server and its wake time kept here, as an instant (ms since the epoch), never a
      -- local time string. No foreign key: the row outlives a rebuild that empties conversations.
      CREATE TABLE snoozes (
        chat_id TEXT PRIMARY KEY,
        until_ms INTEGER NOT NULL,
        snoozed_at_ms INTEGER NOT NULL,
        last_message_id INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;
      CREATE INDEX snoozes_by_until ON snoozes (until_ms);
    `,
  },
]

export const LATEST_VERSION = migrations.length

/** Runs the steps a database has not run yet, each in its own transaction
 * with its version number, so a crash leaves it at a whole step. */
export function migrate(db: Database, file: string, steps: readonly Migration[] = migrations): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > steps.length) {
    throw new StoreError('too_new', `schema version ${current}, this app knows up to ${steps.length} (${file})`)
  }
  for (const step of steps.slice(current)) {
    db.transaction(() => {
      db.exec(step.sql)
      db.pragma(`user_version = ${step.version}`)
    })()
  }
}
