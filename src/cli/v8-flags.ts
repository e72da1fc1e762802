import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags for the zhidu process, set at the CLI entry before any of zhidu's code is hot.
 *
 * `--max-inlined-bytecode-size-cumulative=250` (V8's default is 920): TurboFan inlined the extraction's
 * large helpers into every caller and compiled each hot function again after a deoptimisation, so a
 * corpus worker spent about 2 CPU-seconds per 20 MB in V8's background compiler threads. With a smaller
 * inlining budget per function that CPU drops by a third, small helpers are still inlined, and the
 * extraction's steady speed stays within noise (no inlining at all saved as much CPU but cost 8 % of
 * steady speed). On a small machine the compiler threads take CPU the other workers need. Flags are
 * process-wide, so worker threads get them too.
 *
 * ZHIDU_V8_FLAGS replaces the set (empty: V8's defaults), for measuring or for another machine.
 */
export const DEFAULT_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=250';

let applied: string | null = null;

export function applyV8Flags(env: NodeJS.ProcessEnv = process.env): string {
  const flags = env.ZHIDU_V8_FLAGS ?? DEFAULT_V8_FLAGS;
  if (applied === null) {
    applied = flags;
    if (flags.trim()) setFlagsFromString(flags);
  }
  return applied;
}
