import { Anchor } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call, errorMessage } from '../bridge/client'
import { splitLinks } from './rows'

/** Message text rendered as text (never as HTML); http(s) links open in the
 * system browser through main's safe opener. */
export function MessageText({ text }: { text: string }) {
  const { t } = useTranslation()
  return (
    <>
      {splitLinks(text).map((part, index) =>
        part.kind === 'text' ? (
          <span key={index}>{part.text}</span>
        ) : (
          <Anchor
            key={index}
            href={part.url}
            onClick={(event) => {
              event.preventDefault()
              call('openExternal', { url: part.url }).catch((error: unknown) =>
                notifications.show({ color: 'red', title: t('thread.linkFailed'), message: errorMessage(error) }),
              )
            }}
            style={{ wordBreak: 'break-all' }}
            inherit
            underline="always"
          >
            {part.text}
          </Anchor>
        ),
      )}
    </>
  )
}
