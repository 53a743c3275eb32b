/** The values the editor's preview fills in: a sample contact and channel, and the agent from "Who am I". */
import { useTranslation } from 'react-i18next'
import type { KnownValues } from '../../../shared/domain/reply-template'
import { useUsers } from '../bridge/queries'

export function useSampleValues(meUserId: string | null): KnownValues {
  const { t } = useTranslation()
  const users = useUsers()
  const agent = meUserId ? users.data?.find((user) => user.id === meUserId) : undefined
  return {
    'contact.name': t('template.sampleContactName'),
    'contact.firstName': t('template.sampleContactFirstName'),
    'agent.name': agent?.displayName ?? null,
    channel: 'WhatsApp',
  }
}
