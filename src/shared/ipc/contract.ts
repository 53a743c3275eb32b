/**
 * The bridge contract: every channel between the renderer and main, with the
 * schema of its argument and the type of its result.
 *
 * - main validates every argument with `invokeContract[name].args` before a
 *   handler sees it (src/main/ipc);
 * - the preload exposes one named function per channel (src/preload);
 * - the renderer calls those through a typed client (src/renderer/src/bridge).
 *
 * Every call resolves to a `BridgeResult`: errors cross the bridge as typed
 * values the UI can show, never as thrown Electron errors (whose messages
 * Electron rewrites and whose types it drops).
 *
 * How to add a channel: add its name to `channels.ts`, its entry below, its
 * handler in src/main/ipc/handlers.ts. The preload and the renderer client
 * pick it up from the types.
 */
import { z } from 'zod'
import type { Conversation, Message, MessagesPage, User } from '../api/schemas'
import {
  API_LIMITS,
  archivedFilterSchema,
  isoDateTime,
  orderByFields,
  REPLY_MAX_LENGTH,
  replyTextSchema,
} from '../api/schemas'
import type { RestartToUpdateResult, UpdateStatus } from '../update/status'
import { proxySettingsSchema } from '../network/proxy'
import { searchInboxArgsSchema, type SearchInboxResult } from './search'
import {
  bulkBatchArgsSchema,
  bulkViewIdsArgsSchema,
  startBulkActionArgsSchema,
  type BulkFailureOf,
  type BulkStatusOf,
} from './bulk'
import { snoozeArgsSchema, snoozeChatArgsSchema, type SnoozedConversationOf, type SnoozeListOf } from './snooze'
import { errorTexts, type ErrorCode, type TextValues } from '../i18n/error-texts'
import { hasUnfilledField } from '../domain/reply-template'
import type { EventChannel, InvokeChannel } from './channels'

// ---- Errors ----------------------------------------------------------------

export const bridgeErrorKinds = [
  /** The renderer sent an argument that does not match the contract. */
  'invalid_argument',
  /** The API key was refused (401): the account needs a new key. */
  'unauthorized',
  /** The conversation or user is gone (404). */
  'not_found',
  /** The server refused our request as malformed (400): a bug on our side. */
  'bad_request',
  /** Too many requests (429): wait `retryAfterMs`. */
  'rate_limited',
  /** The server or a service behind it is down (502/503), after retries. */
  'unavailable',
  /** No answer: DNS, refused connection, dropped socket. */
  'network',
  /** The server did not answer in time. */
  'timeout',
  /** The proxy refused, could not reach the server, or wants a sign-in: `cause` says which. */
  'proxy',
  /** The server's certificate is not trusted, has expired, names another host; or TLS failed. Never retried. */
  'certificate',
  /** The server answered something that does not match the contract. */
  'invalid_response',
  /** No OS keychain (Secret Service) is available to keep the key. */
  'keychain_unavailable',
  /** The call needs an account and none is connected. */
  'no_account',
  /** Anything else: a bug. The message says what happened. */
  'internal',
] as const
export type BridgeErrorKind = (typeof bridgeErrorKinds)[number]

/** Why a connection failed, when main could tell (src/main/api/transport-errors.ts). */
export const transportCauses = [
  'proxy_refused',
  'proxy_tunnel_failed',
  'proxy_auth_required',
  'proxy_unresolved',
  'proxy_config_failed',
  'cert_untrusted',
  'cert_expired',
  'cert_name_mismatch',
  'cert_revoked',
  'cert_invalid',
  'client_cert_required',
  'tls_failed',
  'name_not_resolved',
  'offline',
  'unreachable',
  'refused',
  'connect_timeout',
  'reset',
  'timed_out',
] as const
export type TransportCause = (typeof transportCauses)[number]

export interface BridgeError {
  kind: BridgeErrorKind
  /** A sentence a support agent can read (English; see `cause`). */
  message: string
  /**
   * For a connection that failed for a known reason, when nothing may have been sent: the renderer shows
   * the catalog's `errors.<cause>` (with `host`) in the UI language instead of `message`.
   */
  cause?: TransportCause
  /** The API's host, for `cause`'s sentence. */
  host?: string
  /** For `rate_limited`: how long to wait. */
  retryAfterMs?: number
  /** For `bad_request`/`invalid_response`/`internal`: the technical detail. */
  detail?: string
  /**
   * The sentence by its code (src/shared/i18n/error-texts.ts): the renderer shows the catalog's `errors.<code>`
   * with `values` in the UI language; `message` is the same sentence in English, for the log.
   */
  code?: ErrorCode
  values?: TextValues
}

