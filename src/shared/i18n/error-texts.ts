/**
 * The sentences main (and the bridge contract) words itself for the agent: connect and account failures, the
 * API client's errors, outbox refusals, validation, the store. Each has a stable code; an error carries the code
 * and its values across the bridge (`BridgeError.code`/`values`), the renderer shows the catalog's
 * `errors.<code>` in the UI language, and main keeps the English below as the error's `message` (the log's
 * text). `error-texts.test.ts` pins that every code has its key in all five catalogs and that English there is
 * exactly this text. A value may itself be coded (a phrase such as "while sending a reply"): it is translated
 * first, then put in its place.
 */

/** A sentence by its code, with the values of its `{{placeholders}}`. */
export interface CodedText {
  code: ErrorCode
  values?: TextValues
}
export type TextValue = string | number | CodedText
export type TextValues = Record<string, TextValue>

const API_ANSWER = 'Check that the API address points to an Inbox API, or report this to its provider.'
const MAYBE_SENT =
  'The reply may or may not have been sent; Inbox Desk checks the conversation before sending it again.'

export const errorTexts = {
  internal: 'Something went wrong inside Inbox Desk. Try again; if it keeps happening, report it with this message.',

  // Account and connect (src/main/account, src/main/app)
  'account.none': 'No account is connected. Connect an account or open the demo workspace.',
  'account.stillConnecting': 'The account is still connecting. Try again in a moment.',
  'account.savedNotOpened': 'The saved account could not be opened. Connect it again in Settings.',
  'account.keyUnreadable':
    'The key for {{host}} could not be read from the system keychain ({{reason}}). Unlock the keychain and restart, or enter the key again.',
  'account.keySessionOnly': 'The key for {{host}} was kept for the last session only. Enter it again to reconnect.',
  'account.keyGone': 'The key for {{host}} is no longer in the system keychain. Enter it again to reconnect.',
  'account.keyRefused': 'The key for {{host}} was refused. The account needs a new key: enter it in Settings.',
  'account.removedKeyKept':
    'The account was removed, but its key could not be deleted from the system keychain ({{reason}}). Delete the “Inbox Desk” entry in your keychain app.',
  'demo.notStarted': 'The demo workspace could not start. Try again; if it keeps failing, report it.',
  'demo.broken': 'The demo workspace could not start. Remove it in Settings and start it again.',
  'connect.keyRefused':
    'The key was refused by {{host}}. Check that you copied the whole key and that it belongs to this account.',
  'connect.unreachable': 'Could not reach {{host}}: {{reason}}. Check the address and your connection.',
  'connect.timeout': '{{host}} did not answer in time. Check the address, or try again when the server responds.',
  'connect.notInboxApi':
    "{{host}} answered, but not like an Inbox API. Check the address: it should be the API's base URL, such as https://api.example.com/v1.",
  'connect.keyCharacters':
    'The API key contains spaces, line breaks or characters that cannot be part of a key. Copy it again from your provider.',
  'connect.keychainCannotKeep':
    'The key works, but the system keychain cannot keep it ({{reason}}). You can keep the key for this session only; you will enter it again next time.',
  'connect.keychainNotSaved':
    'The key works, but the system keychain could not save it ({{reason}}). You can keep the key for this session only; you will enter it again next time.',
  'address.notWebAddress':
    '“{{input}}” is not a web address. Enter the API address, for example https://api.example.com.',
  'address.scheme': 'The API address must start with https:// (or http:// for a local server), not {{scheme}}//.',
  'address.plainHttp':
    'The API address {{host}} uses http://, which would send the API key over the network unencrypted. Use its https:// address (http:// is only for a server on this computer, such as http://127.0.0.1).',
  'address.credentials': 'The API address must not contain a user name or password. Put the key in the API key field.',
  'address.noHost': 'The API address has no host name. Enter it as https://api.example.com.',

  // The API client (src/main/api): {{during}} is one of the during.* phrases, {{reason}} one of network.*
  'api.keyRefused':
    'The API key was refused by {{host}} (HTTP {{status}}). The account needs a new key: open Settings and enter a valid one.',
  'api.rateLimited':
    '{{host}} asks Inbox Desk to slow down (too many requests). It will try again in {{seconds}} seconds.',
  'api.stillRateLimited':
    '{{host}} asked Inbox Desk to slow down (too many requests). It will try again in {{seconds}} seconds.',
  'api.replyLength': 'A reply must have between 1 and {{max}} characters (this one has {{length}}); it was not sent.',
  'api.timeout':
    '{{host}} did not answer within {{seconds}} seconds {{during}}. Check your connection, or try again in a moment.',
  'api.timeoutMaybeSent': `{{host}} did not answer within {{seconds}} seconds {{during}}. ${MAYBE_SENT}`,
  'api.unreachable': 'Could not reach {{host}} {{during}}: {{reason}}. Check the address and your connection.',
  'api.unreachableMaybeSent': `Could not reach {{host}} {{during}}: {{reason}}. ${MAYBE_SENT}`,
  'api.keyCharacters':
    'The request to {{host}} could not be sent because the API key contains characters a request cannot carry (spaces, line breaks). Enter the key again.',
  'api.unavailable':
    '{{host}} or a service behind it is unavailable (HTTP {{status}}) {{during}}. Try again in a minute.',
  'api.unavailableServerSaid':
    '{{host}} or a service behind it is unavailable (HTTP {{status}}) {{during}}. Try again in a minute. The server said: “{{server}}”',
  'api.refused':
    '{{host}} refused the request {{during}} (HTTP {{status}}): {{server}}. This is a bug in Inbox Desk; please report it with this message.',
  'api.refusedNoReason':
    '{{host}} refused the request {{during}} (HTTP {{status}}) without a reason. This is a bug in Inbox Desk; please report it with this message.',
  'api.redirected':
    '{{host}} redirected the request {{during}}. Use the final address of the API (for example https:// instead of http://) in Settings.',
  'api.redirectedTo':
    '{{host}} redirected the request to {{location}} {{during}}. Use the final address of the API (for example https:// instead of http://) in Settings.',
  'api.tooLarge': `{{host}} sent an answer larger than {{mib}} MiB {{during}}, so Inbox Desk stopped reading it. ${API_ANSWER}`,
  'api.tooLargeMaybeSent': `{{host}} sent an answer larger than {{mib}} MiB {{during}}, so Inbox Desk stopped reading it. ${API_ANSWER} ${MAYBE_SENT}`,
  'api.notUnderstood': `{{host}} sent an answer Inbox Desk does not understand {{during}} ({{detail}}). ${API_ANSWER}`,
  'api.noConversationsRoute': '{{host}} has no conversations route. Check that the API address points to an Inbox API.',
  'api.noUsersRoute': '{{host}} has no team members route. Check that the API address points to an Inbox API.',
  'api.conversationGone': 'This conversation no longer exists, or it is not in this account. Refresh the list.',
  'api.replyConversationGone':
    'This conversation no longer exists, or it is not in this account: the reply was not sent.',
  'api.assignGone': 'This conversation or this team member no longer exists in this account. Refresh and try again.',
  'api.missingId': '{{operation}} needs a {{field}}, and got an empty one. This is a bug in Inbox Desk.',
  'during.listConversations': 'while loading the conversations',
  'during.getMessages': 'while loading messages',
  'during.sendReply': 'while sending a reply',
  'during.assignConversation': 'while assigning a conversation',
  'during.unassignConversation': 'while unassigning a conversation',
  'during.listAssignableUsers': 'while loading the team members',
  'during.markRead': 'while marking a conversation read',
  'during.archiveConversation': 'while archiving a conversation',
  'during.unarchiveConversation': 'while restoring a conversation',
  'network.refused': 'the connection was refused (are the address and port right, and is the server running?)',
  'network.notFound': 'the host name could not be found',
  'network.unreachable': 'the network is unreachable (are you offline?)',
  'network.dropped': 'the connection was dropped before the server answered',
  'network.connectTimeout': 'the connection could not be opened in time',
  'network.failed': 'the connection failed ({{detail}})',
  'sync.offline': 'This computer is offline.',

  // Changes only the server can make, refused offline (src/main/app/server-change.ts)
  'needsServer.markRead': 'Marking as read needs a connection to the server; nothing was changed.',
  'needsServer.archive': 'Archiving needs a connection to the server; nothing was changed.',
  'needsServer.unarchive': 'Restoring from the archive needs a connection to the server; nothing was changed.',
  'needsServer.assign': 'Assigning needs a connection to the server; nothing was changed.',
  'needsServer.unassign': 'Unassigning needs a connection to the server; nothing was changed.',
  'needsServer.snooze': 'Snoozing needs a connection to the server; nothing was changed.',
  'needsServer.wake': 'Waking a snoozed conversation needs a connection to the server; it stays snoozed.',
  'needsServer.unconfirmed':
    'The server did not confirm this change before the connection was lost. The inbox shows what the server has as soon as it answers.',

  // Outbox, drafts, links (src/main/outbox, src/main/drafts, src/main/window)
  'outbox.entryGone': 'This reply is no longer in the outbox.',
  'outbox.full':
    'The outbox already holds {{max}} replies that are not sent yet. Wait until they go out (check the connection), or discard some, before sending more.',
  'outbox.sendingNow': 'This reply is being sent right now; wait for the outcome.',
  'outbox.unconfirmed': "Couldn't confirm this was sent — check the conversation, then Resend or Discard.",
  'drafts.full':
    '{{max}} conversations already have an unsent draft. Send or clear some of them, and this draft will be kept too.',
  'link.invalid': 'This link is not a valid address, so it was not opened.',
  'link.scheme':
    'Inbox Desk only opens web, email and phone links (https, http, mailto, tel); this link uses “{{scheme}}” and was not opened.',

  // The bridge contract (src/shared/ipc, src/main/ipc)
  'bridge.unknownCall': 'There is no bridge call named “{{name}}”.',
  'bridge.noArgument': '{{channel}} takes no argument.',
  'bridge.needsObject': '{{channel}} needs an object as its argument ({{problem}}).',
  'bridge.invalidArgument': 'The argument of {{channel}} is invalid: {{problem}}.',
  'bridge.invalidField': 'The field “{{field}}” of {{channel}} is invalid: {{problem}}.',
  'bridge.missingField': '{{channel}} needs the field “{{field}}”.',
  'bridge.unknownField': '{{channel}} does not accept the field {{fields}}.',
  'bridge.unknownFields': '{{channel}} does not accept the fields {{fields}}.',
  'validation.apiAddress': 'Enter the API address',
  'validation.apiKey': 'Enter the API key',
  'validation.replyEmpty': 'The reply is empty',

  // Bulk actions (src/main/bulk)
  'bulk.needsServer':
    'Bulk actions need the server, and this computer is offline. Nothing was changed; try again when you are back online.',
  'bulk.notInAccount': 'This conversation is not in the connected account, so it was not changed.',
  'bulk.unknownBatch': 'This bulk action is no longer known (the account changed, or it is too old).',
  'bulk.stillRunning': 'This bulk action is still running. Wait for it to finish, or cancel it.',
  'bulk.nothingToUndo': 'There is nothing to undo for this bulk action.',
  'bulk.snoozeUnavailable': 'Snoozing is not available in this version.',

  // Snooze (src/main/snooze)
  'snooze.inPast': 'That time has already passed. Pick a time in the future.',
  'snooze.tooFar': 'Pick a time within the next year.',
  'snooze.unknownConversation': 'This conversation is not in the inbox, so it cannot be snoozed.',
  'snooze.notSnoozed': 'This conversation is not snoozed any more.',

  // The local database (src/main/store); {{reason}} is one of the store.* sentences
  'search.failed': 'Search did not work: {{reason}}',
  'store.read_only':
    'Inbox Desk cannot save to its data folder (it is read-only or not allowed). Replies stay in the outbox until saving works again.',
  'store.disk_full':
    'The disk is full: Inbox Desk cannot save new data. Free some space; nothing already saved is lost.',
  'store.corrupt': 'The local inbox database is damaged. Inbox Desk rebuilds it from the server.',
  'store.too_new': 'The local inbox database was written by a newer version of Inbox Desk. Update the app to open it.',
  'store.busy': 'The local inbox database is in use by another copy of Inbox Desk.',
  'store.failed': 'The local inbox database could not be read or written.',
} as const

export type ErrorCode = keyof typeof errorTexts

export const errorCodes = Object.keys(errorTexts) as ErrorCode[]

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorTexts, value)
}

/** `{{name}}` filled from `values` by `render` (English here; the renderer's i18next in the UI language). */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole)
}

/** The English sentence, coded values first (main's message and log text). */
export function englishText(text: CodedText): string {
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries(text.values ?? {})) {
    values[name] = typeof value === 'object' ? englishText(value) : String(value)
  }
  return fillPlaceholders(errorTexts[text.code], values)
}

/** Shorthand: `coded('api.timeout', { host, seconds, during: coded('during.sendReply') })`. */
export function coded(code: ErrorCode, values?: TextValues): CodedText {
  return values === undefined ? { code } : { code, values }
}

/** The code of a sentence given as its exact English (a zod message written as `errorTexts[code]`), if any. */
export function codeOfEnglish(message: string): ErrorCode | undefined {
  return errorCodes.find((code) => errorTexts[code] === message)
}
