import { describe, expect, it } from 'vitest'
import { latestOnly } from './latestOnly'

/** A send whose answers the test releases one by one, in any order. */
function controlledSend() {
  const calls: Array<{ request: string; resolve: (answer: string) => void; reject: (error: Error) => void }> = []
  const send = (request: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ request, resolve, reject })
    })
  return { calls, send }
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('latestOnly', () => {
  it('sends the first request at once and collapses the ones typed meanwhile into the newest', async () => {
    const { calls, send } = controlledSend()
    const delivered: unknown[] = []
    const search = latestOnly(send, (outcome) => delivered.push(outcome))
    search.ask('p', 'p')
    search.ask('pa', 'pa')
    search.ask('par', 'par')
    expect(calls.map((call) => call.request)).toEqual(['p'])
    calls[0]!.resolve('answer p')
    await flush()
    // The answer to "p" is stale (the box says "par"): dropped; "par" goes out, "pa" never does.
    expect(delivered).toEqual([])
    expect(calls.map((call) => call.request)).toEqual(['p', 'par'])
    calls[1]!.resolve('answer par')
    await flush()
    expect(delivered).toEqual([{ key: 'par', answer: 'answer par' }])
  })

  it('does not ask again for what is already in flight, and delivers errors of the newest request', async () => {
    const { calls, send } = controlledSend()
    const delivered: unknown[] = []
    const search = latestOnly(send, (outcome) => delivered.push(outcome))
    search.ask('a', 'a')
    search.ask('ab', 'ab')
    search.ask('a', 'a') // back to what is in flight: nothing more to send
    const failure = new Error('store busy')
    calls[0]!.reject(failure)
    await flush()
    expect(calls).toHaveLength(1)
    expect(delivered).toEqual([{ key: 'a', error: failure }])
  })

  it('after reset, answers from before are never delivered', async () => {
    const { calls, send } = controlledSend()
    const delivered: unknown[] = []
    const search = latestOnly(send, (outcome) => delivered.push(outcome))
    search.ask('x', 'x')
    search.reset()
    search.ask('x', 'x')
    expect(calls).toHaveLength(2)
    calls[0]!.resolve('old')
    await flush()
    expect(delivered).toEqual([])
    calls[1]!.resolve('new')
    await flush()
    expect(delivered).toEqual([{ key: 'x', answer: 'new' }])
  })

  it('asked again for the request in flight (the history changed meanwhile): sent once more after it', async () => {
    const { calls, send } = controlledSend()
    const delivered: unknown[] = []
    const search = latestOnly(send, (outcome) => delivered.push(outcome))
    search.ask('a', 'a')
    search.ask('a', 'a', true)
    expect(calls).toHaveLength(1)
    calls[0]!.resolve('before')
    await flush()
    expect(calls).toHaveLength(2)
    calls[1]!.resolve('after')
    await flush()
    expect(delivered).toEqual([
      { key: 'a', answer: 'before' },
      { key: 'a', answer: 'after' },
    ])
  })
})
