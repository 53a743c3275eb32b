// Runs electronegativity on src/ and fails on any finding that the reviewed
// allow-list (scripts/electronegativity-allowlist.json) does not name. The
// tool itself exits 0 whatever it finds, so its CSV is read here. Each entry
// of the allow-list matches findings by check, file and a piece of the
// flagged source, and says why the finding is acceptable; an entry that no
// longer matches anything fails too, so the list never outlives the code.
//
// npm run check runs it as `npm run security`. `--input DIR` and `--allow-list FILE` point it elsewhere (its own
// test, tests/unit/security/electronegativity.test.ts, runs it on a fixture to show that it fails).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const root = resolve(import.meta.dirname, '..')
const { values: args } = parseArgs({ options: { input: { type: 'string' }, 'allow-list': { type: 'string' } } })
const inputDir = resolve(args.input ?? join(root, 'src'))
const allowListPath = resolve(args['allow-list'] ?? join(root, 'scripts', 'electronegativity-allowlist.json'))
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field.trim())
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') endField()
    else if (char === '\n') {
      endField()
      rows.push(row)
      row = []
    } else if (char !== '\r') field += char
  }
  if (field !== '' || row.length > 0) {
    endField()
    rows.push(row)
  }
  return rows.filter((r) => r.some((cell) => cell !== ''))
}

const workDir = mkdtempSync(join(tmpdir(), 'electronegativity-'))
const csvPath = join(workDir, 'findings.csv')
// Electronegativity writes its CSV header and its rows with two fs.writeFile calls it does not wait for
// (dist/util/file.js: a truncating write, then an append). Under load they can land in either order and
// interleave, which garbles the file. So the CSV is read only once it is well formed, running the tool
// again (up to three times) when it is not, rather than reporting a garbled file as findings. A CSV with a
// header and no rows counts as garbled too (the header's truncating write landed last): this tree always
// has the allow-listed findings, so a true zero would fail below as stale entries anyway.
const wellFormed = ([header, ...rows]) =>
  header !== undefined &&
  header[0] === 'issue' &&
  rows.length > 0 &&
  rows.every((cells) => cells.length === header.length && /^[A-Z_]+$/.test(cells[0]))
const runTool = () => {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
      '--input',
      inputDir,
      '--electron-version',
      electronVersion,
      '--output',
      csvPath,
      '--verbose',
      'false',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  return parseCsv(readFileSync(csvPath, 'utf8'))
}
try {
  let csv = runTool()
  for (let attempt = 1; attempt < 3 && !wellFormed(csv); attempt++) csv = runTool()
  if (!wellFormed(csv)) throw new Error(`electronegativity wrote an empty or malformed CSV three times (${csvPath})`)
  const [header, ...rows] = csv
  const column = (name) => header.indexOf(name)
  const findings = rows.map((cells) => ({
    check: cells[column('issue')],
    file: relative(root, cells[column('filename')]),
    location: cells[column('location')],
    sample: cells[column('sample')],
    description: cells[column('description')],
  }))
  const allowList = JSON.parse(readFileSync(allowListPath, 'utf8'))
  const used = new Set()
  const unexplained = findings.filter((finding) => {
    const index = allowList.findIndex(
      (entry) => entry.check === finding.check && entry.file === finding.file && finding.sample.includes(entry.match),
    )
    if (index === -1) return true
    used.add(index)
    return false
  })
  const stale = allowList.filter((_entry, index) => !used.has(index))
  const unreasoned = allowList.filter((entry) => typeof entry.reason !== 'string' || entry.reason.trim().length < 20)
  for (const f of unexplained) {
    console.error(`electronegativity: ${f.check} at ${f.file}:${f.location}: ${f.description}\n    ${f.sample}`)
  }
  for (const entry of stale)
    console.error(`electronegativity: allow-list entry matches nothing any more: ${JSON.stringify(entry)}`)
  for (const entry of unreasoned)
    console.error(`electronegativity: allow-list entry without a reason: ${JSON.stringify(entry)}`)
  if (unexplained.length + stale.length + unreasoned.length > 0) {
    console.error(
      `electronegativity: fix the code, or add an entry with its reason to ${relative(root, allowListPath)} after review.`,
    )
    process.exit(1)
  }
  console.log(`electronegativity: ${findings.length} findings, each in the reviewed allow-list.`)
} finally {
  rmSync(workDir, { recursive: true, force: true })
}
