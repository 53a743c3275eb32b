/**
 * `npm run sandbox -- [--port N] [--host H] [--seed demo|empty] [--delivery-ms N] [--rate-limit N] [--traffic PER_MIN]`
 *
 * Prints exactly one JSON line on stdout ({url, accounts}), then logs only to
 * stderr. Stops cleanly on SIGINT/SIGTERM. A bad flag gets the usage and exit code 2.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { startSandbox, type SandboxOptions } from './index'

const USAGE = `Usage: npm run sandbox -- [options]

  --port N            port to listen on (0 = a free port; default 0)
  --host H            address to bind (default 127.0.0.1)
  --seed demo|empty   starting data (default demo)
  --delivery-ms N     ms per delivery step queued→sent→delivered→read (default 1500)
  --rate-limit N      max requests per second per API key, then 429 (default: no limit)
  --traffic PER_MIN   simulated inbound messages per minute (default 0)
  --help              show this help`

const wholeNumber = (name: string, min: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min, `${name} must be at least ${min}`)

const flagsSchema = z.object({
  port: wholeNumber('--port', 0)
    .refine((n) => n <= 65535, '--port must be at most 65535')
    .optional(),
  host: z.string().min(1, '--host must not be empty').optional(),
  seed: z.enum(['demo', 'empty'], { error: '--seed must be demo or empty' }).optional(),
  'delivery-ms': wholeNumber('--delivery-ms', 1).optional(),
  'rate-limit': wholeNumber('--rate-limit', 1).optional(),
  traffic: wholeNumber('--traffic', 0).optional(),
})

function fail(message: string): never {
  process.stderr.write(`sandbox: ${message}\n\n${USAGE}\n`)
  process.exit(2)
}

function parseFlags(argv: string[]): SandboxOptions {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        'delivery-ms': { type: 'string' },
        'rate-limit': { type: 'string' },
        traffic: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const { help: _help, ...rest } = values
  const parsed = flagsSchema.safeParse(rest)
  if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join('; '))
  const flags = parsed.data
  return {
    port: flags.port ?? 0,
    host: flags.host,
    seed: flags.seed,
    deliveryMs: flags['delivery-ms'],
    rateLimit: flags['rate-limit'],
    trafficPerMinute: flags.traffic,
    log: (line) => process.stderr.write(`[sandbox] ${line}\n`),
  }
}

async function main(): Promise<void> {
  const options = parseFlags(process.argv.slice(2))
  const sandbox = await startSandbox(options)
  process.stdout.write(`${JSON.stringify({ url: sandbox.url, accounts: sandbox.accounts })}\n`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stderr.write(`[sandbox] ${signal}: stopping\n`)
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`[sandbox] error while stopping: ${String(error)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
