// The account service's public face: other folders import it from here, never from its files.
export { createAccountService, type AccountService, type DemoSandbox } from './account-service'
export { startDemoSandbox, DEMO_ACCOUNT_NAME } from './demo-sandbox'
export { createKeychainStore, createSessionStore } from './secrets'
export { createSettings, SETTINGS_STORE_NAME, settingsDefaults, type Settings } from './settings'
export { seededCannedReplies } from './canned-seeds'
