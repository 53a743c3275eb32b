import { describe, expect, it } from 'vitest'
import { createLogger, createMemorySink, createRedactor, MAX_LOG_LINE_LENGTH, REDACTED, toLogLine } from '.'

describe('logger redaction', () => {
  it('removes the current key from messages and details, in every child logger', () => {
    const sink = createMemorySink()
    const redactor = createRedactor()
    const log = createLogger(sink, redactor, 'main')
    redactor.addSecret('sandbox-acme-key')
    log.child('api').warn('sending with sandbox-acme-key', { headers: { 'X-API-Key': 'sandbox-acme-key' } })
    log.error('failed', new Error('key sandbox-acme-key refused'))
    const text = sink.lines.map((l) => l.line).join('\n')
    expect(text).not.toContain('sandbox-acme-key')
    expect(text).toContain(REDACTED)
    expect(sink.lines[0]?.line.startsWith('[main:api] ')).toBe(true)
    expect(sink.lines.map((l) => l.level)).toEqual(['warn', 'error'])
  })

  it('hides any value written as an API key field, even one it was never told about', () => {
    const redactor = createRedactor()
    expect(redactor.redact('X-API-Key: abc123def')).toBe(`X-API-Key: ${REDACTED}`)
    expect(redactor.redact('{"apiKey":"zzz-top-secret"}')).toBe(`{"apiKey":"${REDACTED}"}`)
    expect(redactor.redact('api_key=foo&x=1')).toBe(`api_key=${REDACTED}&x=1`)
  })

  it('does not redact very short secrets (they would shred every line)', () => {
    const redactor = createRedactor()
    redactor.addSecret('ab')
    expect(redactor.redact('about')).toBe('about')
  })

  it('forgets a removed secret', () => {
    const redactor = createRedactor()
    redactor.addSecret('old-key-123')
    redactor.removeSecret('old-key-123')
    expect(redactor.redact('old-key-123')).toBe('old-key-123')
  })

  it('survives details it cannot serialise', () => {
    const sink = createMemorySink()
    const circular: Record<string, unknown> = {}
    circular.self = circular
    createLogger(sink).info('odd', circular)
    expect(sink.lines[0]?.line).toMatch(/unserialisable detail/)
  })
})

describe('one entry is one line', () => {
  it('a 5 MB key with a line break in it cannot forge a log line', () => {
    const sink = createMemorySink()
    const log = createLogger(sink, createRedactor(), 'bridge')
    const forged = `${'k'.repeat(5 * 1024 * 1024)}\n2026-12-02 10:00:00 [info] Account removed by the user`
    log.warn(`Bridge: unknown field ${forged}`)
    expect(sink.lines).toHaveLength(1)
    const line = sink.lines[0]!.line
    expect(line).not.toMatch(/[\n\r\u2028\u2029]/)
    expect(line.length).toBeLessThan(MAX_LOG_LINE_LENGTH + 100)
    expect(line).toMatch(/… \(\d+ more characters\)$/)
  })

  it('escapes breaks and control characters, keeps the rest', () => {
    expect(toLogLine('a\nb\r\nc\u2028d\u001b[31me\tf')).toBe('a\\nb\\r\\nc\\u2028d\\u001b[31me\tf')
    expect(toLogLine('Sofía 👍 مرحبا')).toBe('Sofía 👍 مرحبا')
  })

  it('a stack trace stays in its one entry', () => {
    const sink = createMemorySink()
    createLogger(sink).error('failed', new Error('boom'))
    expect(sink.lines).toHaveLength(1)
    expect(sink.lines[0]!.line).toContain('Error: boom\\n    at ')
  })
})
