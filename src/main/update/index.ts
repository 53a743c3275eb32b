// The update service's public face (src/main/update/README.md): the composition root builds it, the shell
// only implements the Updater port (src/main/ports/updater.ts).
export { createUpdateService, DEFAULT_CHANNEL, type UpdateService, type UpdateServiceDeps } from './update-service'
export { createSystemProbe } from './system-probe'
export type { InstallFacts } from './install-kind'
