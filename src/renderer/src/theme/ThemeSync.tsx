import { useEffect } from 'react'
import { useMantineColorScheme } from '@mantine/core'
import type { ThemePreference } from '../../../shared/ipc/contract'

/** Applies the saved theme; "system" follows the OS (Mantine's `auto`). */
export function ThemeSync({ preference }: { preference: ThemePreference | undefined }) {
  const { setColorScheme } = useMantineColorScheme()
  useEffect(() => {
    setColorScheme(!preference || preference === 'system' ? 'auto' : preference)
  }, [preference, setColorScheme])
  return null
}
