/**
 * Canned replies as a JSON file: what Export writes, and what Import accepts. An import is all or nothing:
 * the first problem is reported (which reply, what is wrong) and the settings are left as they were.
 */
import { z } from 'zod'
import { CANNED_REPLIES_MAX, type CannedReply, cannedReplySchema } from '../../../shared/ipc/contract'
import { parseTemplate, type TemplateProblem } from '../../../shared/domain/reply-template'

export const CANNED_FILE_FORMAT = 'inbox-desk/canned-replies'
/** Larger than 200 replies of 4,096 characters could be, as UTF-8 with escapes. */
export const CANNED_FILE_MAX_BYTES = 8 * 1024 * 1024

const fileSchema = z.union([
  z.object({ format: z.literal(CANNED_FILE_FORMAT), version: z.literal(1), replies: z.array(z.unknown()) }),
  // A bare list of { shortcut, text } is accepted too: what people write by hand.
  z.array(z.unknown()),
])

export type ImportProblem =
  | { kind: 'tooLarge' }
  | { kind: 'notJson'; detail: string }
  | { kind: 'notRepliesFile' }
  | { kind: 'empty' }
  | { kind: 'badReply'; position: number; field: 'shortcut' | 'text' | 'reply'; issue: z.core.$ZodIssue }
  | { kind: 'template'; position: number; shortcut: string; problem: TemplateProblem }
  | { kind: 'duplicate'; shortcut: string }
  | { kind: 'tooMany'; count: number }

export type ImportResult =
  { ok: true; replies: CannedReply[]; added: number; replaced: number } | { ok: false; problem: ImportProblem }

export function exportCannedReplies(replies: readonly CannedReply[]): string {
  return `${JSON.stringify({ format: CANNED_FILE_FORMAT, version: 1, replies }, null, 2)}\n`
}

/** Reads a file's replies; each one passes the same checks as one added by hand. */
function readReplies(
  items: readonly unknown[],
): { ok: true; replies: CannedReply[] } | { ok: false; problem: ImportProblem } {
  const replies: CannedReply[] = []
  const seen = new Set<string>()
  for (const [index, item] of items.entries()) {
    const position = index + 1
    const parsed = cannedReplySchema.strip().safeParse(item)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const key = issue.path[0]
      const field = key === 'shortcut' || key === 'text' ? key : 'reply'
      return { ok: false, problem: { kind: 'badReply', position, field, issue } }
    }
    const reply = { shortcut: parsed.data.shortcut, text: parsed.data.text.trim() }
    const problem = parseTemplate(reply.text).problems[0]
    if (problem) return { ok: false, problem: { kind: 'template', position, shortcut: reply.shortcut, problem } }
    const key = reply.shortcut.toLowerCase()
    if (seen.has(key)) return { ok: false, problem: { kind: 'duplicate', shortcut: reply.shortcut } }
    seen.add(key)
    replies.push(reply)
  }
  return { ok: true, replies }
}

/**
 * The settings' replies after importing `fileText`: imported replies are added, and one whose shortcut
 * already exists replaces it (the count says how many did).
 */
export function importCannedReplies(fileText: string, existing: readonly CannedReply[]): ImportResult {
  if (new TextEncoder().encode(fileText).length > CANNED_FILE_MAX_BYTES)
    return { ok: false, problem: { kind: 'tooLarge' } }
  let json: unknown
  try {
    json = JSON.parse(fileText)
  } catch (error) {
    return { ok: false, problem: { kind: 'notJson', detail: error instanceof Error ? error.message : String(error) } }
  }
  const file = fileSchema.safeParse(json)
  if (!file.success) return { ok: false, problem: { kind: 'notRepliesFile' } }
  const items = Array.isArray(file.data) ? file.data : file.data.replies
  if (items.length === 0) return { ok: false, problem: { kind: 'empty' } }
  const read = readReplies(items)
  if (!read.ok) return read
  const incoming = new Map(read.replies.map((reply) => [reply.shortcut.toLowerCase(), reply]))
  let replaced = 0
  const merged = existing.map((reply) => {
    const update = incoming.get(reply.shortcut.toLowerCase())
    if (!update) return reply
    incoming.delete(reply.shortcut.toLowerCase())
    replaced++
    return update
  })
  const added = [...incoming.values()]
  const replies = [...merged, ...added]
  if (replies.length > CANNED_REPLIES_MAX) return { ok: false, problem: { kind: 'tooMany', count: replies.length } }
  return { ok: true, replies, added: added.length, replaced }
}
