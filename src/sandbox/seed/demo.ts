/**
 * The demo seed: what a new user sees first. Deterministic (same ids and
 * texts on every start); timestamps are placed relative to `now`.
 */
import type { AccountDefinition } from '../accounts'
import { ACME_SCRIPTS } from './acme-scripts'
import { ACME_FILLERS, FILL_VALUES, FILLER_CONTACTS, GLOBEX_FILLERS } from './fillers'
import { GLOBEX_SCRIPTS } from './globex-scripts'
import { pick, seededRandom } from './random'
import { parseAgo, type Script } from './script'
import type { SeedConversation, SeedMessage } from './types'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function scriptToSeed(script: Script, definition: AccountDefinition, now: number): SeedConversation {
  const channel = definition.channels.find((c) => c.type === script.channel)
  if (!channel) throw new Error(`${definition.account.name} has no ${script.channel} channel`)
  const author = script.assignee ?? script.author ?? definition.users[0]?.id ?? null
  const lastAt = now - parseAgo(script.ago)
  const gap = (script.gap ?? 7) * MINUTE
  const count = script.lines.length
  const messages: SeedMessage[] = script.lines.map((line, index) => {
    const failed = line.startsWith('<! ')
    const inbound = line.startsWith('> ')
    if (!inbound && !failed && !line.startsWith('< ')) {
      throw new Error(`seed line must start with "> ", "< " or "<! ": ${line}`)
    }
    const isLast = index === count - 1
    // Seconds of jitter so timestamps do not all land on whole minutes.
    const at = lastAt - (count - 1 - index) * gap - (isLast ? 0 : ((index * 37) % 50) * 1000)
    // A fresh last reply may not have been read yet; SMS has no read receipts in practice.
    const outboundStatus = script.channel === 'sms' || (isLast && now - at < 2 * HOUR) ? 'delivered' : 'read'
    return {
      direction: inbound ? 'inbound' : 'outbound',
      text: line.slice(failed ? 3 : 2),
      at,
      status: inbound ? 'received' : failed ? 'failed' : outboundStatus,
      authorId: inbound ? null : author,
      error: failed
        ? {
            code: 'reply_window_closed',
            message: 'The WhatsApp 24-hour reply window was closed when this reply was accepted.',
          }
        : null,
    }
  })
  let unreadCount = 0
  if (script.unread) {
    for (let i = messages.length - 1; i >= 0 && messages[i]!.direction === 'inbound'; i--) unreadCount++
  }
  return {
    channelId: channel.id,
    contact: { name: script.name, phoneNumber: script.phone },
    archived: script.archived ?? false,
    assigneeId: script.assignee ?? null,
    unreadCount,
    messages,
  }
}

function fillTemplate(line: string, values: Record<string, string>): string {
  return line.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

function fillerSeeds(definition: AccountDefinition, count: number, now: number): SeedConversation[] {
  const random = seededRandom(definition.slug === 'acme' ? 7 : 11)
  const templates = definition.slug === 'acme' ? ACME_FILLERS : GLOBEX_FILLERS
  // Each account meets the contacts in its own order; each contact writes once per account.
  const unused = definition.slug === 'acme' ? [...FILLER_CONTACTS] : [...FILLER_CONTACTS].reverse()
  const seeds: SeedConversation[] = []
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!
    // A Spanish thread goes to someone who writes Spanish; English ones preferably to others,
    // so the speakers are still there when their language comes up.
    let index = template.lang
      ? unused.findIndex((c) => (c.speaks ?? []).includes(template.lang!))
      : unused.findIndex((c) => !c.speaks)
    if (index === -1) index = 0
    const [contact] = unused.splice(index, 1)
    if (!contact) throw new Error(`not enough filler contacts for ${count} conversations`)
    const channel = definition.channels[i % definition.channels.length]!
    const values: Record<string, string> = {
      first: contact.name.split(' ')[0] || 'there',
      order: `A-${10000 + Math.floor(random() * 9000)}`,
    }
    for (const [key, options] of Object.entries(FILL_VALUES)) values[key] = pick(random, options)
    // Between 1 hour and 12 days ago; older threads are often archived.
    const lastAt = now - HOUR - Math.floor(random() * 12 * 24) * HOUR - Math.floor(random() * 60) * MINUTE
    const gap = (2 + Math.floor(random() * 20)) * MINUTE
    const messages: SeedMessage[] = template.lines.map((line, index) => {
      const inbound = line.startsWith('> ')
      return {
        direction: inbound ? 'inbound' : 'outbound',
        text: fillTemplate(line.slice(2), values),
        at: lastAt - (template.lines.length - 1 - index) * gap,
        status: inbound ? 'received' : channel.type === 'sms' ? 'delivered' : 'read',
        authorId: inbound ? null : pick(random, definition.users).id,
      }
    })
    const last = messages[messages.length - 1]!
    const old = now - lastAt > 5 * DAY
    const archived = old && random() < 0.6
    const assigneeId = random() < 0.55 ? pick(random, definition.users).id : null
    const unreadCount = !archived && last.direction === 'inbound' && random() < 0.4 ? 1 : 0
    seeds.push({
      channelId: channel.id,
      contact: { name: contact.name, phoneNumber: contact.phone },
      archived,
      assigneeId,
      unreadCount,
      messages,
    })
  }
  return seeds
}

