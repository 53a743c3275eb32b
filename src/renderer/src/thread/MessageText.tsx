import { Anchor } from '@mantine/core'
import type { MouseEvent } from 'react'
import { useOpenLink } from './LinkGuard'
import { splitLinks } from './rows'

/** Message text rendered as text (never as HTML); http(s) links open in the system browser through the link
 * guard (./LinkGuard.tsx), which asks first about a link that is not what it shows. */
export function MessageText({ text }: { text: string }) {
  const openLink = useOpenLink()
  return (
    <>
      {splitLinks(text).map((part, index) => {
        if (part.kind === 'text') return <span key={index}>{part.text}</span>
        const open = (event: MouseEvent) => {
          event.preventDefault()
          openLink(part.text, part.url)
        }
        return (
          <Anchor
            key={index}
            href={part.url}
            onClick={open}
            // A middle click would otherwise become a window.open, past the question.
            onAuxClick={(event) => event.button === 1 && open(event)}
            style={{ wordBreak: 'break-all' }}
            inherit
            underline="always"
          >
            {part.text}
          </Anchor>
        )
      })}
    </>
  )
}
