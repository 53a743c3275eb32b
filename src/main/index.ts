// The main process entry. The Electron shell lives in ./shell; everything it
// wires together (API client, account, sync, outbox, notify policy, sandbox)
// is plain Node code tested without Electron.
import './shell/main'