/** Bulk actions (./bulk.ts): a conversation a batch could not change, and a batch's progress. */
export type BulkFailure = BulkFailureOf<BridgeError>
export type BulkStatus = BulkStatusOf<BridgeError>

/** Snooze (./snooze.ts): one snoozed conversation with why its last wake failed, and the Snoozed view's list. */
export type SnoozedConversation = SnoozedConversationOf<BridgeError>
export type SnoozeList = SnoozeListOf<BridgeError>

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError }

// ---- Settings the renderer may see and change -----------------------------

export const themePreferenceSchema = z.enum(['light', 'dark', 'system'])
export type ThemePreference = z.infer<typeof themePreferenceSchema>

// ---- Bounds on what the renderer sends -----------------------------------------
//
// Every string that crosses the bridge is bounded: a renderer that sends a
// 10 MB "user id" must get invalid_argument, not have it written to
// settings.json and echoed in every state event.

/**
 * An id the renderer passes on (a conversation, user or channel id): 1 to 200
 * characters, the contract's bound, and never `.` or `..`, which would
 * address a parent path if an id ever became part of a URL path or a file name.
 */
export const bridgeIdSchema = z
  .string()
  .min(1)
  .max(API_LIMITS.idLength)
  .refine((id) => id !== '.' && id !== '..', 'must not be . or ..')

/** A channel id as a filter item: also no comma or whitespace, which would split it into other ids on the wire. */
const channelIdSchema = bridgeIdSchema.regex(/^[^,\s]+$/, 'must not contain a comma or whitespace')

/** The renderer's own id for a reply (a UUID today). */
const clientIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[\w-]+$/, 'letters, digits, - and _ only')

/** Drafts longer than a reply can be are still kept (the agent trims them before sending), up to this many UTF-16 units. */
export const DRAFT_MAX_LENGTH = REPLY_MAX_LENGTH * 4

const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM')

export const cannedReplySchema = z.object({
  shortcut: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[\w-]+$/, 'letters, digits, - and _ only'),
  text: replyTextSchema,
})
export type CannedReply = z.infer<typeof cannedReplySchema>
/** The most canned replies the settings keep. */
export const CANNED_REPLIES_MAX = 200

export const notificationSettingsSchema = z.object({
  /** New inbound message on a conversation assigned to me. */
  inboundMine: z.boolean(),
  /** New inbound message on an unassigned conversation. */
  inboundUnassigned: z.boolean(),
  /** New inbound message on any conversation (includes teammates'). */
  inboundAll: z.boolean(),
  /** A conversation newly assigned to me by someone else. */
  assignedToMe: z.boolean(),
  sound: z.boolean(),
  doNotDisturb: z.boolean(),
  /** Quiet hours, local time; `from` > `to` spans midnight. */
  dndSchedule: z.object({
    enabled: z.boolean(),
    from: clockTimeSchema,
    to: clockTimeSchema,
  }),
})
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>

/** The UI language: `system` follows the OS (src/shared/i18n/locales.ts). */
export const localePreferenceSchema = z.enum(['system', 'en', 'es', 'pt-BR', 'de', 'ar'])
export type LocalePreference = z.infer<typeof localePreferenceSchema>
/** Times as 13:05 or 1:05 PM; `system` uses the UI language's habit. */
export const clockPreferenceSchema = z.enum(['system', '12h', '24h'])

/** A Chromium spell-checker dictionary: a BCP 47 tag as `session.availableSpellCheckerLanguages` lists them. */
export const spellCheckLanguageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$/, 'a language tag like en-US')

/** How far back the history backfill stores messages (src/main/backfill): 0 is off. */
export const historyDaysChoices = [0, 7, 30, 90, 365] as const
export const historyDaysSchema = z.literal(historyDaysChoices, {
  error: `one of ${historyDaysChoices.join(', ')} days (0 is off)`,
})
export type HistoryDays = z.infer<typeof historyDaysSchema>

