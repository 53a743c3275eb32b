/**
 * Settings → Network: the system's proxy (the default: its PAC script and certificates too), none, or one
 * proxy typed by the agent with hosts that bypass it. System and none apply at once; a manual proxy is
 * checked (src/shared/network/proxy.ts, which the bridge checks again) and applied when saved.
 */
import { useState } from 'react'
import { Button, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { proxyBypassProblem, proxyUrlProblem, type ProxyMode, type ProxySettings } from '../../../shared/network/proxy'

// Examples, the same in every language (addresses, not words).
const URL_EXAMPLE = 'http://proxy.example.com:8080'
const BYPASS_EXAMPLE = '*.corp.example.com, 10.0.0.0/8'

export function NetworkSettings({ proxy, onSave }: { proxy: ProxySettings; onSave: (proxy: ProxySettings) => void }) {
  const { t } = useTranslation()
  const [mode, setMode] = useState<ProxyMode>(proxy.mode)
  const [url, setUrl] = useState(proxy.url)
  const [bypass, setBypass] = useState(proxy.bypass)
  const [errors, setErrors] = useState<{ url?: string; bypass?: string }>({})

  const choose = (value: string) => {
    const next = value as ProxyMode
    setMode(next)
    setErrors({})
    // A manual proxy waits for its address; the other two need nothing more.
    if (next !== 'manual') onSave({ mode: next, url: proxy.url, bypass: proxy.bypass })
  }
  const saveManual = () => {
    const urlProblem = proxyUrlProblem(url)
    const bypassProblem = proxyBypassProblem(bypass)
    setErrors({
      url: urlProblem ? t(`settings.proxyProblem.${urlProblem}`) : undefined,
      bypass: bypassProblem ? t(`settings.proxyProblem.${bypassProblem}`) : undefined,
    })
    if (!urlProblem && !bypassProblem) onSave({ mode: 'manual', url: url.trim(), bypass: bypass.trim() })
  }
  const saved = proxy.mode === 'manual' && proxy.url === url.trim() && proxy.bypass === bypass.trim()

  return (
    <Stack gap="sm">
      <Radio.Group label={t('settings.proxy')} value={mode} onChange={choose}>
        <Stack gap="xs" mt="xs">
          <Radio value="system" label={t('settings.proxySystem')} description={t('settings.proxySystemHint')} />
          <Radio value="direct" label={t('settings.proxyDirect')} />
          <Radio value="manual" label={t('settings.proxyManual')} />
        </Stack>
      </Radio.Group>
      {mode === 'manual' && (
        <Stack gap="xs">
          <TextInput
            label={t('settings.proxyUrl')}
            description={t('settings.proxyUrlHint')}
            placeholder={URL_EXAMPLE}
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            error={errors.url}
            dir="ltr"
            spellCheck={false}
          />
          <Textarea
            label={t('settings.proxyBypass')}
            description={t('settings.proxyBypassHint')}
            placeholder={BYPASS_EXAMPLE}
            value={bypass}
            onChange={(event) => setBypass(event.currentTarget.value)}
            error={errors.bypass}
            autosize
            minRows={2}
            dir="ltr"
            spellCheck={false}
          />
          <Group gap="sm">
            <Button w="fit-content" onClick={saveManual} disabled={saved}>
              {t('settings.proxySave')}
            </Button>
            {saved && (
              <Text size="sm" c="dimmed" role="status">
                {t('settings.proxyInUse')}
              </Text>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  )
}
