/**
 * electron-builder.yml as electron-builder itself reads and validates it (its loader and its JSON
 * schema), plus the rules Inbox Desk adds: the installers per OS and architecture, artifact names,
 * native modules outside the asar, the update feed, the fuses, the icons in build/. Installers cannot be
 * built here (electron-builder downloads Electron and its tools from GitHub); this is what can be checked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ICNS_TYPES, pngSize } from '../../../scripts/icon-containers.mjs'

const root = resolve(__dirname, '../../..')
// electron-builder's own loader and validator (what `electron-builder` runs first).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<BuilderConfig>
  validateConfiguration(config: unknown, logger: unknown): Promise<void>
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

interface TargetEntry {
  target: string
  arch: string[]
}
interface BuilderConfig {
  appId: string
  artifactName: string
  asarUnpack: string[]
  npmRebuild?: boolean
  electronFuses: Record<string, boolean>
  publish: { provider: string; url?: string; owner?: string; repo?: string; channel?: string }
  directories: { buildResources: string }
  mac: { target: TargetEntry[]; icon: string; notarize?: boolean; identity?: string | null }
  win: { target: TargetEntry[]; icon: string }
  linux: { target: TargetEntry[]; icon: string }
  nsis: { artifactName?: string }
  msi: { upgradeCode?: string; perMachine?: boolean }
  forceCodeSigning?: boolean
  [key: string]: unknown
}

const loadConfig = () => getConfig(root, null, null)
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  dependencies: Record<string, string>
}

const targetsOf = (entries: TargetEntry[]) => Object.fromEntries(entries.map((entry) => [entry.target, entry.arch]))

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema, which refuses an unknown or misspelt option', async () => {
    const config = await loadConfig()
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // The check is real: the same file with one misspelt key is refused.
    const misspelt = { ...config, win: { ...config.win, targets: config.win.target } }
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration\.win/)
  })

  it('builds AppImage, deb and rpm; NSIS and MSI; dmg and zip, for x64 and arm64', async () => {
    const config = await loadConfig()
    expect(targetsOf(config.linux.target)).toEqual({
      AppImage: ['x64', 'arm64'],
      deb: ['x64', 'arm64'],
      rpm: ['x64', 'arm64'],
    })
    // WiX (MSI) has no arm64; NSIS carries both architectures in one installer.
    expect(targetsOf(config.win.target)).toEqual({ nsis: ['x64', 'arm64'], msi: ['x64'] })
    expect(targetsOf(config.mac.target)).toEqual({ dmg: ['x64', 'arm64'], zip: ['x64', 'arm64'] })
  })

  it('names every artifact with the version and the architecture (NSIS: the version, both arches inside)', async () => {
    const config = await loadConfig()
    expect(config.artifactName).toContain('${version}')
    expect(config.artifactName).toContain('${arch}')
    expect(config.artifactName).not.toContain('${productName}') // "Inbox Desk": no space in file names
    expect(config.nsis.artifactName).toContain('${version}')
    // Every target without its own name uses the top-level one.
    for (const platform of ['mac', 'win', 'linux'] as const) {
      for (const { target } of config[platform].target) {
        if (target === 'nsis') continue
        expect((config[target] as { artifactName?: string } | undefined)?.artifactName, target).toBeUndefined()
      }
    }
  })

  it('keeps native modules out of the asar and rebuilds them for Electron', async () => {
    const config = await loadConfig()
    expect(config.npmRebuild).not.toBe(false)
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/keytar/**', 'node_modules/better-sqlite3/**', '**/*.node']),
    )
    // Every production dependency with a native build (binding.gyp) is covered by name, not only by
    // its .node file: some load helpers or prebuilt files next to it.
    const native = Object.keys(packageJson.dependencies).filter((name) =>
      existsSync(join(root, 'node_modules', name, 'binding.gyp')),
    )
    expect(native).toContain('keytar')
    for (const name of native) expect(config.asarUnpack).toContain(`node_modules/${name}/**`)
    // `npm install` rebuilds them for Electron too (skipped where Electron cannot be downloaded).
    expect(readFileSync(join(root, 'scripts/postinstall.mjs'), 'utf8')).toContain("'install-app-deps'")
  })

  it('publishes to an https update feed (generic or GitHub) on the latest channel', async () => {
    const { publish } = await loadConfig()
    expect(['generic', 'github']).toContain(publish.provider)
    if (publish.provider === 'generic') expect(publish.url).toMatch(/^https:\/\//)
    else expect(publish.owner && publish.repo).toBeTruthy()
    expect(publish.channel ?? 'latest').toBe('latest')
  })

  it('sets every security fuse explicitly', async () => {
    const { electronFuses } = await loadConfig()
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('reads signing and notarization from the environment only', async () => {
    const config = await loadConfig()
    // No identity, certificate or password in the file: electron-builder takes CSC_LINK, APPLE_API_KEY...
    // from the environment and builds unsigned (with a warning) when they are absent.
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8')
    expect(text).not.toMatch(/^\s*(cscLink|cscKeyPassword|identity|certificateFile|certificatePassword):/m)
    expect(config.forceCodeSigning).toBe(false)
    expect(config.mac.notarize).toBeUndefined() // undefined = notarize when APPLE_* are set, else skip
  })

  it('`npm run dist` builds the app, then the installers for this OS, without publishing', () => {
    expect(packageJson.scripts.dist).toMatch(/^electron-vite build && electron-builder\b/)
    expect(packageJson.scripts.dist).toContain('--publish never')
  })
})

describe('the icons in build/', () => {
  const buildDir = join(root, 'build')

  it('has a .ico with 16 to 256 px (Windows)', async () => {
    const { config, bytes } = await iconFile((c) => c.win.icon)
    expect(config).toBe('icon.ico')
    expect(bytes.readUInt16LE(2)).toBe(1) // an icon
    const count = bytes.readUInt16LE(4)
    const sizes = Array.from({ length: count }, (_, index) => bytes.readUInt8(6 + 16 * index) || 256)
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256])
    for (let index = 0; index < count; index += 1) {
      const length = bytes.readUInt32LE(6 + 16 * index + 8)
      const offset = bytes.readUInt32LE(6 + 16 * index + 12)
      expect(offset + length).toBeLessThanOrEqual(bytes.length)
      const image = bytes.subarray(offset, offset + length)
      if (sizes[index] === 256) expect(pngSize(image)).toEqual({ width: 256, height: 256 })
      else {
        expect(image.readUInt32LE(0)).toBe(40) // BITMAPINFOHEADER
        expect(image.readInt32LE(4)).toBe(sizes[index])
        // Not blank: the middle pixel is opaque (BGRA rows, bottom-up).
        const size = sizes[index] ?? 0
        const middle = 40 + (Math.floor(size / 2) * size + Math.floor(size / 2)) * 4
        expect(image.readUInt8(middle + 3)).toBe(255)
      }
    }
  })

  it('has a .icns with every PNG slot macOS asks for', async () => {
    const { config, bytes } = await iconFile((c) => c.mac.icon)
    expect(config).toBe('icon.icns')
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('icns')
    expect(bytes.readUInt32BE(4)).toBe(bytes.length)
    const found = new Map<string, { width: number; height: number } | null>()
    for (let offset = 8; offset < bytes.length;) {
      const type = bytes.subarray(offset, offset + 4).toString('ascii')
      const length = bytes.readUInt32BE(offset + 4)
      found.set(type, pngSize(bytes.subarray(offset + 8, offset + length)))
      offset += length
    }
    for (const [type, size] of ICNS_TYPES) expect(found.get(type), type).toEqual({ width: size, height: size })
  })

  it('has NxN.png from 16 to 512 px for Linux', async () => {
    const { linux, directories } = await loadConfig()
    const dir = join(root, directories.buildResources, linux.icon)
    const names = readdirSync(dir).sort((a, b) => parseInt(a) - parseInt(b))
    expect(names).toEqual([
      '16x16.png',
      '24x24.png',
      '32x32.png',
      '48x48.png',
      '64x64.png',
      '128x128.png',
      '256x256.png',
      '512x512.png',
    ])
    for (const name of names) {
      const size = parseInt(name)
      expect(pngSize(readFileSync(join(dir, name))), name).toEqual({ width: size, height: size })
    }
  })

  async function iconFile(pick: (config: BuilderConfig) => string) {
    const config = await loadConfig()
    return { config: pick(config), bytes: readFileSync(join(buildDir, pick(config))) }
  }
})
