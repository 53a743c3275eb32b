import { describe, expect, it } from 'vitest'
import { createLogger, createMemorySink, createRedactor, REDACTED } from '.'

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
