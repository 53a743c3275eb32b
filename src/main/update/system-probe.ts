/**
 * The `InstallProbe` on the real system, in plain Node (no Electron): `reg query` for the registry,
 * `plutil` for managed plists (they are binary plists), node:fs for files. Only the parsing is unit-tested
 * here (./system-probe.test.ts); `reg` and `plutil` exist only on Windows and macOS.
 */
import { execFile } from 'node:child_process'
import { access, readFile } from 'node:fs/promises'
import type { InstallProbe, RegistryValues } from '../ports/updater'

const TIMEOUT_MS = 10_000

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: TIMEOUT_MS, windowsHide: true }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number')
        reject(error) // not started, or killed by the timeout
      else resolve({ code: error ? Number(error.code) : 0, stdout: String(stdout), stderr: String(stderr) })
    })
  })
}

/**
 * `reg query <key>` output: a line with the key, then one line per value, "    Name    REG_TYPE    data"
 * (four-space separators; a name may itself contain spaces). Subkeys (lines without a type) are skipped.
 */
export function parseRegQuery(stdout: string): RegistryValues {
  const values: RegistryValues = {}
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line)
    if (!match) continue
    const [, name = '', type, data = ''] = match
    values[name] = type === 'REG_DWORD' || type === 'REG_QWORD' ? Number.parseInt(data, 16) : data
  }
  return values
}

async function readTextFile(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

export function createSystemProbe(): InstallProbe {
  return {
    async readRegistryKey(key) {
      const { code, stdout, stderr } = await run('reg', ['query', key])
      // reg.exe exits 1 for a key that does not exist (its message is in the system's language: not matched).
      if (code === 1) return null
      if (code !== 0) throw new Error(`reg query exited with ${code}: ${stderr.trim()}`)
      return parseRegQuery(stdout)
    },
    async readPlist(path) {
      if (!(await fileExists(path))) return null
      const { code, stdout, stderr } = await run('plutil', ['-convert', 'json', '-o', '-', path])
      if (code !== 0) throw new Error(`plutil could not read it: ${stderr.trim() || stdout.trim()}`)
      return JSON.parse(stdout) as unknown
    },
    readTextFile,
    fileExists,
  }
}
