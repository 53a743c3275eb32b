import { describe, expect, it } from 'vitest'
import type { OutboxEntry } from '../../shared/ipc/contract'
import type { UpdateStatus } from '../../shared/update/status'
import { createLogger, createMemorySink } from '../log'
import { createManualScheduler } from '../ports/scheduler'
import type { InstallFacts } from './install-kind'
import { repliesInFlight } from './outbox-guard'
import { FIRST_CHECK_DELAY_MS } from './schedule'
import { createFakeProbe, createFakeUpdater } from './testing/fakes'
import { createUpdateService } from './update-service'

const MAC: InstallFacts = {
  isPackaged: true,
  platform: 'darwin',
  env: {},
  execDir: '/Applications/X.app/Contents/MacOS',
}
const flush = () => new Promise((resolve) => setImmediate(resolve))

function setup(options: { facts?: InstallFacts; files?: Record<string, string>; withUpdater?: boolean } = {}) {
  const updater = createFakeUpdater()
  const scheduler = createManualScheduler(Date.parse('2026-12-03T08:00:00Z'))
  const statuses: UpdateStatus[] = []
  const sink = createMemorySink()
  const service = createUpdateService({
    updater: options.withUpdater === false ? null : updater,
    probe: createFakeProbe({ files: options.files }),
    facts: options.facts ?? MAC,
    currentVersion: '0.1.0',
    scheduler,
    emit: (status) => statuses.push(status),
    log: createLogger(sink),
    random: () => 0.5,
  })
  return { service, updater, scheduler, statuses, lines: sink.lines }
}

const entry = (state: OutboxEntry['state']): Pick<OutboxEntry, 'state'> & OutboxEntry =>
  ({ clientId: `c-${state}-${Math.random()}`, chatId: 'chat', text: 'hi', state }) as OutboxEntry

/** Plays a found-and-downloaded update through "Check now". */
async function downloaded(ctx: ReturnType<typeof setup>) {
  ctx.updater.nextCheck = {
    events: [
      { type: 'available', version: '0.2.0' },
      { type: 'progress', percent: 50 },
      { type: 'downloaded', version: '0.2.0' },
    ],
  }
  return ctx.service.checkNow()
}

describe('the update service', () => {
  it('disabled in development: says why, configures nothing, schedules nothing', async () => {
    const ctx = setup({ facts: { ...MAC, isPackaged: false } })
    await ctx.service.start()
    expect(ctx.service.status()).toMatchObject({ phase: 'disabled', disabledReason: 'development', channel: 'latest' })
    expect(ctx.updater.setups).toEqual([])
    expect(ctx.scheduler.pendingDelays()).toEqual([])
    expect((await ctx.service.checkNow()).phase).toBe('disabled')
    expect(ctx.updater.checks).toBe(0)
  })

  it('without an updater (tests, a build without one) it is off as in development', async () => {
    const ctx = setup({ withUpdater: false })
    await ctx.service.start()
    expect(ctx.service.status().disabledReason).toBe('development')
  })

  it('an administrator’s file turns it off and names the source', async () => {
    const ctx = setup({ files: { [`${MAC.execDir}/update-policy.json`]: '{"disableUpdates":true}' } })
    await ctx.service.start()
    expect(ctx.service.status()).toMatchObject({ phase: 'disabled', disabledReason: 'policy', policySource: 'file' })
  })

  it('a policy feed and channel reach the updater and the status', async () => {
    const policy = '{"updateUrl":"https://mirror.example/desk","channel":"beta"}'
    const ctx = setup({ files: { [`${MAC.execDir}/update-policy.json`]: policy } })
    await ctx.service.start()
    expect(ctx.updater.setups).toMatchObject([{ feedUrl: 'https://mirror.example/desk', channel: 'beta' }])
    expect(ctx.service.status()).toMatchObject({ phase: 'idle', channel: 'beta', policySource: 'file' })
  })

  it('checks after the start delay, downloads, and pushes every step to the window', async () => {
    const ctx = setup()
    await ctx.service.start()
    expect(ctx.updater.setups).toMatchObject([{ feedUrl: undefined, channel: undefined }])
    ctx.updater.nextCheck = {
      events: [
        { type: 'available', version: '0.2.0' },
        { type: 'downloaded', version: '0.2.0' },
      ],
    }
    ctx.scheduler.advance(FIRST_CHECK_DELAY_MS)
    await flush()
    expect(ctx.updater.checks).toBe(1)
    expect(ctx.statuses.map((status) => status.phase)).toEqual(
      expect.arrayContaining(['checking', 'downloading', 'downloaded']),
    )
    expect(ctx.service.status()).toMatchObject({
      phase: 'downloaded',
      availableVersion: '0.2.0',
      lastCheckedAt: new Date(Date.parse('2026-12-03T08:00:00Z') + FIRST_CHECK_DELAY_MS).toISOString(),
    })
    expect(ctx.service.status().nextCheckAt).not.toBeNull()
  })

  it('a failed check shows the error kind and the last check time', async () => {
    const ctx = setup()
    await ctx.service.start()
    ctx.updater.nextCheck = {
      events: [],
      fail: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }),
    }
    const status = await ctx.service.checkNow()
    expect(status).toMatchObject({ phase: 'error', error: 'network', lastCheckedAt: '2026-12-03T08:00:00.000Z' })
    expect(ctx.lines.some((line) => line.level === 'warn' && line.line.includes('update check failed'))).toBe(true)
  })
})