export const rendererSettingsSchema = z.object({
  theme: themePreferenceSchema,
  locale: localePreferenceSchema,
  clock: clockPreferenceSchema,
  /** Who "Mine" means: the agent picks themself from the assignable users. */
  meUserId: bridgeIdSchema.nullable(),
  closeToTray: z.boolean(),
  notifications: notificationSettingsSchema,
  cannedReplies: z.array(cannedReplySchema).max(CANNED_REPLIES_MAX),
  /** The spell checker's dictionaries, one or more; `null` follows the UI language (src/shared/i18n/spellcheck.ts). */
  spellCheckLanguages: z.array(spellCheckLanguageSchema).min(1).max(8).nullable(),
  /** Settings → Network: how main's requests reach the network (src/shared/network/proxy.ts). */
  proxy: proxySettingsSchema,
  /** Settings → Offline history: the days of messages kept on this computer ahead of opening a thread. */
  historyDays: historyDaysSchema,
  /** The contact panel beside the open thread: shown (true) or collapsed. */
  contactPanel: z.boolean(),
})
export type RendererSettings = z.infer<typeof rendererSettingsSchema>

export const settingsPatchSchema = rendererSettingsSchema
  .extend({ notifications: notificationSettingsSchema.partial() })
  .partial()
  .strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

// ---- App state ---------------------------------------------------------------

export interface AccountSummary {
  /** `demo`: the bundled sandbox running inside the app. */
  kind: 'demo' | 'remote'
  baseUrl: string
  /** Where the key lives: the OS keychain, or memory for this session only. */
  keyStorage: 'keychain' | 'session'
}

export interface KeychainStatus {
  available: boolean
  /** Why not, in words, when unavailable. */
  reason?: string
}

export interface AppState {
  account: AccountSummary | null
  keychain: KeychainStatus
  settings: RendererSettings
  /** Set when the saved account needs attention (a refused key at start). */
  accountProblem: BridgeError | null
  /** What happened to the inbox saved on this computer, told once (until dismissed). */
  localDataNotice: LocalDataNotice | null
  /** The conversation last opened on this account (kept in its database): a start opens it again. */
  lastOpenConversation: string | null
  platform: string
  version: string
  /** The OS's preferred languages, most preferred first (BCP 47), for a `system` locale. */
  systemLocales: string[]
  /** The spell-checker dictionaries Chromium offers (empty on macOS, whose own spell checker is used). */
  availableSpellCheckLanguages: string[]
}

/**
 * The account's local database (src/main/store), when something about it must be said:
 * - `rebuilt`: the file was damaged, set aside and started afresh (the server refills it); what was kept;
 * - `unavailable`: it cannot be written (why: `read_only`, `disk_full`, `too_new`, else `failed`): the inbox
 *   works for this session from memory, not offline, and replies wait in memory;
 * - `draftsSetAside`: the drafts file of an earlier version could not be read whole: its legible drafts were
 *   kept and it was moved aside, under the name `movedTo` in the app's data folder.
 */
export type LocalDataNotice =
  | { kind: 'rebuilt'; keptReplies: number; keptDrafts: number }
  | { kind: 'unavailable'; reason: 'read_only' | 'disk_full' | 'too_new' | 'failed' }
  | { kind: 'draftsSetAside'; keptDrafts: number; movedTo: string }

// ---- Sync, outbox, drafts ---------------------------------------------------

export interface SyncStatus {
  state: 'idle' | 'syncing' | 'offline' | 'backoff' | 'auth_required' | 'stopped'
  /** The last sync that succeeded, ISO. */
  lastSyncedAt: string | null
  /** The error behind `backoff`/`offline`/`auth_required`. */
  error: BridgeError | null
  /** When the next attempt is due, ISO. */
  nextAttemptAt: string | null
  /** Since when syncing has been failing or paused offline (ISO), until a sync succeeds again. */
  failingSince: string | null
}

export type OutboxState =
  /** On disk, not yet sent (or waiting to be retried). */
  | 'pending'
  /** A POST is in flight. */
  | 'sending'
  /** The server accepted it (202): `messageId` is known. */
  | 'accepted'
  /** The server refused it for good (400/404): the agent decides. */
  | 'failed'
  /** Its outcome is unknown and the thread could not be read when its ambiguity window ended: the agent checks
   * the conversation, then resends (retry) or discards it. Never resent on its own (docs/outbox.md). */
  | 'unconfirmed'

