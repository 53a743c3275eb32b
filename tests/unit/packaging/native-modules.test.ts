/**
 * The native modules (keytar, better-sqlite3) on a user's machine and in the installers: built from source
 * for Node by `npm install` (prebuild-install reads .prebuild-installrc), rebuilt from source for Electron by
 * scripts/postinstall.mjs (`electron-builder install-app-deps`) and by electron-builder while packaging
 * (npmRebuild + buildDependenciesFromSource), never a prebuilt binary downloaded; kept out of the asar.
 * And what ships in node_modules: only what main loads at run time (the renderer's libraries are in its bundle).
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
const NATIVE = ['keytar', 'better-sqlite3'] as const
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getConfig } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<Record<string, unknown>>
}
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

describe('native modules are built from source, for Node and for Electron', () => {
  it.each(NATIVE)(
    '%s installs through prebuild-install, which .prebuild-installrc tells to build from source',
    (name) => {
      const dir = join(root, 'node_modules', name)
      const { scripts } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        scripts: { install: string }
      }
      expect(scripts.install).toMatch(/^prebuild-install \|\| /)
      // prebuild-install's own configuration loader, run where npm runs the install script (the module's folder).
      const probe = spawnSync(
        process.execPath,
        [
          '-e',
          "process.stdout.write(String(require(require.resolve('prebuild-install/rc', { paths: [process.cwd()] }))(require('./package.json')).buildFromSource))",
        ],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_build_from_source: '' } },
      )
      expect(probe.stderr).toBe('')
      expect(probe.stdout).toBe('true')
    },
  )

  it.each(NATIVE)('%s in node_modules was compiled here by node-gyp (no downloaded prebuild)', (name) => {
    const build = join(root, 'node_modules', name, 'build')
    // node-gyp writes config.gypi and a Makefile/solution; a downloaded prebuild brings only the .node file.
    expect(existsSync(join(build, 'config.gypi'))).toBe(true)
    expect(readdirSync(join(build, 'Release')).some((file) => file.endsWith('.node'))).toBe(true)
    expect(existsSync(join(root, 'node_modules', name, 'prebuilds'))).toBe(false)
  })

  it('electron-builder rebuilds them from source for Electron, and keeps them out of the asar', async () => {
    const config = await getConfig(root, null, null)
    expect(config.npmRebuild).toBe(true)
    // Without this, @electron/rebuild first tries prebuild-install's download for Electron's ABI.
    expect(config.buildDependenciesFromSource).toBe(true)
    expect(config.asarUnpack).toEqual(expect.arrayContaining(NATIVE.map((name) => `node_modules/${name}/**`)))
    // The option reaches @electron/rebuild as buildFromSource, for install-app-deps and packaging alike.
    const yarn = readFileSync(join(root, 'node_modules/app-builder-lib/out/util/yarn.js'), 'utf8')
    expect(yarn).toContain('buildFromSource: config.buildDependenciesFromSource === true')
    const rebuilder = readFileSync(join(root, 'node_modules/@electron/rebuild/lib/module-rebuilder.js'), 'utf8')
    expect(rebuilder).toMatch(/if \(!this\.rebuilder\.buildFromSource &&[\s\S]*findPrebuildInstallModule/)
  })
})

describe('scripts/postinstall.mjs', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  /** Runs postinstall with an `npx` first on PATH that records its arguments and exits with `exitCode`. */
  function runPostinstall(env: Record<string, string>, exitCode = 0) {
    const bin = mkdtempSync(join(tmpdir(), 'inbox-desk-npx-'))
    dirs.push(bin)
    const log = join(bin, 'calls.txt')
    writeFileSync(join(bin, 'npx'), `#!/bin/sh\necho "$@" >> "${log}"\nexit ${exitCode}\n`)
    chmodSync(join(bin, 'npx'), 0o755)
    const cleanEnv = { ...process.env }
    delete cleanEnv.CI
    delete cleanEnv.ELECTRON_SKIP_BINARY_DOWNLOAD
    const result = spawnSync(process.execPath, [join(root, 'scripts/postinstall.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...cleanEnv, PATH: `${bin}${delimiter}${process.env.PATH}`, ...env },
    })
    return { ...result, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] }
  }

  it.skipIf(process.platform === 'win32')('on a user machine, rebuilds the native modules for Electron', () => {
    const run = runPostinstall({})
    expect(run.status).toBe(0)
    expect(run.calls).toEqual(['electron-builder install-app-deps'])
  })

  it.skipIf(process.platform === 'win32')(
    'where Electron is not downloaded (CI, the shim) keeps the Node build',
    () => {
      for (const env of [{ CI: 'true' }, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }] as Record<string, string>[]) {
        const run = runPostinstall(env)
        expect(run.status).toBe(0)
        expect(run.calls).toEqual([])
        expect(run.stdout).toContain('keeping native modules built for Node')
      }
    },
  )

  it.skipIf(process.platform === 'win32')('a failed rebuild warns and does not fail `npm install`', () => {
    const run = runPostinstall({}, 1)
    expect(run.status).toBe(0)
    expect(run.calls).toEqual(['electron-builder install-app-deps'])
    expect(run.stderr).toContain('Could not rebuild native modules for Electron')
  })
})

describe('what ships in node_modules', () => {
  /** Bare package names imported by the code that runs in main (bundled with deps external) or the sandbox. */
  function mainImports(): Set<string> {
    const names = new Set<string>()
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (
          /\.tsx?$/.test(entry.name) &&
          !/\.(test|bench)\.tsx?$/.test(entry.name) &&
          !path.includes('/testing/')
        ) {
          for (const match of readFileSync(path, 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^'.][^']*)'/gm)) {
            const spec = match[1]!
            if (spec.startsWith('node:') || spec === 'electron') continue
            names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
          }
        }
      }
    }
    for (const dir of ['src/main', 'src/shared', 'src/sandbox']) walk(join(root, dir))
    return names
  }

  it('has every package main loads at run time among the dependencies', () => {
    const missing = [...mainImports()].filter((name) => !(name in packageJson.dependencies))
    expect(missing).toEqual([])
  })

  it("keeps the renderer's libraries out of it: vite bundles them, a dependency would ship them twice", () => {
    const rendererOnly = [
      'react',
      'react-dom',
      '@mantine/core',
      '@mantine/hooks',
      '@mantine/notifications',
      '@mantine/spotlight',
      '@tabler/icons-react',
      '@tanstack/react-query',
      '@tanstack/react-virtual',
      // Not i18next: main speaks the UI language too (src/main/i18n: notifications, tray, dialogs).
      'react-i18next',
      'dayjs',
    ]
    const used = mainImports()
    for (const name of rendererOnly) {
      expect(used.has(name), `${name} is imported by main now`).toBe(false)
      expect(packageJson.dependencies[name], name).toBeUndefined()
      expect(packageJson.devDependencies[name], name).toBeDefined()
    }
  })
})
