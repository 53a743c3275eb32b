/**
 * Every bridge handler, registered in this one place. Each line only routes a
 * validated argument to the service that owns the work; bodies live with the
 * services. The dispatcher (./dispatch.ts) validates arguments before a
 * handler sees them and turns whatever a handler throws into a BridgeError.
 *
 * To add a channel: name it in src/shared/ipc/channels.ts, give it an argument
 * schema and result type in src/shared/ipc/contract.ts, add its line here.
 * TypeScript fails until all three agree.
 */
import type { InvokeChannel } from '../../shared/ipc/channels'
import type {
  AppState,
  InvokeParsedArgs,
  InvokeResult,
  RendererSettings,
  SettingsPatch,
} from '../../shared/ipc/contract'
import type { AccountService } from '../account'
import type { InboxEngine } from '../ports/inbox-engine'
import type { UpdateService } from '../update'

export type Handler<C extends InvokeChannel> = (args: InvokeParsedArgs<C>) => Promise<InvokeResult<C>>
export type Handlers = { [C in InvokeChannel]: Handler<C> }

export interface HandlerServices {
  account: AccountService
  inbox: InboxEngine
  updates: UpdateService
  getAppState(): Promise<AppState>
  updateSettings(patch: SettingsPatch): RendererSettings
  setFocusedConversation(chatId: string | null): void
  openExternal(url: string): Promise<null>
  dismissLocalDataNotice(): void
}

export function createHandlers(services: HandlerServices): Handlers {
  const { account, inbox, updates } = services
  return {
    getAppState: () => services.getAppState(),
    connectAccount: (args) => account.connect(args),
    startDemo: () => account.startDemo(),
    removeAccount: () => account.remove(),
    updateSettings: async (patch) => services.updateSettings(patch),

    listConversations: (args) => inbox.listConversations(args),
    getMessages: (args) => inbox.getMessages(args),
    getFirstMessageDate: ({ chatId }) => inbox.getFirstMessageDate(chatId),
    searchInbox: (args) => inbox.searchInbox(args),
    markRead: async ({ chatId }) => (await inbox.markRead(chatId), null),
    archive: async ({ chatId }) => (await inbox.archive(chatId), null),
    unarchive: async ({ chatId }) => (await inbox.unarchive(chatId), null),
    assign: async ({ chatId, userId }) => (await inbox.assign(chatId, userId), null),
    unassign: async ({ chatId }) => (await inbox.unassign(chatId), null),
    listUsers: () => inbox.listUsers(),

    sendReply: (args) => inbox.sendReply(args),
    listOutbox: () => inbox.listOutbox(),
    retryOutboxEntry: ({ clientId }) => inbox.retryOutboxEntry(clientId),
    discardOutboxEntry: async ({ clientId }) => (await inbox.discardOutboxEntry(clientId), null),

    getDrafts: () => inbox.getDrafts(),
    setDraft: async ({ chatId, text }) => (await inbox.setDraft(chatId, text), null),
    setFocusedConversation: async ({ chatId }) => (services.setFocusedConversation(chatId), null),
    openExternal: ({ url }) => services.openExternal(url),

    getBackfillStatus: async () => inbox.backfillStatus(),
    getUpdateStatus: async () => updates.status(),
    checkForUpdates: () => updates.checkNow(),
    restartToUpdate: async () => updates.restartToUpdate(),
    cancelRestartToUpdate: async () => updates.cancelRestart(),
    dismissLocalDataNotice: async () => (services.dismissLocalDataNotice(), null),
    clearLocalData: async () => (await inbox.clearLocalData(), null),

    bulkViewIds: (args) => inbox.bulk.viewIds(args),
    startBulkAction: (args) => inbox.bulk.start(args),
    cancelBulkAction: async ({ batchId }) => inbox.bulk.cancel(batchId),
    retryBulkAction: async ({ batchId }) => inbox.bulk.retry(batchId),
    undoBulkAction: async ({ batchId }) => inbox.bulk.undo(batchId),

    snoozeConversation: ({ chatId, untilMs }) => inbox.snooze(chatId, untilMs),
    listSnoozes: () => inbox.listSnoozes(),
    wakeSnoozed: ({ chatId }) => inbox.wakeSnoozed(chatId),
  }
}
