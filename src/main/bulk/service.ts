/**
 * Bulk actions for the connected account (issue 13 §2): batches started, cancelled, retried and undone, their
 * status pushed to the window; and "select all in this view" answered from main's picture, so it covers the whole
 * view and not only the rows the window has rendered.
 *
 * A batch acts on the account that was connected when it started, and only on conversations main knows in that
 * account: an id from another account or workspace is listed as failed and never sent. When the account changes,
 * every batch is cancelled and forgotten. Offline, a batch is refused with a sentence that says it needs the server.
 */
import type { Conversation } from '../../shared/api/schemas'
import { contactLabel, isInView, matchesListArgs, matchesSearch, compareConversations } from '../../shared/domain/views'
import { bulkViewIdsArgsSchema, type BulkAction, type BulkViewIdsArgs } from '../../shared/ipc/bulk'
import type { BulkStatus } from '../../shared/ipc/contract'
import { coded, type CodedText } from '../../shared/i18n/error-texts'
import { BridgeFailure, codedBridgeError } from '../ports/errors'
import type { BulkActions } from '../ports/inbox-engine'
import type { Logger } from '../ports/logger'
import { BulkBatch, refusal } from './batch'
import { type BulkItem, type BulkOp, type BulkTarget } from './operations'
import { defaultRunnerOptions, type RunnerOptions } from './runner'

/** The connected account, as a batch needs it. `current()` throws the bridge's failure when there is none. */
export interface BulkAccount {
  accountId: string
  target: BulkTarget
  /** Every conversation main knows in this account (archived included), once it has a picture. */
  conversations(): Promise<Conversation[]>
}

export interface BulkServiceDeps {
  current(): BulkAccount
  getMeUserId(): string | null
  isOnline(): boolean
  emit(status: BulkStatus): void
  log: Logger
  runner?: Partial<RunnerOptions>
}

export interface BulkService extends BulkActions {
  setOnline(online: boolean): void
  /** The account changed or went: every batch is cancelled and forgotten. */
  stopAll(): void
}

/** Batches kept for Retry and Undo; the oldest ended one is forgotten past this. */
const KEPT_BATCHES = 20

interface Entry {
  batch: BulkBatch
  accountId: string
  /** The batch's current run, settled (a failure is logged). */
  run: Promise<unknown>
}

export function createBulkService(deps: BulkServiceDeps): BulkService {
  const batches = new BatchBook(deps)
  return {
    viewIds: (args) => viewIds(deps, args),
    async start({ action, chatIds }) {
      batches.needsServer()
      const account = deps.current()
      if (action.type === 'snooze') {
        if (!account.target.snoozer) throw new BridgeFailure('internal', coded('bulk.snoozeUnavailable'))
        // A time that has passed is refused for the whole batch, before anything is sent.
        account.target.snoozer.validate(action.untilMs)
      }
      const { items, refused } = itemsOf(account.target, action, chatIds)
      return batches.launch(account, { action: action.type, phase: 'run', undoOf: null }, items, refused).status()
    },
    cancel(batchId) {
      const { batch } = batches.find(batchId)
      batch.cancel()
      return batch.status()
    },
    retry: (batchId) => batches.retry(batchId),
    undo: (batchId) => batches.undo(batchId),
    async settled(batchId) {
      const entry = batches.find(batchId)
      await entry.run
      return entry.batch.status()
    },
    setOnline: (online) => batches.each((batch) => batch.setOnline(online)),
    stopAll: () => batches.stopAll(),
  }
}

/** The batches of this session, by id, each with the account it acts on. */
class BatchBook {
  private readonly entries = new Map<string, Entry>()
  private readonly runner: RunnerOptions
  private sequence = 0

  constructor(private readonly deps: BulkServiceDeps) {
    this.runner = { ...defaultRunnerOptions, ...deps.runner }
  }

  needsServer(): void {
    if (!this.deps.isOnline()) throw new BridgeFailure('network', coded('bulk.needsServer'))
  }

