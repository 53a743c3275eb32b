/** One titled, labelled section of the settings drawer. */
import type { ReactNode } from 'react'
import { Divider, Stack, Title } from '@mantine/core'

export function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
      <Divider />
    </Stack>
  )
}
