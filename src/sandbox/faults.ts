/**
 * Fault rules set by `POST /_sandbox/faults`: make matching API requests
 * fail, answer late, or do their work and then drop the connection.
 *
 * Where the time goes, relative to the commit (the route doing its work):
 * - `delayMs` alone: hold the request `delayMs`, then commit and answer (a
 *   slow commit: a client that gave up meanwhile still gets its reply made).
 * - `mode: "drop-after-commit"`: commit, then destroy the socket unanswered
 *   (after `delayMs` first, when given).
 * - `mode: "drop-before-commit"`: destroy the socket unanswered without
 *   doing the work (after `delayMs` first, when given): the client cannot
 *   tell it from a drop after the commit.
 * - `mode: "commit-then-delay"`: commit at once, answer `delayMs` later (a
 *   client that times out meanwhile never hears that it worked).
 */
import { z } from 'zod'

export const faultRuleSchema = z
  .object({
    method: z
      .string()
      .min(1)
      .transform((m) => m.toUpperCase())
      .optional(),
    path: z.string().startsWith('/'),
    status: z.number().int().min(400).max(599).optional(),
    times: z.number().int().min(1).optional(),
    rate: z.number().min(0).max(1).optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    retryAfter: z.number().int().min(0).optional(),
    mode: z.enum(['drop-after-commit', 'drop-before-commit', 'commit-then-delay']).optional(),
  })
  .strict()
  .refine((rule) => !(rule.times !== undefined && rule.rate !== undefined), {
    message: 'give either times or rate, not both',
  })
  .refine((rule) => !(rule.mode && rule.status !== undefined), {
    message: 'a mode does the work itself (the route answers, or nobody does): it takes no status',
  })
  .refine((rule) => rule.mode !== 'commit-then-delay' || rule.delayMs !== undefined, {
    message: 'commit-then-delay needs delayMs: how long after the commit the answer comes',
  })
  .refine((rule) => rule.status !== undefined || rule.mode !== undefined || rule.delayMs !== undefined, {
    message: 'a rule needs a status, a mode or a delayMs',
  })

export const faultsBodySchema = z.object({ rules: z.array(faultRuleSchema).min(1).max(100) }).strict()

export type FaultRule = z.infer<typeof faultRuleSchema>

interface ActiveRule {
  rule: FaultRule
  remaining: number | undefined
}

export class FaultRules {
  private rules: ActiveRule[] = []

  constructor(private readonly random: () => number = Math.random) {}

  add(rules: readonly FaultRule[]): void {
    for (const rule of rules) this.rules.push({ rule, remaining: rule.times })
  }

  clear(): void {
    this.rules = []
  }

  get count(): number {
    return this.rules.length
  }

  /** The rules still active, oldest first, as they were given; a `times` rule also says how many are `remaining`. */
  list(): Array<FaultRule & { remaining?: number }> {
    return this.rules.map(({ rule, remaining }) => (remaining === undefined ? { ...rule } : { ...rule, remaining }))
  }

  /** The rule that fires for this request, if any; counts it down and drops it when used up. */
  match(method: string, path: string): FaultRule | undefined {
    for (let i = 0; i < this.rules.length; i++) {
      const active = this.rules[i]!
      const { rule } = active
      if (rule.path !== path) continue
      if (rule.method !== undefined && rule.method !== method) continue
      if (rule.rate !== undefined && !(this.random() < rule.rate)) continue
      if (active.remaining !== undefined) {
        active.remaining--
        if (active.remaining <= 0) this.rules.splice(i, 1)
      }
      return rule
    }
    return undefined
  }
}
