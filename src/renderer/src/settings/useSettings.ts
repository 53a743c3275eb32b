import { useMutation, useQueryClient } from '@tanstack/react-query'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import type { AppState, RendererSettings, SettingsPatch } from '../../../shared/ipc/contract'
import { call, errorMessage } from '../bridge/client'
import { queryKeys } from '../bridge/queries'

/** Saves a settings patch: applied at once in the UI, undone if main refuses it. */
export function useUpdateSettings() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (patch: SettingsPatch) => call('updateSettings', patch),
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.appState })
      const previous = queryClient.getQueryData<AppState>(queryKeys.appState)
      if (previous) {
        queryClient.setQueryData<AppState>(queryKeys.appState, {
          ...previous,
          settings: applyPatch(previous.settings, patch),
        })
      }
      return { previous }
    },
    onError: (error, _patch, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.appState, context.previous)
      notifications.show({ color: 'red', title: t('settings.saveFailed'), message: errorMessage(error) })
    },
    onSuccess: (settings: RendererSettings) => {
      queryClient.setQueryData<AppState>(queryKeys.appState, (state) => (state ? { ...state, settings } : state))
    },
  })
}

function applyPatch(settings: RendererSettings, patch: SettingsPatch): RendererSettings {
  return {
    ...settings,
    ...patch,
    notifications: { ...settings.notifications, ...patch.notifications },
  } as RendererSettings
}
