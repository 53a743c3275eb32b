/**
 * The seam for the sync engine and the outbox (src/main/sync, src/main/outbox,
 * src/main/notify): everything that keeps the inbox live and sends replies.
 * Core talks to it through this interface only, so wiring the real engine is a
 * change to `createInboxEngine` below (or `CoreOptions.createInboxEngine`),
 * never to the dispatcher or the handlers.
 */
import type { InvokeParsedArgs, OutboxEntry, RendererSettings } from '../../shared/ipc/contract'
import type { AccountSession } from '../account/account-service'
import { BridgeFailure } from './errors'
import type { ShellAdapters } from './adapters'
import type { Logger } from '../log'

export interface InboxEngineDeps {
  adapters: ShellAdapters
  log: Logger
  /** The renderer settings of the moment (notification switches, meUserId). */
  getSettings(): RendererSettings
  /** The conversation the agent is looking at, if any. */
  getFocusedConversation(): string | null
  isWindowFocused(): boolean
}

export interface InboxEngine {
  /** An account connected, was restored, or changed (`null`: removed). Start or stop syncing. */
  accountChanged(session: AccountSession | null): Promise<void>
  sendReply(args: InvokeParsedArgs<'sendReply'>): Promise<OutboxEntry>
  listOutbox(): Promise<OutboxEntry[]>
  retryOutboxEntry(clientId: string): Promise<OutboxEntry>
  discardOutboxEntry(clientId: string): Promise<void>
  setWindowFocused(focused: boolean): void
  setSystemAwake(awake: boolean): void
  setOnline(online: boolean): void
  setFocusedConversation(chatId: string | null): void
  settingsChanged(settings: RendererSettings): void
  stop(): Promise<void>
}

const notWired = (what: string) =>
  new BridgeFailure('internal', `${what} is not available yet in this build of Inbox Desk.`, {
    detail: 'internal: not wired yet (src/main/core/inbox-engine.ts)',
  })

/** Until the sync engine and outbox land: lifecycle calls do nothing, reply calls say so. */
export function createUnwiredInboxEngine(): InboxEngine {
  return {
    accountChanged: async () => undefined,
    sendReply: async () => {
      throw notWired('Sending replies')
    },
    listOutbox: async () => {
      throw notWired('The outbox')
    },
    retryOutboxEntry: async () => {
      throw notWired('Retrying a reply')
    },
    discardOutboxEntry: async () => {
      throw notWired('Discarding a reply')
    },
    setWindowFocused: () => undefined,
    setSystemAwake: () => undefined,
    setOnline: () => undefined,
    setFocusedConversation: () => undefined,
    settingsChanged: () => undefined,
    stop: async () => undefined,
  }
}

/** The engine core uses unless `CoreOptions.createInboxEngine` says otherwise. */
export function createInboxEngine(_deps: InboxEngineDeps): InboxEngine {
  return createUnwiredInboxEngine()
}