  /** The batch, if it belongs to the account connected now. */
  find(batchId: string): Entry {
    const entry = this.entries.get(batchId)
    if (!entry || entry.accountId !== this.deps.current().accountId) throw invalid(coded('bulk.unknownBatch'))
    return entry
  }

  launch(
    account: BulkAccount,
    spec: { action: BulkAction['type']; phase: 'run' | 'undo'; undoOf: string | null },
    items: BulkItem[],
    refused: ReturnType<typeof refusal>[],
  ): BulkBatch {
    this.sequence += 1
    const batch = new BulkBatch({
      id: `bulk-${Date.now().toString(36)}-${this.sequence}`,
      ...spec,
      items,
      refused,
      target: account.target,
      runner: this.runner,
      online: this.deps.isOnline(),
      publish: this.deps.emit,
    })
    this.track(batch, account.accountId, batch.start())
    this.forgetOld()
    return batch
  }

  retry(batchId: string): BulkStatus {
    const entry = this.find(batchId)
    if (entry.batch.active) throw invalid(coded('bulk.stillRunning'))
    this.needsServer()
    this.track(entry.batch, entry.accountId, entry.batch.retry())
    return entry.batch.status()
  }

  /** A new batch that puts back what this one changed; this one then offers no Undo. */
  undo(batchId: string): BulkStatus {
    const { batch } = this.find(batchId)
    if (batch.active) throw invalid(coded('bulk.stillRunning'))
    const status = batch.status()
    if (status.phase !== 'run' || status.undo !== 'available') throw invalid(coded('bulk.nothingToUndo'))
    this.needsServer()
    const spec = { action: status.action, phase: 'undo' as const, undoOf: batchId }
    const undo = this.launch(this.deps.current(), spec, batch.undoItems(), [])
    batch.markUndone(undo.id)
    return undo.status()
  }

  each(fn: (batch: BulkBatch) => void): void {
    for (const { batch } of this.entries.values()) fn(batch)
  }

  stopAll(): void {
    this.each((batch) => batch.cancel())
    this.entries.clear()
  }

  private track(batch: BulkBatch, accountId: string, run: Promise<unknown>): void {
    const settled = run.catch((error: unknown) => this.deps.log.error(`Bulk batch ${batch.id} failed.`, error))
    this.entries.set(batch.id, { batch, accountId, run: settled })
  }

  private forgetOld(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= KEPT_BATCHES) return
      if (!entry.batch.active) this.entries.delete(id)
    }
  }
}

/** "Select all in this view": the view as the list shows it (view, channel and date filters, the search box). */
async function viewIds(deps: BulkServiceDeps, args: BulkViewIdsArgs): Promise<{ chatIds: string[] }> {
  const parsed = bulkViewIdsArgsSchema.parse(args)
  const account = deps.current()
  const meUserId = deps.getMeUserId()
  const listArgs = { archived: 'any' as const, channelIds: parsed.channelIds, dateFrom: parsed.dateFrom }
  const chatIds = (await account.conversations())
    .filter(
      (c) => isInView(c, parsed.view, meUserId) && matchesListArgs(c, listArgs) && matchesSearch(c, parsed.search),
    )
    .sort(compareConversations(undefined))
    .map((c) => c.id)
  return { chatIds }
}

const invalid = (text: CodedText) => new BridgeFailure('invalid_argument', text)

/** One item per conversation of this account (each id once); an id main does not know here is refused. */
function itemsOf(target: BulkTarget, action: BulkAction, chatIds: readonly string[]) {
  const items: BulkItem[] = []
  const refused: ReturnType<typeof refusal>[] = []
  const op: BulkOp = action
  for (const chatId of new Set(chatIds)) {
    const before = target.picture.getConversation(chatId)
    if (!before) {
      refused.push(refusal(chatId, codedBridgeError('not_found', coded('bulk.notInAccount'))))
      continue
    }
    items.push({ chatId, name: contactLabel(before.contact, ''), op, before })
  }
  return { items, refused }
}
