/**
 * Reads a response body as text, but never more than a cap: a broken or
 * hostile server that answers 300 MB (or streams forever) must not fill
 * main's memory. The body is read as a stream and the read is cancelled, with
 * the connection, the moment it passes the cap; a Content-Length over the cap
 * stops it before the first byte. Error bodies go through the same reader.
 */

/** 16 MiB: any answer but the conversation list (a thread's page, users, a reply's answer). */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024

/** The conversation list's cap: the API has no paging, and 100,000 conversations are ~52 MB (issue 11 §6).
 * 160 MiB holds about 300,000; past it the list is refused whole, never half-read. */
export const MAX_LIST_RESPONSE_BYTES = 160 * 1024 * 1024

/** The body was larger than the cap; `bytes` is how much had arrived (or what Content-Length said). */
export class ResponseTooLarge extends Error {
  override readonly name = 'ResponseTooLarge'
  constructor(
    readonly limit: number,
    readonly bytes: number,
  ) {
    super(`The response body is larger than ${limit} bytes (at least ${bytes}).`)
  }
}

export async function readCappedText(response: Response, limit: number = MAX_RESPONSE_BYTES): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined)
    throw new ResponseTooLarge(limit, declared)
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  const parts: string[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    received += value.byteLength
    if (received > limit) {
      // Cancelling the stream aborts the download: nothing more is read from the socket.
      await reader.cancel().catch(() => undefined)
      throw new ResponseTooLarge(limit, received)
    }
    parts.push(decoder.decode(value, { stream: true }))
  }
  parts.push(decoder.decode())
  return parts.join('')
}
