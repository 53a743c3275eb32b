/**
 * Where an administrator's update policy is read from, through the `InstallProbe` port, strongest first:
 * - Windows: the registry, HKLM then HKCU `Software\Policies\Inbox Desk` (Group Policy / Intune write there);
 * - macOS: the managed preferences of `com.inboxdesk.app` (an MDM profile), the machine's then the user's;
 * - every OS: `update-policy.json` next to the executable (for IT without a policy tool).
 * Logs what it found and, loudly, what it could not use (./policy.ts says why that turns updates off).
 */
import { join } from 'node:path'
import type { Logger } from '../ports/logger'
import type { InstallProbe } from '../ports/updater'
import { checkPolicyValues, mergePolicyLayers, parsePolicyJson, type PolicyLayer, type UpdatePolicy } from './policy'

export const POLICY_REGISTRY_KEYS = [
  'HKLM\\Software\\Policies\\Inbox Desk',
  'HKCU\\Software\\Policies\\Inbox Desk',
] as const
export const POLICY_PLIST_DOMAIN = 'com.inboxdesk.app'
export const MANAGED_PREFERENCES_DIR = '/Library/Managed Preferences'
export const POLICY_FILE_NAME = 'update-policy.json'

export interface PolicyContext {
  platform: NodeJS.Platform
  /** The folder of the running executable (dirname of process.execPath). */
  execDir: string
  /** The login name, for macOS's per-user managed preferences. */
  userName?: string
}

const unreadable = (source: PolicyLayer['source'], where: string, error: unknown): PolicyLayer => ({
  source,
  where,
  problem: `it could not be read (${error instanceof Error ? error.message : String(error)})`,
})

async function registryLayers(probe: InstallProbe): Promise<PolicyLayer[]> {
  const layers: PolicyLayer[] = []
  for (const key of POLICY_REGISTRY_KEYS) {
    try {
      const values = await probe.readRegistryKey(key)
      if (values) layers.push(checkPolicyValues('registry', key, values))
    } catch (error) {
      layers.push(unreadable('registry', key, error))
    }
  }
  return layers
}

async function plistLayers(probe: InstallProbe, userName: string | undefined): Promise<PolicyLayer[]> {
  const paths = [join(MANAGED_PREFERENCES_DIR, `${POLICY_PLIST_DOMAIN}.plist`)]
  if (userName) paths.push(join(MANAGED_PREFERENCES_DIR, userName, `${POLICY_PLIST_DOMAIN}.plist`))
  const layers: PolicyLayer[] = []
  for (const path of paths) {
    try {
      const values = await probe.readPlist(path)
      if (values !== null) layers.push(checkPolicyValues('plist', path, values))
    } catch (error) {
      layers.push(unreadable('plist', path, error))
    }
  }
  return layers
}

async function fileLayer(probe: InstallProbe, execDir: string): Promise<PolicyLayer[]> {
  const path = join(execDir, POLICY_FILE_NAME)
  try {
    const text = await probe.readTextFile(path)
    return text === null ? [] : [parsePolicyJson(text, path)]
  } catch (error) {
    return [unreadable('file', path, error)]
  }
}

export async function readPolicyLayers(probe: InstallProbe, context: PolicyContext): Promise<PolicyLayer[]> {
  const osLayers =
    context.platform === 'win32'
      ? await registryLayers(probe)
      : context.platform === 'darwin'
        ? await plistLayers(probe, context.userName)
        : []
  return [...osLayers, ...(await fileLayer(probe, context.execDir))]
}

/** Every source read, each logged, merged into one policy. */
export async function loadUpdatePolicy(
  probe: InstallProbe,
  context: PolicyContext,
  log: Logger,
): Promise<UpdatePolicy> {
  const layers = await readPolicyLayers(probe, context)
  for (const layer of layers) {
    if ('problem' in layer) {
      log.error(
        `The update policy in ${layer.where} could not be used: ${layer.problem}. ` +
          'Updates stay off until an administrator fixes or removes it.',
      )
    } else {
      log.info(`Update policy from ${layer.where}: ${JSON.stringify(layer.values)}.`)
    }
  }
  return mergePolicyLayers(layers)
}
