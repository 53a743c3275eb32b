/**
 * Bulk actions (src/main/bulk) wired to the live engine: a batch acts on the connected account's client and
 * main's picture of its conversations, follows the network, and its status goes to the window.
 */
import { createBulkService, type BulkAccount, type BulkService } from '../bulk'
import type { InboxEngineDeps } from './inbox-engine-deps'
import type { DeviceConditions, LiveAccount, LiveInboxEngineOptions } from './live-account'

export function createLiveBulk(
  deps: InboxEngineDeps,
  current: () => LiveAccount,
  conditions: DeviceConditions,
  options: LiveInboxEngineOptions,
): BulkService {
  return createBulkService({
    current: () => bulkAccountOf(current()),
    getMeUserId: () => deps.getSettings().meUserId,
    isOnline: () => conditions.online,
    emit: (status) => deps.adapters.emit('bulkStatus', status),
    log: deps.log.child('bulk'),
    runner: options.bulk,
  })
}

function bulkAccountOf(live: LiveAccount): BulkAccount {
  const { sync, session } = live
  let names: Map<string, string> | null = null
  return {
    accountId: session.accountId,
    target: {
      api: session.client,
      picture: sync,
      // The teammates' names as the conversations show them (the next sync brings a name not seen yet).
      displayName(userId) {
        names ??= new Map(
          sync.getConversations().flatMap((c) => (c.assignee ? [[c.assignee.id, c.assignee.displayName]] : [])),
        )
        return names.get(userId)
      },
      // Snooze through the account's snoozes (src/main/snooze): archive now, the wake time kept; Undo unsnoozes.
      snoozer: live.snoozes,
    },
    async conversations() {
      if (!sync.hasPicture()) await live.firstSync
      return sync.getConversations()
    },
  }
}