export interface OutboxEntry {
  /** Made by the renderer; lets the UI match its optimistic bubble. */
  clientId: string
  chatId: string
  text: string
  state: OutboxState
  createdAt: string
  attempts: number
  messageId: number | null
  /** The newest message id of the thread, read just before the first attempt (null until then): after an
   * ambiguous failure, our message, if the server has it, is an outbound one above this id with our text. */
  baselineMessageId: number | null
  error: BridgeError | null
  /** Set while this computer's disk refuses the entry (full, read-only): nothing is sent for it until it is
   * saved, and saving is retried (src/main/outbox/unsaved.ts). */
  notSaved: BridgeError | null
}

/** The history backfill's progress (src/main/backfill), for the indicator. */
export interface BackfillStatus {
  /** `off`: the setting is off; `idle`: no account; `running`; `paused`: offline, asleep, or waiting for the
   * server (a 429's Retry-After, a backoff); `done`: every conversation of the window is stored. */
  state: 'off' | 'idle' | 'running' | 'paused' | 'done'
  /** Conversations of the window whose messages are stored, of `total`. */
  done: number
  total: number
  /** The window, in days. */
  days: number
}

export interface ConversationsChangedEvent {
  /** Conversations new or changed since the last event (archived included). */
  upserted: Conversation[]
  /** True when this is a full list: anything not in it is gone. */
  full: boolean
  /** Sum of unreadCount over active conversations, as the badge shows it. */
  unreadTotal: number
}

export interface MessagesChangedEvent {
  chatId: string
  /** New messages, or known ones whose status changed. Ascending id. */
  messages: Message[]
}

// ---- The contract ------------------------------------------------------------

const none = z.undefined()
const chatIdArg = z.object({ chatId: bridgeIdSchema }).strict()
const messageIdArg = z.number().int().min(1).max(API_LIMITS.messageId)

/** A phantom carrier for a channel's result type: zod checks the argument,
 * TypeScript carries the result. */
interface InvokeSpec<Args extends z.ZodType, Result> {
  args: Args
  result?: Result
}
const spec = <Result>() => {
  return <Args extends z.ZodType>(args: Args): InvokeSpec<Args, Result> => ({ args })
}

export const listConversationsArgsSchema = z
  .object({
    archived: archivedFilterSchema.optional(),
    channelIds: z.array(channelIdSchema).max(50).optional(),
    dateFrom: isoDateTime.optional(),
    unreadOnly: z.boolean().optional(),
    orderBy: z
      .string()
      .regex(new RegExp(`^[-+]?(${orderByFields.join('|')})$`), {
        message: `one of ${orderByFields.join(', ')}, prefixed with - or +`,
      })
      .optional(),
  })
  .strict()
export type ListConversationsArgs = z.infer<typeof listConversationsArgsSchema>

