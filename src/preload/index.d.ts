import type { InboxDeskBridge } from '../shared/ipc/contract'

declare global {
  interface Window {
    inboxDesk: InboxDeskBridge
  }
}

export {}
