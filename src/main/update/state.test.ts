import { describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../shared/update/status'
import { classifyUpdateError } from './errors'
import { initialUpdateStatus, nextUpdateStatus, type UpdateStateEvent } from './state'

const play = (events: UpdateStateEvent[], from: UpdateStatus = initialUpdateStatus('0.1.0', 'latest')) =>
  events.reduce(nextUpdateStatus, from)

describe('what the window shows about updates', () => {
  it('idle → checking → idle when there is nothing new', () => {
    const checking = play([{ type: 'checking' }])
    expect(checking.phase).toBe('checking')
    expect(play([{ type: 'not-available' }], checking).phase).toBe('idle')
  })

  it('available → downloading with progress → downloaded', () => {
    const downloading = play([
      { type: 'checking' },
      { type: 'available', version: '0.2.0' },
      { type: 'progress', percent: 41.6 },
    ])
    expect(downloading).toMatchObject({ phase: 'downloading', availableVersion: '0.2.0', percent: 42 })
    const done = play([{ type: 'downloaded', version: '0.2.0' }], downloading)
    expect(done).toMatchObject({ phase: 'downloaded', availableVersion: '0.2.0', percent: null, error: null })
  })

  it('a failed check shows an error by kind; the next check clears it', () => {
    const failed = play([{ type: 'checking' }, { type: 'error', error: new Error('net::ERR_INTERNET_DISCONNECTED') }])
    expect(failed).toMatchObject({ phase: 'error', error: 'network' })
    expect(play([{ type: 'checking' }], failed)).toMatchObject({ phase: 'checking', error: null })
  })

  it('once downloaded, later checks and their failures leave "Restart to update" where it is', () => {
    const done = play([
      { type: 'available', version: '0.2.0' },
      { type: 'downloaded', version: '0.2.0' },
    ])
    const after = play(
      [{ type: 'checking' }, { type: 'error', error: new Error('ENOTFOUND') }, { type: 'not-available' }],
      done,
    )
    expect(after.phase).toBe('downloaded')
  })

  it('progress outside a download, and out-of-range percents, do not break the status', () => {
    expect(play([{ type: 'progress', percent: 50 }]).percent).toBeNull()
    expect(
      play([
        { type: 'available', version: '1' },
        { type: 'progress', percent: 140 },
      ]).percent,
    ).toBe(100)
  })

  it('disabled stays disabled whatever arrives', () => {
    const disabled: UpdateStatus = {
      ...initialUpdateStatus('0.1.0', 'latest'),
      phase: 'disabled',
      disabledReason: 'msi',
    }
    expect(play([{ type: 'checking' }, { type: 'downloaded', version: '9' }], disabled)).toBe(disabled)
  })

  it('records the last check, the next one and the restart wait', () => {
    const status = play([
      { type: 'checked', at: '2026-12-03T08:00:00.000Z' },
      { type: 'planned', at: '2026-12-03T14:00:00.000Z' },
      { type: 'restart-waiting', pendingReplies: 2 },
    ])
    expect(status).toMatchObject({
      lastCheckedAt: '2026-12-03T08:00:00.000Z',
      nextCheckAt: '2026-12-03T14:00:00.000Z',
      restartWaitingFor: 2,
    })
  })
})

describe('update errors, by cause', () => {
  const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code })
  it.each([
    [new Error('net::ERR_PROXY_CONNECTION_FAILED'), 'network'],
    [coded('ENOTFOUND'), 'network'],
    [coded('ERR_UPDATER_CHANNEL_FILE_NOT_FOUND'), 'feed'],
    [Object.assign(new Error('HttpError: 404'), { statusCode: 404 }), 'feed'],
    [new Error('sha512 checksum mismatch, expected abc, got def'), 'integrity'],
    [coded('ERR_UPDATER_INVALID_SIGNATURE'), 'integrity'],
    [coded('ENOSPC'), 'disk'],
    [new Error('something else'), 'unknown'],
    ['a string', 'unknown'],
  ])('%s → %s', (error, kind) => {
    expect(classifyUpdateError(error)).toBe(kind)
  })
})
