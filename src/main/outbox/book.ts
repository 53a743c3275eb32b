/**
 * The outbox's book: the entries in memory, written through to storage before anything else happens,
 * and the operations the public face (./outbox.ts) runs on them: resume, enqueue, retry, discard,
 * and the network coming back. Which step runs when is the queue's (./queue.ts); what a step does is
 * the runner's (./runner.ts).
 */
import { coded } from '../../shared/i18n/error-texts'
import type { OutboxEntry } from '../../shared/ipc/contract'
import { BridgeFailure } from '../ports/errors'
import type { Logger } from '../ports/logger'
import type { Scheduler } from '../ports/scheduler'
import { toPublic, newEntry, type StoredOutboxEntry } from './entry'
import type { StepQueue } from './queue'
import { isSettled } from './rules'
import type { OutboxStorage } from './storage'
import { createUnsavedEntries, type UnsavedEntries } from './unsaved'

/** The entries in memory, written through to storage, and what every operation needs with them. */
export interface Book {
  entries: StoredOutboxEntry[]
  storage: OutboxStorage
  /** Entries the disk refused (./unsaved.ts): shown with the reason, held, saved again until it works. */
  unsaved: UnsavedEntries
  /** Applies the changes and writes the entry; when the disk refuses, the entry stays as the disk has it
   * (memory is never ahead of the disk) and this throws the store's error, so no step goes on unrecorded. */
  update(entry: StoredOutboxEntry, changes: Partial<StoredOutboxEntry>): void
  find(clientId: string): StoredOutboxEntry
  emitList(): void
  queue: StepQueue
  log: Logger
}

/** The book starts empty (the face loads it on first use); `queue` makes its queue over the entries. */
export function createBook(deps: {
  storage: OutboxStorage
  log: Logger
  scheduler: Scheduler
  saveRetryMs: number
  emit(entries: OutboxEntry[]): void
  queue(entries: () => StoredOutboxEntry[], held: (entry: StoredOutboxEntry) => boolean): StepQueue
}): Book {
  const { storage, log } = deps
  const unsaved = createUnsavedEntries({
    storage,
    log,
    scheduler: deps.scheduler,
    retryMs: deps.saveRetryMs,
    entries: () => book.entries,
    // A send whose end could not be written: its attempt is on disk as unknown, so it is read for, as at a start.
    beforeRetry: (entry) => {
      if (entry.state === 'sending' && !book.queue.isRunning(entry)) entry.state = 'pending'
    },
    onSaved: () => {
      book.emitList()
      book.queue.kick()
    },
  })
  const book: Book = {
    entries: [],
    storage,
    unsaved,
    log,
    update(entry, changes) {
      const before = { ...entry }
      Object.assign(entry, changes)
      if (!book.entries.includes(entry)) return // discarded meanwhile
      if (!unsaved.save(entry)) {
        Object.assign(entry, before)
        book.emitList()
        throw unsaved.error(entry.clientId)
      }
      book.emitList()
    },
    find(clientId) {
      const entry = book.entries.find((e) => e.clientId === clientId)
      if (!entry) throw new BridgeFailure('not_found', coded('outbox.entryGone'))
      return entry
    },
    emitList: () => deps.emit(book.entries.map((e) => toPublic(e, unsaved.reason(e.clientId)))),
    queue: deps.queue(
      () => book.entries,
      (entry) => unsaved.reason(entry.clientId) !== null,
    ),
  }
  return book
}

/** At start (or with a new key): carry on where each entry was, drop old accepted ones, run what is due. */
export function resumeEntries(book: Book, acceptedCutoff: number): void {
  book.queue.resume()
  for (const entry of book.entries) {
    // Left mid-POST by a crash or quit: its attempt is on disk as unknown, its window runs from its start.
    const state = entry.state === 'sending' ? 'pending' : entry.state
    if (state !== entry.state || entry.heldForAuth) book.update(entry, { state, heldForAuth: false })
  }
  const old = book.entries.filter((e) => isSettled(e) && Date.parse(e.createdAt) < acceptedCutoff)
  book.entries = book.entries.filter((e) => !old.includes(e))
  for (const entry of old) book.storage.delete(entry.clientId)
  book.emitList()
  book.queue.kick()
}

export function enqueueEntry(
  book: Book,
  reply: { clientId: string; chatId: string; text: string },
  now: number,
  maxUnsent: number,
): OutboxEntry {
  const existing = book.entries.find((e) => e.clientId === reply.clientId)
  if (existing) return toPublic(existing, book.unsaved.reason(existing.clientId))
  if (book.entries.filter((e) => e.state !== 'accepted').length >= maxUnsent) {
    throw new BridgeFailure('invalid_argument', coded('outbox.full', { max: maxUnsent }))
  }
  const entry = newEntry(reply, now)
  book.entries.push(entry)
  // On disk before anything is sent. Refused by the disk, it is kept and shown, and goes once it is saved.
  const saved = book.unsaved.save(entry, { first: true })
  book.emitList()
  if (saved) book.queue.kick()
  return toPublic(entry, book.unsaved.reason(entry.clientId))
}

export function retryEntry(book: Book, clientId: string): OutboxEntry {
  const entry = book.find(clientId)
  if (entry.state === 'failed') book.update(entry, { state: 'pending', error: null, nextAttemptAt: null })
  if (entry.state === 'unconfirmed') {
    book.log.info(`reply ${clientId}: the agent chose Resend after it could not be confirmed`)
    book.update(entry, { state: 'pending', error: null, nextAttemptAt: null, resendApproved: true })
  }
  if (entry.state === 'pending') book.update(entry, { heldForAuth: false, nextAttemptAt: null })
  book.queue.kick()
  return toPublic(entry, book.unsaved.reason(entry.clientId))
}

export function discardEntry(book: Book, clientId: string): void {
  const entry = book.find(clientId)
  if (entry.state === 'sending' || book.queue.isRunning(entry)) {
    throw new BridgeFailure('invalid_argument', coded('outbox.sendingNow'))
  }
  // Off the disk first: when the disk refuses, the entry stays listed rather than coming back at the next start.
  if (!book.unsaved.neverOnDisk(clientId)) book.storage.delete(clientId)
  book.unsaved.forget(clientId)
  book.entries = book.entries.filter((e) => e !== entry)
  book.emitList()
  book.queue.kick() // a later reply of the same conversation may go now
}

/** Sends waiting on their network backoff go now, and reads too (a read never sends). Retry-After still holds. */
export function networkBack(book: Book): void {
  for (const entry of book.entries) {
    const waitingOnNetwork = entry.error?.kind === 'network' || entry.error?.kind === 'timeout'
    if (!waitingOnNetwork || entry.heldForAuth) continue
    try {
      if (entry.state === 'pending' && entry.nextAttemptAt !== null) book.update(entry, { nextAttemptAt: null })
      if (entry.nextCheckAt !== null) book.update(entry, { nextCheckAt: null })
    } catch {
      // The disk refused it: it is held, shown as not saved and saved again (./unsaved.ts logs it); the others go.
    }
  }
  book.queue.kick()
}
