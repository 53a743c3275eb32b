/**
 * The reply limit counted in characters (code points) in the composer, as the contract says (issue 9 §5): 3,000
 * emoji (6,000 UTF-16 units) go out and reach the server whole, once; 4,097 characters are refused before anything
 * is sent, with the count in characters, and the text stays in the box.
 */
import type { RunningSandbox } from '../../src/sandbox'
import { connectToSandbox, expect, sandboxRequests, test } from './fixtures'
import { conversationNamed, openConversation } from './inbox-page'

const ACME_KEY = 'sandbox-acme-key'
const REPLY_PATH = '/conversations/reply'

/** The conversation's outbound messages with this text, straight from the sandbox's API. */
async function onServer(sandbox: RunningSandbox, chatId: string, text: string): Promise<number> {
  let found = 0
  for (let idFrom = 1; ;) {
    const response = await fetch(`${sandbox.url}/conversations/${chatId}/messages?idFrom=${idFrom}`, {
      headers: { 'x-api-key': ACME_KEY },
    })
    if (!response.ok) throw new Error(`GET messages answered ${response.status}`)
    const page = (await response.json()) as {
      data: Array<{ id: number; direction: string; content: { text?: string } }>
      hasMore: boolean
    }
    found += page.data.filter((m) => m.direction === 'outbound' && m.content.text === text).length
    if (!page.hasMore || page.data.length === 0) return found
    idFrom = page.data.at(-1)!.id + 1
  }
}

const replyPosts = async (sandbox: RunningSandbox) =>
  (await sandboxRequests(sandbox)).filter((r) => r.method === 'POST' && r.path === REPLY_PATH).length

test('3,000 emoji go out from the composer; 4,097 characters are refused unsent, counted in characters', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  const chat = await conversationNamed(page, 'Kwame Mensah')
  await openConversation(page, 'Kwame Mensah')
  const box = page.getByRole('textbox', { name: 'Reply' })

  // 4,097 characters but 4,194 UTF-16 units: the count the agent sees is in characters.
  const tooLong = 'é'.repeat(4_000) + '👍'.repeat(97)
  await box.fill(tooLong)
  await expect(page.getByText('4097 / 4096')).toBeVisible()
  await box.press('Enter')
  await expect(page.getByText('The reply is too long: 4097 characters, at most 4096.')).toBeVisible()
  await expect(box).toHaveValue(tooLong)
  expect(await replyPosts(sandbox)).toBe(0)

  // 3,000 characters (6,000 UTF-16 units): within the limit, no counter, sent once and whole.
  const emoji = '👍'.repeat(3_000)
  await box.fill(emoji)
  await expect(page.getByText(/ \/ 4096$/)).toHaveCount(0)
  await box.press('Enter')
  await expect(box).toHaveValue('')
  await expect.poll(() => onServer(sandbox, chat.id, emoji), { timeout: 30_000 }).toBe(1)
  expect(await replyPosts(sandbox)).toBe(1)
  await expect(page.getByText('The reply is too long', { exact: false })).toHaveCount(0)
})
