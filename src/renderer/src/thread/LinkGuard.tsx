/**
 * Opening links from messages (issue 9 §4). A link whose text and address differ, or whose address carries a user
 * name or password, or that is plain http, is asked about first: a dialog shows the address that will really open.
 * The others open at once. The decision is `checkLink` (src/shared/domain/link-safety.ts); main checks the address
 * again before it hands it to the browser (src/main/window/external.ts).
 */
import { Button, Code, Group, List, Modal, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { checkLink, type LinkCheck } from '../../../shared/domain/link-safety'
import { call, errorMessage } from '../bridge/client'

type OpenLink = (shownText: string, href: string) => void

const LinkGuardContext = createContext<OpenLink | null>(null)

/** What a link in a message calls when clicked. */
export function useOpenLink(): OpenLink {
  const open = useContext(LinkGuardContext)
  if (!open) throw new Error('useOpenLink needs a <LinkGuard> around it')
  return open
}

export function LinkGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState<{ shownText: string; check: LinkCheck } | null>(null)
  const openNow = useCallback(
    (target: string) => {
      call('openExternal', { url: target }).catch((error: unknown) =>
        notifications.show({ color: 'red', title: t('thread.linkFailed'), message: errorMessage(error) }),
      )
    },
    [t],
  )
  const openLink = useCallback<OpenLink>(
    (shownText, href) => {
      const check = checkLink(shownText, href)
      if (!check) return
      if (check.concerns.length === 0) openNow(check.target)
      else setAsking({ shownText, check })
    },
    [openNow],
  )
  const value = useMemo(() => openLink, [openLink])
  return (
    <LinkGuardContext.Provider value={value}>
      {children}
      <ConfirmLinkModal
        asking={asking}
        onCancel={() => setAsking(null)}
        onOpen={(target) => {
          setAsking(null)
          openNow(target)
        }}
      />
    </LinkGuardContext.Provider>
  )
}

function ConfirmLinkModal({
  asking,
  onCancel,
  onOpen,
}: {
  asking: { shownText: string; check: LinkCheck } | null
  onCancel: () => void
  onOpen: (target: string) => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={asking !== null}
      onClose={onCancel}
      title={t('link.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('link.close') }}
    >
      {asking && (
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('link.opens')}
          </Text>
          {/* The real address, large and left to right whatever the UI language: what the browser will get. */}
          <Code block dir="ltr" fz="md" fw={700} style={{ wordBreak: 'break-all' }} data-testid="link-target">
            {asking.check.target}
          </Code>
          <List size="sm" spacing={4}>
            {asking.check.concerns.map((concern) => (
              <List.Item key={concern}>{t(`link.concern.${concern}`)}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            {t('link.shown')}{' '}
            <Text span dir="ltr" style={{ wordBreak: 'break-all' }}>
              {asking.shownText}
            </Text>
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel} data-autofocus>
              {t('link.cancel')}
            </Button>
            <Button color="orange" onClick={() => onOpen(asking.check.target)}>
              {t('link.open')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