export const invokeContract = {
  getAppState: spec<AppState>()(none),
  connectAccount: spec<AccountSummary>()(
    z
      .object({
        baseUrl: z.string().trim().min(1, errorTexts['validation.apiAddress']).max(2048),
        apiKey: z.string().trim().min(1, errorTexts['validation.apiKey']).max(4096),
        /** `session`: the user chose to keep the key in memory only. */
        keyStorage: z.enum(['keychain', 'session']).default('keychain'),
      })
      .strict(),
  ),
  startDemo: spec<AccountSummary>()(none),
  removeAccount: spec<null>()(none),
  updateSettings: spec<RendererSettings>()(settingsPatchSchema),
  listConversations: spec<Conversation[]>()(listConversationsArgsSchema),
  getMessages: spec<MessagesPage>()(
    chatIdArg.extend({
      idFrom: messageIdArg.optional(),
      idTo: messageIdArg.optional(),
    }),
  ),
  /** When the conversation began (its first message's date; null: no messages), for the contact panel. */
  getFirstMessageDate: spec<string | null>()(chatIdArg),
  /** Full-text search over the stored history, within the view (./search.ts). */
  searchInbox: spec<SearchInboxResult>()(searchInboxArgsSchema),
  markRead: spec<null>()(chatIdArg),
  archive: spec<null>()(chatIdArg),
  unarchive: spec<null>()(chatIdArg),
  assign: spec<null>()(chatIdArg.extend({ userId: bridgeIdSchema })),
  unassign: spec<null>()(chatIdArg),
  listUsers: spec<User[]>()(none),
  sendReply: spec<OutboxEntry>()(
    chatIdArg.extend({
      clientId: clientIdSchema,
      text: z
        .string()
        .trim()
        .min(1, errorTexts['validation.replyEmpty'])
        .pipe(replyTextSchema)
        // A saved reply's field ({{contact.name}}, {{?Order number}}) is never sent to a customer as is.
        .refine((text) => !hasUnfilledField(text), 'The reply still has a field to fill in ({{…}})'),
    }),
  ),
  listOutbox: spec<OutboxEntry[]>()(none),
  retryOutboxEntry: spec<OutboxEntry>()(z.object({ clientId: clientIdSchema }).strict()),
  discardOutboxEntry: spec<null>()(z.object({ clientId: clientIdSchema }).strict()),
  getDrafts: spec<Record<string, string>>()(none),
  setDraft: spec<null>()(chatIdArg.extend({ text: z.string().max(DRAFT_MAX_LENGTH) })),
  /** Which conversation the agent is looking at (null: none), so main can
   * stay quiet about it while the window has focus. */
  setFocusedConversation: spec<null>()(z.object({ chatId: bridgeIdSchema.nullable() }).strict()),
  openExternal: spec<null>()(z.object({ url: z.string().min(1).max(8192) }).strict()),
  /** Auto-update (src/main/update): the status, "Check now", "Restart to update" (which may wait for the outbox). */
  /** The history backfill's progress now (then `backfillStatus` events). */
  getBackfillStatus: spec<BackfillStatus>()(none),
  getUpdateStatus: spec<UpdateStatus>()(none),
  checkForUpdates: spec<UpdateStatus>()(none),
  restartToUpdate: spec<RestartToUpdateResult>()(none),
  cancelRestartToUpdate: spec<UpdateStatus>()(none),
  /** The local-data notice was read (AppState.localDataNotice → null). */
  dismissLocalDataNotice: spec<null>()(none),
  /** Settings → "Clear local data": the account's database is deleted and filled again from the server;
   * unsent replies and drafts are carried over. */
  clearLocalData: spec<null>()(none),
  /** Bulk actions (./bulk.ts, src/main/bulk): the ids of a whole view ("select all"), a batch started, cancelled,
   * its failures retried, the whole batch undone (a new batch, whose status is answered). */
  bulkViewIds: spec<{ chatIds: string[] }>()(bulkViewIdsArgsSchema),
  startBulkAction: spec<BulkStatus>()(startBulkActionArgsSchema),
  cancelBulkAction: spec<BulkStatus>()(bulkBatchArgsSchema),
  retryBulkAction: spec<BulkStatus>()(bulkBatchArgsSchema),
  undoBulkAction: spec<BulkStatus>()(bulkBatchArgsSchema),
  /** Snooze (./snooze.ts, src/main/snooze): archived now, unarchived when due; the Snoozed view's list; a snoozed
   * conversation woken now. Each answers the list as it is then. */
  snoozeConversation: spec<SnoozeList>()(snoozeArgsSchema),
  listSnoozes: spec<SnoozeList>()(none),
  wakeSnoozed: spec<SnoozeList>()(snoozeChatArgsSchema),
} satisfies Record<InvokeChannel, InvokeSpec<z.ZodType, unknown>>

export type InvokeArgs<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['args']>
export type InvokeParsedArgs<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['args']>
export type InvokeResult<C extends InvokeChannel> = Exclude<(typeof invokeContract)[C]['result'], undefined>

/** Payload of each push event. */
export interface EventPayloads {
  appStateChanged: AppState
  conversationsChanged: ConversationsChangedEvent
  messagesChanged: MessagesChangedEvent
  syncStatus: SyncStatus
  outboxChanged: OutboxEntry[]
  openConversation: { chatId: string }
  updateStatus: UpdateStatus
  backfillStatus: BackfillStatus
  bulkStatus: BulkStatus
  snoozesChanged: SnoozeList
}
// Compile-time check: one payload per event channel, no more, no less.
type _EveryEventHasAPayload = [EventChannel] extends [keyof EventPayloads]
  ? [keyof EventPayloads] extends [EventChannel]
    ? true
    : never
  : never
export const everyEventHasAPayload: _EveryEventHasAPayload = true

/** What the preload exposes as `window.inboxDesk`. */
export type InboxDeskBridge = {
  [C in InvokeChannel]: (
    ...args: undefined extends InvokeArgs<C> ? [arg?: InvokeArgs<C>] : [arg: InvokeArgs<C>]
  ) => Promise<BridgeResult<InvokeResult<C>>>
} & {
  /** Subscribe to a push event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}
