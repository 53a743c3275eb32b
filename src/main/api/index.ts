// The API client's public face: other folders import it from here, never from its files.
export { createInboxClient, type InboxClientOptions } from './client'
export { networkReason } from './error-mapping'
export { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, type RetryPolicy } from './transport'
export { plainHttpProblem } from './plain-http'
