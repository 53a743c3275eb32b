/** One figure of a bench module (see bench/run.ts). */
export interface BenchResult {
  metric: string
  value: number
  unit: string
  /** Human-readable target, e.g. `< 300 ms`. */
  target?: string
  /** Whether the value meets the target; omit for figures without one. */
  pass?: boolean
}