function acmeLongThreadPairs(ref: string, n: number): Array<[string, string]> {
  return [
    [
      `Order ${ref}: ${n} × milk frothers and ${n + 2} × descaling kits for the cafés, please.`,
      `Confirmed: ${ref} ships tomorrow, pallet delivery before 10:00.`,
    ],
    [
      `Morning! Can we add ${n} more grinders to ${ref}? Same delivery address (Kantstraße 41, Berlin).`,
      `Added to ${ref}. Updated invoice follows by email.`,
    ],
    [
      `Delivery ${ref} arrived, one box damaged (photo: https://files.mueller-gastro.example/ref/${ref}.jpg)`,
      `Sorry about the damage — replacement for ${ref} goes out today, no need to return the box.`,
    ],
    [
      `Invoice for ${ref} please — Müller Gastro GmbH, USt-IdNr. DE812345678`,
      `Invoice for ${ref} sent to accounting@mueller-gastro.example`,
    ],
    [`Can ${ref} come Tuesday instead of Monday? Kitchen closed Monday.`, `Done, ${ref} moved to Tuesday 🚚`],
    [`Danke! Alles angekommen 👍 (${ref})`, `Great to hear, thanks for letting us know!`],
  ]
}

function globexLongThreadPairs(ref: string, n: number, exchange: number): Array<[string, string]> {
  return [
    [
      `Weekly order ${ref}: ${n} residents need refills (list in the portal).`,
      `Confirmed, ${ref} will be delivered tomorrow between 8:00 and 10:30.`,
    ],
    [
      `Mrs Albright's blister pack for ${ref} is missing the evening dose, can you check?`,
      `Checked with the pharmacist: a corrected pack for ${ref} goes out with the next run.`,
    ],
    [
      `Can the ${ref} delivery come before 11? Morning medication round starts at 11:30.`,
      `Yes — ${ref} is now first on the route, before 10:30.`,
    ],
    [`Received ${ref}, all correct. Thank you 🙏`, `Thanks for confirming!`],
    [
      `New resident from Monday, Room 14 — prescription from Dr. Patel attached to ${ref}.`,
      `Got it, Room 14 is added from Monday with ${ref}.`,
    ],
    [
      `Please invoice ${ref} to Sunrise Care Home Ltd, PO 77${exchange}.`,
      `Noted for ${ref}. Invoice follows by email.`,
    ],
  ]
}

/** A busy business customer with a long history: the thread that exercises paging (> 250 messages). */
function longThreadSeed(definition: AccountDefinition, now: number): SeedConversation {
  const random = seededRandom(definition.slug === 'acme' ? 2024 : 2025)
  const acme = definition.slug === 'acme'
  const channel = definition.channels.find((c) => c.type === 'whatsapp')!
  const agent = definition.users[1]!.id
  const exchanges = 140
  const start = now - 60 * DAY
  const messages: SeedMessage[] = []
  for (let exchange = 0; exchange < exchanges; exchange++) {
    const at = start + Math.floor((exchange / exchanges) * 60 * DAY) + Math.floor(random() * 3 * HOUR)
    const n = 2 + Math.floor(random() * 9)
    const ref = `${acme ? 'B2B' : 'CH'}-${4100 + exchange}`
    // Question and answer belong together, so the thread reads as a conversation.
    const [inboundText, outboundText] = pick(
      random,
      acme ? acmeLongThreadPairs(ref, n) : globexLongThreadPairs(ref, n, exchange),
    )
    messages.push({ direction: 'inbound', text: inboundText, at, status: 'received', authorId: null })
    messages.push({
      direction: 'outbound',
      text: outboundText,
      at: at + (5 + Math.floor(random() * 40)) * MINUTE,
      status: 'read',
      authorId: agent,
    })
  }
  // Ends with a question waiting for an answer.
  messages.push({
    direction: 'inbound',
    text: acme
      ? 'Hallo! Could we get a quote for 20 of the new Barista Pro machines before the end of the month? 😊'
      : 'Hi team, could someone call me about the holiday delivery schedule? Thanks, Beth (Sunrise Care Home)',
    at: now - 90 * MINUTE,
    status: 'received',
    authorId: null,
  })
  return {
    channelId: channel.id,
    contact: acme
      ? { name: 'Müller Gastro GmbH', phoneNumber: '+493012345678' }
      : { name: 'Sunrise Care Home', phoneNumber: '+442079460123' },
    archived: false,
    assigneeId: agent,
    unreadCount: 1,
    messages,
  }
}

export function demoSeed(definition: AccountDefinition, now: number): SeedConversation[] {
  const scripts = definition.slug === 'acme' ? ACME_SCRIPTS : GLOBEX_SCRIPTS
  const seeds = [
    ...scripts.map((script) => scriptToSeed(script, definition, now)),
    longThreadSeed(definition, now),
    ...fillerSeeds(definition, Math.max(0, 44 - scripts.length - 1), now),
  ]
  // Older conversations get lower ids, as they would have in a real inbox.
  return seeds.sort((a, b) => (a.messages[0]?.at ?? now) - (b.messages[0]?.at ?? now))
}
