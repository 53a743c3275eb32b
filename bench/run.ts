/**
 * `npm run bench [-- filter...]`: runs every `bench/*.bench.ts` module (or
 * those whose file name contains one of the filters), prints a table per
 * module, and rewrites that module's section of docs/benchmarks.md (other
 * modules' sections are kept).
 *
 * A bench module exports:
 *   export const title: string
 *   export async function run(): Promise<BenchResult[]>
 * Exit code 1 when any result has `pass: false`.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, platform, release } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BenchResult } from './types'

interface BenchModule {
  title: string
  run(): Promise<BenchResult[]>
}

const benchDir = resolve(process.argv[1] ? dirname(process.argv[1]) : 'bench')
const docPath = resolve(benchDir, '..', 'docs', 'benchmarks.md')
const DOC_HEADER = `# Benchmarks

Figures from \`npm run bench\` (\`bench/run.ts\`), which rewrites the section of
each module it runs. Each section says when and on what machine it was measured.
Tests never assert timings; targets live here.
`

function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value)
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)
}

function verdict(result: BenchResult): string {
  return result.pass === undefined ? '' : result.pass ? 'pass' : 'FAIL'
}

function printTable(title: string, results: BenchResult[]): void {
  const rows = [
    ['metric', 'value', 'unit', 'target', ''],
    ...results.map((r) => [r.metric, formatValue(r.value), r.unit, r.target ?? '', verdict(r)]),
  ]
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)))
  process.stdout.write(`\n${title}\n`)
  for (const [index, row] of rows.entries()) {
    process.stdout.write(
      `  ${row.map((cell, col) => (col === 1 ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ')}\n`,
    )
    if (index === 0) process.stdout.write(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}\n`)
  }
}

function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  // The load average says whether other work shared the 2 cores while measuring.
  const load = loadavg()[0]!.toFixed(1)
  return `${availableParallelism()} cores (nproc), ${cpu}, Node ${process.version}, ${platform()} ${release()}, load average ${load} at the end`
}

function markdownSection(name: string, title: string, results: BenchResult[]): string {
  const lines = [
    `<!-- bench:${name}:start -->`,
    `## ${title}`,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineLine()}. Module: \`bench/${name}.bench.ts\`.`,
    '',
    '| metric | value | unit | target | result |',
    '|---|---:|---|---|---|',
    ...results.map((r) => `| ${r.metric} | ${formatValue(r.value)} | ${r.unit} | ${r.target ?? ''} | ${verdict(r)} |`),
    `<!-- bench:${name}:end -->`,
  ]
  return lines.join('\n')
}

/** Replaces (or appends) one module's section, keeping the rest of the document. */
function updateDoc(name: string, section: string): void {
  let doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : DOC_HEADER
  const start = `<!-- bench:${name}:start -->`
  const end = `<!-- bench:${name}:end -->`
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  if (from !== -1 && to > from) doc = doc.slice(0, from) + section + doc.slice(to + end.length)
  else doc = `${doc.trimEnd()}\n\n${section}\n`
  writeFileSync(docPath, doc.endsWith('\n') ? doc : `${doc}\n`)
}

function isBenchModule(value: unknown): value is BenchModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BenchModule).title === 'string' &&
    typeof (value as BenchModule).run === 'function'
  )
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2)
  const files = readdirSync(benchDir)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
    .sort()
  if (files.length === 0) {
    process.stderr.write(`bench: no bench/*.bench.ts matches ${filters.join(' ') || '(no filter)'}\n`)
    process.exit(2)
  }
  let failed = false
  for (const file of files) {
    const name = basename(file, '.bench.ts')
    const loaded: unknown = await import(pathToFileURL(join(benchDir, file)).href)
    if (!isBenchModule(loaded)) throw new Error(`bench/${file} must export title (string) and run() (async function)`)
    process.stdout.write(`\n▶ ${loaded.title} (bench/${file})\n`)
    const results = await loaded.run()
    printTable(loaded.title, results)
    updateDoc(name, markdownSection(name, loaded.title, results))
    if (results.some((r) => r.pass === false)) failed = true
  }
  process.stdout.write(`\nUpdated ${docPath}\n`)
  if (failed) {
    process.stderr.write('bench: at least one result missed its target\n')
    process.exit(1)
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
