/**
 * Whether this copy of Inbox Desk may update itself, and if not, why. Pure except `detectWindowsInstall`,
 * which asks the `InstallProbe`.
 *
 * How each case is recognised:
 * - development: `app.isPackaged` is false (electron-updater would refuse anyway);
 * - portable (Windows): electron-builder's portable launcher sets PORTABLE_EXECUTABLE_DIR;
 * - Linux: only the AppImage updates itself (the AppImage runtime sets APPIMAGE); deb and rpm installs
 *   belong to the package manager (apt/dnf, or the company's repository);
 * - MSI (Windows): electron-builder's MSI leaves no marker file of its own, but Windows Installer registers
 *   our fixed UpgradeCode (electron-builder.yml `msi.upgradeCode`) under
 *   HKLM\SOFTWARE\Classes\Installer\UpgradeCodes\<packed code>. An NSIS install is recognised first, by the
 *   uninstaller electron-builder's NSIS script writes next to the executable ("Uninstall Inbox Desk.exe"), so
 *   a machine with both an MSI and a per-user NSIS copy updates the NSIS copy only. With neither marker the
 *   copy was unpacked by hand: treated as portable. (mattermost/desktop#2175: an MSI install that updates
 *   itself through NSIS ends up as two installs fighting.)
 * - policy: ./policy.ts.
 */
import { join } from 'node:path'
import type { UpdateDisabledReason } from '../../shared/update/status'
import type { InstallFacts, InstallProbe } from '../ports/updater'

export type { InstallFacts }
import type { UpdatePolicy } from './policy'

/** electron-builder.yml `msi.upgradeCode` (a unit test keeps the two equal). */
export const MSI_UPGRADE_CODE = '5b0e0c5e-6c4b-4c1e-9d63-2b1f6f3f5a11'
export const PRODUCT_NAME = 'Inbox Desk'

export type WindowsInstall = 'nsis' | 'msi' | 'none'

export type UpdateDecision = { enabled: true } | { enabled: false; reason: UpdateDisabledReason }

/**
 * Windows Installer's "packed" form of a GUID, as its registry keys use it: the first three groups reversed,
 * the two hex digits of each remaining byte swapped, upper case, no punctuation.
 */
export function packedGuid(guid: string): string {
  const hex = guid.replace(/[{}-]/g, '').toUpperCase()
  if (!/^[0-9A-F]{32}$/.test(hex)) throw new Error(`Not a GUID: ${guid}`)
  const reverse = (part: string) => [...part].reverse().join('')
  const tail = hex
    .slice(16)
    .match(/../g)!
    .map((byte) => byte.charAt(1) + byte.charAt(0))
    .join('')
  return reverse(hex.slice(0, 8)) + reverse(hex.slice(8, 12)) + reverse(hex.slice(12, 16)) + tail
}

export const MSI_UPGRADE_CODE_KEY = `HKLM\\SOFTWARE\\Classes\\Installer\\UpgradeCodes\\${packedGuid(MSI_UPGRADE_CODE)}`

export async function detectWindowsInstall(probe: InstallProbe, execDir: string): Promise<WindowsInstall> {
  if (await probe.fileExists(join(execDir, `Uninstall ${PRODUCT_NAME}.exe`))) return 'nsis'
  if ((await probe.readRegistryKey(MSI_UPGRADE_CODE_KEY)) !== null) return 'msi'
  return 'none'
}

/** Why this install cannot update itself (null: it can). */
function installReason(facts: InstallFacts, windowsInstall: WindowsInstall | null): UpdateDisabledReason | null {
  if (facts.testInstall) return null
  if (!facts.isPackaged) return 'development'
  if (facts.platform === 'win32') {
    if (facts.env.PORTABLE_EXECUTABLE_DIR) return 'portable'
    if (windowsInstall === 'msi') return 'msi'
    if (windowsInstall !== 'nsis') return 'portable'
  }
  if (facts.platform === 'linux' && !facts.env.APPIMAGE) return 'package-manager'
  return null
}

/** The first reason that applies, from the most basic (how the app runs) to the administrator's word. */
export function decideUpdates(
  facts: InstallFacts,
  windowsInstall: WindowsInstall | null,
  policy: UpdatePolicy,
): UpdateDecision {
  const reason = installReason(facts, windowsInstall)
  if (reason) return { enabled: false, reason }
  if (policy.invalid) return { enabled: false, reason: 'policy-invalid' }
  if (policy.disabled) return { enabled: false, reason: 'policy' }
  return { enabled: true }
}
