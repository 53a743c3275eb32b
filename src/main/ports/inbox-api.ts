/**
 * What the rest of main needs from the Inbox API: one method per operation of
 * `docs/inbox-api.yaml`. `createInboxClient` (./client.ts) implements it over
 * HTTP; the sync engine, outbox and IPC handlers depend on this interface only.
 */
import type {
  Conversation,
  GetMessagesQuery,
  ListConversationsQuery,
  MessagesPage,
  SendReplyResponse,
  User,
} from '../../shared/api/schemas'
import { englishText, type CodedText } from '../../shared/i18n/error-texts'
import type { BridgeErrorKind, TransportCause } from '../../shared/ipc/contract'

export interface InboxApi {
  listConversations(query?: ListConversationsQuery): Promise<Conversation[]>
  getMessages(chatId: string, query?: GetMessagesQuery): Promise<MessagesPage>
  /** Never retried blindly: a failure after the request was sent is `ambiguous`. */
  sendReply(chatId: string, text: string): Promise<SendReplyResponse>
  markRead(chatId: string): Promise<void>
  archive(chatId: string): Promise<void>
  unarchive(chatId: string): Promise<void>
  listAssignableUsers(): Promise<User[]>
  assign(chatId: string, userId: string): Promise<void>
  unassign(chatId: string): Promise<void>
}

/** Every failure of an Inbox API call. `kind` says what the UI should do. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly kind: Extract<
      BridgeErrorKind,
      | 'unauthorized'
      | 'not_found'
      | 'bad_request'
      | 'rate_limited'
      | 'unavailable'
      | 'network'
      | 'timeout'
      | 'proxy'
      | 'certificate'
      | 'invalid_response'
    >,
    /** The sentence: coded (the renderer translates it) or, for a transport cause, plain English. */
    message: string | CodedText,
    readonly details: {
      /** HTTP status, when the server answered. */
      status?: number
      /** From `Retry-After`, for 429. */
      retryAfterMs?: number
      /** The server's own `{error:{code,message}}`, when it sent one. */
      serverCode?: string
      serverMessage?: string
      /** True when the request may have been processed although no answer
       * arrived (timeout or dropped connection after sending). The outbox
       * checks the thread before sending such a reply again. */
      ambiguous?: boolean
      operation?: string
      /** For `network`: the socket error's code (ECONNREFUSED, ENOTFOUND…), when known. */
      networkCode?: string
      /** For `network`/`proxy`/`certificate`: the cause, when the runtime's code named one (../api/transport-errors.ts). */
      cause?: TransportCause
      /** The API's host the call went to (for the renderer's translated sentence). */
      host?: string
    } = {},
  ) {
    super(typeof message === 'string' ? message : englishText(message))
    this.text = typeof message === 'string' ? undefined : message
  }

  /** The sentence by its code, when it has one. */
  readonly text: CodedText | undefined
}
