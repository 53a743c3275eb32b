/**
 * Native notifications: one per conversation. A newer notification for the
 * same tag closes the older first, so the notification centre never fills up
 * with one chatty customer. The Notification `id` is the tag too: on Windows
 * it becomes the toast's Tag, which replaces rather than stacks.
 */
import { Notification } from 'electron'
import type { NativeNotificationRequest } from '../ports/shell-adapters'
import type { Logger } from '../ports/logger'

export interface NotificationPresenter {
  show(request: NativeNotificationRequest): void
  closeAll(): void
}

export function createNotificationPresenter(options: {
  log: Logger
  /** Bring the window forward (from the tray if hidden) and open the conversation. */
  onClick(chatId: string): void
}): NotificationPresenter {
  // Kept referenced: a Notification that is garbage-collected loses its click handler.
  const shown = new Map<string, Notification>()
  return {
    show(request) {
      if (!Notification.isSupported()) {
        options.log.warn('Native notifications are not supported on this system; one was not shown.')
        return
      }
      shown.get(request.tag)?.close()
      const notification = new Notification({
        title: request.title,
        body: request.body,
        silent: request.silent,
        id: request.tag,
      })
      notification.on('click', () => {
        if (shown.get(request.tag) === notification) shown.delete(request.tag)
        options.onClick(request.chatId)
      })
      notification.on('close', () => {
        if (shown.get(request.tag) === notification) shown.delete(request.tag)
      })
      shown.set(request.tag, notification)
      notification.show()
    },
    closeAll() {
      for (const notification of shown.values()) notification.close()
      shown.clear()
    },
  }
}
