export { createProxyApplier } from './proxy-applier'
export { describeProxyConfig, toElectronProxyConfig } from './proxy-config'
