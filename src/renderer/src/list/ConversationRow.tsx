/**
 * One row of the conversation list. Plain elements and CSS classes rather
 * than Mantine components: rows mount and unmount on every scroll frame, and
 * with 10,000 conversations each row's cost decides whether scrolling keeps
 * up with the display.
 */
import { useTranslation } from 'react-i18next'
import { memo } from 'react'
import { IconPencil } from '@tabler/icons-react'
import type { Conversation } from '../../../shared/api/schemas'
import { contactLabel, initials, replyWindow } from '../../../shared/domain/views'
import { isPhoneLike } from '../shell/phone'
import { ChannelIcon, PhoneNumber, avatarBackground, safeAvatarSrc } from '../shell/ui'
import { useFormat } from '../i18n/format'
import classes from './ConversationList.module.css'

export const ROW_HEIGHT = 78

export const ConversationRow = memo(function ConversationRow({
  conversation,
  active,
  open,
  draft,
  now,
  onClick,
}: {
  conversation: Conversation
  active: boolean
  open: boolean
  /** The unsent draft, if any: shown instead of the last message. */
  draft: string | undefined
  now: number
  onClick: (chatId: string) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const name = contactLabel(conversation.contact, t('contact.unknown'))
  const window = replyWindow(conversation, new Date(now))
  const last = conversation.lastMessage
  const hasDraft = Boolean(draft?.trim())
  const unread = conversation.unreadCount
  const assignee = conversation.assignee
  // The server's clock may run a little ahead of ours: never say "in a few seconds".
  const when = Math.min(Date.parse(conversation.lastMessageDate), now)
  return (
    <div
      id={`conversation-${conversation.id}`}
      role="option"
      aria-selected={open}
      data-active={active || undefined}
      data-open={open || undefined}
      className={classes.row}
      onClick={() => onClick(conversation.id)}
    >
      <div className={classes.rowIcon}>
        <ChannelIcon type={conversation.channel.type} size={22} />
      </div>
      <div className={classes.rowBody}>
        <div className={classes.line}>
          <RowName label={name} unread={unread > 0} />
          <span className={classes.time} title={format.dateTime(conversation.lastMessageDate)}>
            {format.relative(when, now)}
          </span>
        </div>
        <div className={classes.line}>
          {/* dir="auto" skips <bdi>: the line takes the message's direction, not the "You:" prefix's, so a
              long English preview in an Arabic UI is cut at its end, not its start. */}
          <span className={classes.preview} dir="auto">
            {/* The space stays outside the isolate: inside an Arabic one it would land on the far side. */}
            {hasDraft && <bdi className="tone-warn">{t('row.draft')}</bdi>}
            {!hasDraft && last?.direction === 'outbound' && <bdi>{t('row.you')}</bdi>}
            {(hasDraft || last?.direction === 'outbound') && ' '}
            {hasDraft ? draft!.trim().slice(0, 200) : last ? last.preview : t('row.noMessages')}
          </span>
          {unread > 0 && (
            <span className={classes.unread} aria-label={t('row.unread', { count: unread })}>
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </div>
        <div className={classes.line}>
          <span className={classes.meta}>
            {hasDraft && <IconPencil size={14} aria-hidden className="tone-warn" />}
            <ReplyWindowNote window={window} />
          </span>
          {assignee ? (
            <RowAvatar name={assignee.displayName} />
          ) : (
            <span className={classes.time}>{t('row.unassigned')}</span>
          )}
        </div>
      </div>
    </div>
  )
})

/** A name reads in its own direction (dir="auto"); a phone number standing in for it, left to right. */
function RowName({ label, unread }: { label: string; unread: boolean }) {
  const phoneOnly = isPhoneLike(label)
  return (
    <span className={classes.name} data-unread={unread || undefined} dir={phoneOnly ? undefined : 'auto'}>
      {phoneOnly ? <PhoneNumber number={label} /> : label}
    </span>
  )
}

function RowAvatar({ name, avatarUrl }: { name: string; avatarUrl?: string | null }) {
  const { t } = useTranslation()
  const label = t('row.assignedTo', { name })
  const src = safeAvatarSrc(avatarUrl)
  if (src) return <img className={classes.avatar} src={src} alt={label} title={label} />
  return (
    <span
      className={classes.avatar}
      role="img"
      aria-label={label}
      title={label}
      style={{ background: avatarBackground(name) }}
    >
      {initials(name)}
    </span>
  )
}

/** WhatsApp's reply window in a row: time left, closing soon, or closed. */
function ReplyWindowNote({ window }: { window: ReturnType<typeof replyWindow> }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <>
      {window.state === 'open' && (
        <span className="tone-ok" title={t('row.windowHint')}>
          {t('row.leftToReply', { time: format.timeLeft(window.msLeft) })}
        </span>
      )}
      {window.state === 'closing' && (
        <span className={classes.pill} data-tone="warn">
          {t('row.closesIn', { time: format.timeLeft(window.msLeft) })}
        </span>
      )}
      {window.state === 'closed' && <span className={classes.pill}>{t('row.windowClosed')}</span>}
    </>
  )
}
