/** Where the pages around a search result go in the loaded thread (pure, for ./useJumpToMessage.ts). */
import type { MessagesPage } from '../../../shared/api/schemas'
import { mergeMessages, type ThreadData } from '../bridge/queries'

/**
 * `upTo`: the page ending at the result's message (idTo); `after`: the page after it (idFrom). Joined to the
 * pages already loaded when they overlap or touch; otherwise they replace them (a gap in the middle of a thread
 * would show two distant messages as neighbours).
 */
export function placeAround(current: ThreadData | undefined, upTo: MessagesPage, after: MessagesPage): ThreadData {
  const around = mergeMessages(upTo.data, after.data)
  const aroundData: ThreadData = { messages: around, hasOlder: upTo.hasMore, hasNewer: after.hasMore }
  const loaded = current?.messages ?? []
  if (!current || loaded.length === 0 || around.length === 0) return aroundData
  const [firstLoaded, lastLoaded] = [loaded[0]!.id, loaded.at(-1)!.id]
  const [firstAround, lastAround] = [around[0]!.id, around.at(-1)!.id]
  const joined = firstLoaded <= lastAround + 1 && lastLoaded >= firstAround - 1
  if (!joined) return aroundData
  return {
    messages: mergeMessages(around, loaded),
    hasOlder: firstAround <= firstLoaded ? upTo.hasMore : current.hasOlder,
    hasNewer: lastAround >= lastLoaded ? after.hasMore : (current.hasNewer ?? false),
  }
}
