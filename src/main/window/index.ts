// The window service's public face (placement, the UI protocol, external links): other folders import it from here.
export { initialWindowPlacement, MIN_WINDOW_SIZE } from './bounds'
export { opensFromNewWindow, safeOpenExternal } from './external'
export {
  CONTENT_SECURITY_POLICY,
  createUiRequestHandler,
  isOwnUiUrl,
  UI_BASE_URL,
  UI_ENTRY_URL,
  UI_SCHEME,
} from './ui-protocol'
export { createCrashLoopPolicy, type CrashRecord } from './crash-loop'
export {
  diagnosticsText,
  recoveryActionOf,
  recoveryPageUrl,
  type RecoveryAction,
  type RecoveryNotice,
} from './recovery-page'
export { contextMenuModel, type ContextMenuItem, type ContextMenuParams } from './context-menu'
