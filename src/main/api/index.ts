// The API client's public face: other folders import it from here, never from its files.
export {
  createInboxClient,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  describeNetworkError,
  type InboxClientOptions,
  type RetryPolicy,
} from './client'