describe('the outbox guard', () => {
  it('counts pending and sending replies; failed, unconfirmed and accepted ones wait for nobody', () => {
    const entries = ['pending', 'sending', 'failed', 'unconfirmed', 'accepted'].map((s) =>
      entry(s as OutboxEntry['state']),
    )
    expect(repliesInFlight(entries)).toBe(2)
  })

  it('quitting installs only while the outbox has nothing in flight', async () => {
    const ctx = setup()
    await ctx.service.start()
    expect(ctx.updater.autoInstallOnAppQuit).toEqual([true])
    ctx.service.outboxChanged([entry('pending')])
    ctx.service.outboxChanged([entry('sending')]) // same count: no change
    ctx.service.outboxChanged([entry('accepted')])
    expect(ctx.updater.autoInstallOnAppQuit).toEqual([true, false, true])
  })

  it('"Restart to update" with nothing in flight restarts at once', async () => {
    const ctx = setup()
    await ctx.service.start()
    await downloaded(ctx)
    expect(ctx.service.restartToUpdate()).toEqual({ outcome: 'restarting' })
    expect(ctx.updater.quitAndInstallCalls).toBe(1)
  })

  it('"Restart to update" with a reply in flight waits, says so, and restarts once the outbox is clear', async () => {
    const ctx = setup()
    await ctx.service.start()
    await downloaded(ctx)
    ctx.service.outboxChanged([entry('pending'), entry('sending')])
    expect(ctx.service.restartToUpdate()).toEqual({ outcome: 'waiting', pendingReplies: 2 })
    expect(ctx.updater.quitAndInstallCalls).toBe(0)
    expect(ctx.service.status().restartWaitingFor).toBe(2)
    ctx.service.outboxChanged([entry('accepted'), entry('sending')])
    expect(ctx.updater.quitAndInstallCalls).toBe(0)
    expect(ctx.service.status().restartWaitingFor).toBe(1)
    ctx.service.outboxChanged([entry('accepted'), entry('failed')])
    expect(ctx.updater.quitAndInstallCalls).toBe(1)
  })

  it('a cancelled wait never restarts', async () => {
    const ctx = setup()
    await ctx.service.start()
    await downloaded(ctx)
    ctx.service.outboxChanged([entry('pending')])
    ctx.service.restartToUpdate()
    expect(ctx.service.cancelRestart().restartWaitingFor).toBe(0)
    ctx.service.outboxChanged([])
    expect(ctx.updater.quitAndInstallCalls).toBe(0)
  })

  it('nothing downloaded: nothing to install, no restart', async () => {
    const ctx = setup()
    await ctx.service.start()
    expect(ctx.service.restartToUpdate()).toEqual({ outcome: 'nothing-to-install' })
    expect(ctx.updater.quitAndInstallCalls).toBe(0)
  })
})
