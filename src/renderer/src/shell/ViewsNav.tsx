/** The "Views" navigation: Mine, Unassigned, All, Unread, Archive, each with its live count; then Snoozed. */
import { useTranslation } from 'react-i18next'
import { AppShell, Badge, NavLink, Stack } from '@mantine/core'
import { IconArchive, IconInbox, IconMailOpened, IconUser, IconUserQuestion } from '@tabler/icons-react'
import { inboxViews, type InboxView } from '../../../shared/domain/views'
import { SnoozedNavLink } from '../snooze'

const viewIcons: Record<InboxView, typeof IconInbox> = {
  mine: IconUser,
  unassigned: IconUserQuestion,
  all: IconInbox,
  unread: IconMailOpened,
  archive: IconArchive,
}

export function ViewsNav({
  view,
  counts,
  onView,
}: {
  /** null: none of them (the Snoozed view shows). */
  view: InboxView | null
  /** Absent while the conversations load: no badge rather than a wrong zero. */
  counts: Record<InboxView, number> | null
  onView: (view: InboxView) => void
}) {
  const { t } = useTranslation()
  return (
    <AppShell.Navbar p="xs" component="nav" aria-label={t('views.label')}>
      <Stack gap={2}>
        {inboxViews.map((item) => {
          const Icon = viewIcons[item]
          return (
            <NavLink
              key={item}
              component="button"
              label={t(`views.${item}`)}
              // One line in every language ("Sem responsável", "Nicht zugewiesen"): cut with an ellipsis, whole in the title.
              title={t(`views.${item}`)}
              styles={{ label: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } }}
              leftSection={<Icon size={18} aria-hidden />}
              rightSection={
                counts ? (
                  <Badge
                    size="sm"
                    variant={item === view ? 'filled' : 'default'}
                    aria-label={t('views.count', { count: counts[item] })}
                  >
                    {counts[item]}
                  </Badge>
                ) : null
              }
              active={item === view}
              aria-current={item === view ? 'page' : undefined}
              onClick={() => onView(item)}
              data-view={item}
            />
          )
        })}
        <SnoozedNavLink />
      </Stack>
    </AppShell.Navbar>
  )
}
