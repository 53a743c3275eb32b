import { describe, expect, it } from 'vitest'
import { CANNED_REPLIES_MAX } from '../../../shared/ipc/contract'
import { exportCannedReplies, importCannedReplies } from './cannedFile'

const existing = [
  { shortcut: 'thanks', text: 'Thank you, {{contact.firstName}}!' },
  { shortcut: 'hours', text: 'We are open 9-17.' },
]

describe('canned replies as JSON', () => {
  it('an export imports back to the same replies', () => {
    const result = importCannedReplies(exportCannedReplies(existing), [])
    expect(result).toEqual({ ok: true, replies: existing, added: 2, replaced: 0 })
  })

  it('adds new replies and replaces ones with the same shortcut', () => {
    const file = JSON.stringify([
      { shortcut: 'Hours', text: 'Open 8-20 now.' },
      { shortcut: 'order', text: 'Order {{?Order number}} ships today.' },
    ])
    expect(importCannedReplies(file, existing)).toEqual({
      ok: true,
      replies: [
        existing[0],
        { shortcut: 'Hours', text: 'Open 8-20 now.' },
        { shortcut: 'order', text: 'Order {{?Order number}} ships today.' },
      ],
      added: 1,
      replaced: 1,
    })
  })

  it.each([
    ['not JSON', '{"replies": [', 'notJson'],
    ['another shape', '{"cannedReplies": []}', 'notRepliesFile'],
    ['another format', '{"format":"x","version":1,"replies":[]}', 'notRepliesFile'],
    ['no replies', '[]', 'empty'],
    ['a bad shortcut', '[{"shortcut":"two words","text":"x"}]', 'badReply'],
    ['a missing text', '[{"shortcut":"a"}]', 'badReply'],
    ['not an object', '[42]', 'badReply'],
    ['an unknown variable', '[{"shortcut":"a","text":"Hi {{contact.nme}}"}]', 'template'],
    ['a shortcut twice', '[{"shortcut":"a","text":"x"},{"shortcut":"A","text":"y"}]', 'duplicate'],
  ])('refuses %s, changing nothing', (_, file, kind) => {
    const result = importCannedReplies(file, existing)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem.kind).toBe(kind)
  })

  it('says which reply is wrong', () => {
    const result = importCannedReplies('[{"shortcut":"a","text":"x"},{"shortcut":"b","text":"{{?}}"}]', [])
    expect(result).toMatchObject({ ok: false, problem: { kind: 'template', position: 2, shortcut: 'b' } })
  })

  it('refuses more replies than the settings keep', () => {
    const many = Array.from({ length: CANNED_REPLIES_MAX - 1 }, (_, i) => ({ shortcut: `r${i}`, text: 'x' }))
    expect(importCannedReplies(JSON.stringify(many), existing)).toMatchObject({
      ok: false,
      problem: { kind: 'tooMany' },
    })
    expect(importCannedReplies(JSON.stringify(many.slice(1)), existing).ok).toBe(true)
  })
})
