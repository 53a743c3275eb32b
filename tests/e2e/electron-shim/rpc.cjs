'use strict'
// CommonJS on purpose: this runs as plain Node in the child process, before and beside the app's bundle.
/**
 * The child side of the runner <-> main-process channel: Node's IPC channel of
 * a forked process (`serialization: 'advanced'`, so Buffers and undefined
 * survive). Calls go both ways and are answered by id; notifications get no
 * answer. The runner side is `host.ts`.
 */

let nextCallId = 1
/** @type {Map<number, {resolve: (value: unknown) => void, reject: (error: Error) => void, method: string}>} */
const pending = new Map()
/** @type {Map<string, (params: any) => unknown>} */
const handlers = new Map()

function post(message) {
  if (!process.connected) return false
  try {
    process.send(message)
    return true
  } catch (error) {
    // A value that cannot be cloned (a function, an Electron-like object):
    // answer with an error instead of leaving the caller waiting forever.
    if (message.kind === 'reply' && message.ok) {
      process.send({
        kind: 'reply',
        id: message.id,
        ok: false,
        error: { message: `The result cannot be sent to the test runner: ${error.message}` },
      })
      return true
    }
    throw error
  }
}

/** Calls a method on the runner and resolves with its answer. */
function call(method, params) {
  return new Promise((resolve, reject) => {
    const id = nextCallId++
    pending.set(id, { resolve, reject, method })
    if (!post({ kind: 'call', id, method, params })) {
      pending.delete(id)
      reject(new Error(`The test runner is gone (calling ${method})`))
    }
  })
}

/** Tells the runner something; no answer. */
function notify(method, params) {
  post({ kind: 'notify', method, params })
}

/** Serves a method the runner calls. */
function handle(method, handler) {
  handlers.set(method, handler)
}

function errorToPlain(error) {
  if (error instanceof Error) return { message: error.message, stack: error.stack }
  return { message: String(error) }
}

process.on('message', async (message) => {
  if (!message || typeof message !== 'object') return
  if (message.kind === 'reply') {
    const waiter = pending.get(message.id)
    if (!waiter) return
    pending.delete(message.id)
    if (message.ok) waiter.resolve(message.value)
    else waiter.reject(Object.assign(new Error(message.error.message), { runnerStack: message.error.stack }))
    return
  }
  const handler = handlers.get(message.method)
  if (message.kind === 'notify') {
    if (!handler) {
      console.error(`[electron-shim] no handler for notification ${message.method}`)
      return
    }
    try {
      await handler(message.params)
    } catch (error) {
      console.error(`[electron-shim] ${message.method} failed:`, error)
    }
    return
  }
  if (message.kind === 'call') {
    if (!handler) {
      post({ kind: 'reply', id: message.id, ok: false, error: { message: `The shim has no method ${message.method}` } })
      return
    }
    try {
      const value = await handler(message.params)
      post({ kind: 'reply', id: message.id, ok: true, value })
    } catch (error) {
      post({ kind: 'reply', id: message.id, ok: false, error: errorToPlain(error) })
    }
  }
})

process.on('disconnect', () => {
  for (const [id, waiter] of pending) {
    pending.delete(id)
    waiter.reject(new Error(`The test runner disconnected (while calling ${waiter.method})`))
  }
})

module.exports = { call, notify, handle }
