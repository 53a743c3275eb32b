/**
 * Every bridge channel, answered by the core, and only for our own UI: a request from any other frame
 * (an embedded page, a navigation we did not make) is refused before the core sees it.
 */
import { ipcMain } from 'electron'
import { invokeChannels, ipcChannelName } from '../../shared/ipc/channels'
import type { BridgeResult } from '../../shared/ipc/contract'
import type { MainCoreInternals } from '../app'
import type { Logger } from '../ports/logger'
import { isOwnUiUrl } from '../window'

export function routeBridgeChannels(
  core: Pick<MainCoreInternals, 'invoke' | 'i18n'>,
  uiBaseUrl: string,
  log: Logger,
): void {
  for (const name of invokeChannels) {
    ipcMain.handle(
      ipcChannelName(name),
      (event, arg: unknown): Promise<BridgeResult<unknown>> | BridgeResult<unknown> => {
        const senderUrl = event.senderFrame?.url
        if (!isOwnUiUrl(senderUrl, uiBaseUrl)) {
          log.warn(`Refused "${name}" from a frame that is not the Inbox Desk UI.`)
          return {
            ok: false,
            error: {
              kind: 'internal',
              message: core.i18n.t('errors.notOurWindow'),
            },
          }
        }
        return core.invoke(name, arg)
      },
    )
  }
}
