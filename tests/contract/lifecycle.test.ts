/**
 * startSandbox()/close() as the main process and tests use them, and the
 * simulated inbound traffic.
 */
import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../src/sandbox/index'
import { ACME_KEY, GLOBEX_KEY, startHarness } from './harness'

describe('startSandbox', () => {
  it('answers on the URL it reports, with the two fixed accounts', async () => {
    const sandbox = await startSandbox()
    try {
      expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`)
      expect(sandbox.port).toBeGreaterThan(0)
      expect(sandbox.accounts).toEqual([
        { name: 'Acme Support', apiKey: 'sandbox-acme-key' },
        { name: 'Globex Care', apiKey: 'sandbox-globex-key' },
      ])
    } finally {
      await sandbox.close()
    }
  })

  it('close() stops it with timers running and a keep-alive connection open; the port then refuses', async () => {
    const harness = await startHarness({ trafficPerMinute: 600, deliveryMs: 60_000 })
    const chat = (await harness.conversations())[0]!
    const reply = await harness.call('sendReply', {
      body: { chatId: chat.id, content: { type: 'text', text: 'pending' } },
    })
    expect(reply.status).toBe(202)
    await harness.close()
    await harness.close() // idempotent
    await expect(fetch(`${harness.url}/conversations`, { headers: { 'x-api-key': ACME_KEY } })).rejects.toThrow()
  })

  it('two sandboxes are independent', async () => {
    const a = await startHarness({ seed: 'empty' })
    const b = await startHarness({ seed: 'demo' })
    try {
      expect(a.url).not.toBe(b.url)
      expect(await a.conversations()).toEqual([])
      expect((await b.conversations()).length).toBeGreaterThan(0)
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('rejects nonsense options', async () => {
    await expect(startSandbox({ deliveryMs: 0 })).rejects.toThrow(/deliveryMs/)
    await expect(startSandbox({ rateLimit: -1 })).rejects.toThrow(/rateLimit/)
  })
})

describe('simulated traffic', () => {
  it('brings inbound messages, new conversations, and archived conversations back', async () => {
    const sandbox = await startHarness({ trafficPerMinute: 3000 })
    try {
      const count = async () =>
        (await sandbox.conversations('archived=any', ACME_KEY)).length +
        (await sandbox.conversations('archived=any', GLOBEX_KEY)).length
      const archivedIds = async () =>
        new Set([
          ...(await sandbox.conversations('archived=true', ACME_KEY)).map((c) => c.id),
          ...(await sandbox.conversations('archived=true', GLOBEX_KEY)).map((c) => c.id),
        ])
      const initialCount = await count()
      const initiallyArchived = await archivedIds()
      await expect.poll(count, { timeout: 15_000, interval: 50 }).toBeGreaterThan(initialCount)
      // An archived conversation that gets a message is unarchived: it reappears.
      await expect
        .poll(
          async () => {
            const stillArchived = await archivedIds()
            return [...initiallyArchived].some((id) => !stillArchived.has(id))
          },
          { timeout: 15_000, interval: 50 },
        )
        .toBe(true)
    } finally {
      await sandbox.close()
    }
  })
})
