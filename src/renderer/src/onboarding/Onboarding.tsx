/**
 * The welcome screen (no account yet) and the connect form (also used by
 * Settings → Change account). Accessible names here (in English: "Connect an account", "Explore the demo
 * workspace", "API address", "API key", "Connect", "Keep the key for this session only") are relied on by the
 * end-to-end specs.
 */
import { useState } from 'react'
import { Center, Paper } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ConnectForm } from './ConnectForm'
import { useConnectFlow } from './useConnectFlow'
import { WelcomeChoice } from './WelcomeChoice'

interface OnboardingProps {
  /** Open straight on the connect form (Change account). */
  startOnConnect?: boolean
  prefillUrl?: string
  /** Called after an account was connected or the demo started. */
  onDone: () => void
  /** Shown when there is an account to go back to. */
  onCancel?: () => void
}

export function Onboarding({ startOnConnect = false, prefillUrl = '', onDone, onCancel }: OnboardingProps) {
  const { t } = useTranslation()
  const [step, setStep] = useState<'choose' | 'connect'>(startOnConnect ? 'connect' : 'choose')
  const flow = useConnectFlow({ prefillUrl, onDone })
  return (
    <Center mih="100vh" p="lg" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={520}>
        {step === 'choose' ? (
          <WelcomeChoice
            busy={flow.busy}
            failure={flow.failure}
            onConnect={() => setStep('connect')}
            onDemo={() => void flow.startDemo()}
          />
        ) : (
          <ConnectForm
            flow={flow}
            backLabel={onCancel ? t('common.cancel') : t('common.back')}
            onBack={() => {
              flow.setFailure(null)
              if (onCancel) onCancel()
              else setStep('choose')
            }}
          />
        )}
      </Paper>
    </Center>
  )
}
