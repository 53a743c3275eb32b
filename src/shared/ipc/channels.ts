/**
 * The names of every bridge channel, and nothing else.
 *
 * Kept apart from `contract.ts` so the sandboxed preload can import the names
 * without bundling zod. `contract.ts` is checked (at compile time) to define a
 * schema for exactly these names.
 */

/** Request/response calls: renderer → main (`ipcRenderer.invoke`). */
export const invokeChannels = [
  'getAppState',
  'connectAccount',
  'startDemo',
  'removeAccount',
  'updateSettings',
  'listConversations',
  'getMessages',
  'getFirstMessageDate',
  'searchInbox',
  'markRead',
  'archive',
  'unarchive',
  'assign',
  'unassign',
  'listUsers',
  'sendReply',
  'listOutbox',
  'retryOutboxEntry',
  'discardOutboxEntry',
  'getDrafts',
  'setDraft',
  'setFocusedConversation',
  'openExternal',
  'getBackfillStatus',
  'getUpdateStatus',
  'checkForUpdates',
  'restartToUpdate',
  'cancelRestartToUpdate',
  'dismissLocalDataNotice',
  'clearLocalData',
  'bulkViewIds',
  'startBulkAction',
  'cancelBulkAction',
  'retryBulkAction',
  'undoBulkAction',
  'snoozeConversation',
  'listSnoozes',
  'wakeSnoozed',
] as const
export type InvokeChannel = (typeof invokeChannels)[number]

/** Pushes: main → renderer (`webContents.send`). */
export const eventChannels = [
  'appStateChanged',
  'conversationsChanged',
  'messagesChanged',
  'syncStatus',
  'outboxChanged',
  'openConversation',
  'updateStatus',
  'backfillStatus',
  'bulkStatus',
  'snoozesChanged',
] as const
export type EventChannel = (typeof eventChannels)[number]

/** The IPC channel string for a bridge name. One prefix so that nothing else
 * (devtools extensions, Electron internals) can collide with ours. */
export const ipcChannelName = (name: InvokeChannel | EventChannel): string => `inbox-desk:${name}`

/** The global the preload exposes in the renderer (`window.inboxDesk`). */
export const BRIDGE_GLOBAL = 'inboxDesk'
