/**
 * The app shell: header, views with live counts, the conversation list and
 * the open thread with its contact panel; keyboard shortcuts, command palette, settings. What it
 * holds lives in `useInboxShell` (and the hooks it composes); this file only
 * lays the parts out.
 */
import { useRef } from 'react'
import { AppShell } from '@mantine/core'
import type { AppState } from '../../../shared/ipc/contract'
import type { ComposerHandle } from '../composer/Composer'
import { CheatSheet } from '../palette/CheatSheet'
import { CommandPalette } from '../palette/CommandPalette'
import { SettingsDrawer } from '../settings/SettingsDrawer'
import { ListPane } from './ListPane'
import { NoConversationOpen } from './NoConversationOpen'
import { OpenConversationPane } from './OpenConversationPane'
import { ShellHeader } from './ShellHeader'
import { UpdateBanner } from '../updates/UpdateBanner'
import { SnoozedPane, snoozeUi, useSnoozeUi } from '../snooze'
import { SyncBanner } from './SyncBanner'
import { LocalDataBanner } from './LocalDataBanner'
import { useInboxShell } from './useInboxShell'
import { ViewsNav } from './ViewsNav'

/** Above the inbox: sync trouble (./SyncBanner.tsx), then a downloaded update (../updates/UpdateBanner.tsx). */
function Banners({ appState, onChangeAccount }: { appState: AppState; onChangeAccount: (prefillUrl: string) => void }) {
  const { account } = appState
  return (
    <>
      <SyncBanner
        accountProblem={appState.accountProblem}
        onUpdateKey={() => onChangeAccount(account?.kind === 'remote' ? account.baseUrl : '')}
      />
      <LocalDataBanner notice={appState.localDataNotice} />
      <UpdateBanner />
    </>
  )
}

/** The list column: the view's conversations, or the Snoozed view (../snooze). */
function ListColumn({
  shell,
  meUserId,
  snoozedView,
}: {
  shell: ReturnType<typeof useInboxShell>
  meUserId: string | null
  snoozedView: boolean
}) {
  if (snoozedView) return <SnoozedPane now={shell.now} onOpen={shell.inbox.openAnywhere} />
  return (
    <ListPane
      inbox={shell.inbox}
      bulk={shell.bulk}
      meUserId={meUserId}
      drafts={shell.drafts}
      now={shell.now}
      onChooseMe={shell.settings.open}
    />
  )
}

export function InboxShell({
  appState,
  onChangeAccount,
}: {
  appState: AppState
  onChangeAccount: (prefillUrl: string) => void
}) {
  const { settings, account } = appState
  const meUserId = settings.meUserId
  const composerRef = useRef<ComposerHandle>(null)
  const shell = useInboxShell(meUserId, composerRef, appState.lastOpenConversation)
  const { inbox, actions } = shell
  const open = inbox.openConversation
  const snoozedView = useSnoozeUi().viewOpened

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: { base: 220, lg: 256 }, breakpoint: 'md', collapsed: { mobile: !shell.nav.opened } }}
      padding={0}
    >
      <ShellHeader
        navOpened={shell.nav.opened}
        onToggleNav={shell.nav.toggle}
        demo={account?.kind === 'demo'}
        onShortcuts={shell.cheatSheet.open}
        onSettings={shell.settings.open}
      />
      <ViewsNav
        view={snoozedView ? null : inbox.view}
        counts={inbox.all.data ? inbox.counts : null}
        onView={(view) => {
          snoozeUi.hideView()
          inbox.changeView(view)
        }}
      />
      <AppShell.Main h="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
        <Banners appState={appState} onChangeAccount={onChangeAccount} />
        <div style={{ flex: 1, minHeight: 0, display: 'flex' }}>
          <ListColumn shell={shell} meUserId={meUserId} snoozedView={snoozedView} />
          <div style={{ flex: 1, minWidth: 0 }}>
            {open ? (
              <OpenConversationPane
                ref={composerRef}
                conversation={open}
                settings={settings}
                inbox={inbox}
                actions={actions}
                now={shell.now}
              />
            ) : (
              <NoConversationOpen />
            )}
          </div>
        </div>
      </AppShell.Main>

      <SettingsDrawer
        opened={shell.settings.opened}
        onClose={shell.settings.close}
        appState={appState}
        onChangeAccount={(prefillUrl) => {
          shell.settings.close()
          onChangeAccount(prefillUrl)
        }}
        onAccountRemoved={shell.settings.close}
      />
      <CheatSheet opened={shell.cheatSheet.opened} onClose={shell.cheatSheet.close} />
      <CommandPalette
        conversations={inbox.visible}
        onView={inbox.changeView}
        onOpenConversation={inbox.openAnywhere}
        commands={shell.commands}
      />
    </AppShell>
  )
}
