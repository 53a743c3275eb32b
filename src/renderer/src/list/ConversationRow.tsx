/**
 * One row of the conversation list. Plain elements and CSS classes rather
 * than Mantine components: rows mount and unmount on every scroll frame, and
 * with 10,000 conversations each row's cost decides whether scrolling keeps
 * up with the display.
 */
import { useTranslation } from 'react-i18next'
import { memo, type MouseEvent } from 'react'
import { IconCheck, IconPencil } from '@tabler/icons-react'
import type { Conversation } from '../../../shared/api/schemas'
import { contactLabel, initials, replyWindow } from '../../../shared/domain/views'
import { isPhoneLike } from '../shell/phone'
import { ChannelIcon, PhoneNumber, avatarBackground, safeAvatarSrc } from '../shell/ui'
import { useFormat } from '../i18n/format'
import type { RowGesture } from '../bulk/useBulkSelection'
import classes from './ConversationList.module.css'

export const ROW_HEIGHT = 78

export const ConversationRow = memo(function ConversationRow({
  conversation,
  active,
  open,
  draft,
  now,
  checked,
  selecting,
  onClick,
  onGesture,
}: {
  conversation: Conversation
  active: boolean
  open: boolean
  /** In the bulk selection (its checkbox ticked). */
  checked: boolean
  /** Some row is selected: every row shows its checkbox. */
  selecting: boolean
  /** The unsent draft, if any: shown instead of the last message. */
  draft: string | undefined
  now: number
  onClick: (chatId: string) => void
  /** The checkbox, or a click with Shift (range) or Ctrl/Cmd (toggle): the selection changes, nothing opens. */
  onGesture: (chatId: string, gesture: RowGesture) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const name = contactLabel(conversation.contact, t('contact.unknown'))
  const window = replyWindow(conversation, new Date(now))
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
      aria-checked={checked}
      data-active={active || undefined}
      data-open={open || undefined}
      data-checked={checked || undefined}
      data-selecting={selecting || undefined}
      className={classes.row}
      onClick={(event) => rowClick(event, conversation.id, onClick, onGesture)}
    >
      <div className={classes.rowIcon}>
        <span className={classes.channel}>
          <ChannelIcon type={conversation.channel.type} size={22} />
        </span>
        <RowCheckbox
          checked={checked}
          label={t('bulk.selectRow', { name })}
          onToggle={(range) => onGesture(conversation.id, { range, toggle: !range })}
        />
      </div>
      <div className={classes.rowBody}>
        <div className={classes.line}>
          <RowName label={name} unread={unread > 0} />
          <span className={classes.time} title={format.dateTime(conversation.lastMessageDate)}>
            {format.relative(when, now)}
          </span>
        </div>
        <PreviewLine conversation={conversation} draft={hasDraft ? draft!.trim() : null} />
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

/** A plain click opens the row; with Shift (a range) or Ctrl/Cmd (one row) it changes the selection instead. */
function rowClick(
  event: MouseEvent,
  chatId: string,
  onClick: (chatId: string) => void,
  onGesture: (chatId: string, gesture: RowGesture) => void,
): void {
  const gesture = { range: event.shiftKey, toggle: event.ctrlKey || event.metaKey }
  if (!gesture.range && !gesture.toggle) return onClick(chatId)
  // Shift+click would also select the text between the clicks.
  event.preventDefault()
  window.getSelection()?.removeAllRanges()
  onGesture(chatId, gesture)
}

/** The last message (or the unsent draft, or "You:" before my own) and the unread count. */
function PreviewLine({ conversation, draft }: { conversation: Conversation; draft: string | null }) {
  const { t } = useTranslation()
  const last = conversation.lastMessage
  const unread = conversation.unreadCount
  const hasDraft = draft !== null
  return (
    <div className={classes.line}>
      {/* dir="auto" skips <bdi>: the line takes the message's direction, not the "You:" prefix's, so a
          long English preview in an Arabic UI is cut at its end, not its start. */}
      <span className={classes.preview} dir="auto">
        {/* The space stays outside the isolate: inside an Arabic one it would land on the far side. */}
        {hasDraft && <bdi className="tone-warn">{t('row.draft')}</bdi>}
        {!hasDraft && last?.direction === 'outbound' && <bdi>{t('row.you')}</bdi>}
        {(hasDraft || last?.direction === 'outbound') && ' '}
        {hasDraft ? draft.slice(0, 200) : last ? last.preview : t('row.noMessages')}
      </span>
      {unread > 0 && (
        <span className={classes.unread} aria-label={t('row.unread', { count: unread })}>
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </div>
  )
}

/**
 * The row's checkbox, over the channel icon (shown on hover and while anything is selected). Not focusable: the
 * row is an option of the listbox, whose keyboard cursor X toggles (a focusable control inside an option is a
 * nested interactive element); the option itself says aria-checked.
 */
function RowCheckbox({
  checked,
  label,
  onToggle,
}: {
  checked: boolean
  label: string
  onToggle: (range: boolean) => void
}) {
  return (
    <span
      role="checkbox"
      aria-checked={checked}
      aria-label={label}
      title={label}
      className={classes.check}
      onClick={(event) => {
        event.stopPropagation()
        onToggle(event.shiftKey)
      }}
    >
      {checked && <IconCheck size={14} stroke={3} aria-hidden />}
    </span>
  )
}

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
