import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags for the zhidu process, set at the CLI entry before any of zhidu's code is hot.
 *
 * `--no-turbo-inlining`: TurboFan inlines the extraction's large helpers into every caller and compiles
 * each hot function again after a deoptimisation, so a worker spent about 2 CPU-seconds per 20 MB in
 * V8's background compiler threads, half of it recompiling. Without inlining that halves, the extraction's
 * steady speed is unchanged (npm run bench), and each worker of a corpus run saves CPU that on a small
 * machine its sibling workers need. Flags are process-wide, so worker threads get them too.
 *
 * ZHIDU_V8_FLAGS replaces the set (empty: V8's defaults), for measuring or for another machine.
 */
export const DEFAULT_V8_FLAGS = '--no-turbo-inlining';

let applied: string | null = null;

export function applyV8Flags(env: NodeJS.ProcessEnv = process.env): string {
  const flags = env.ZHIDU_V8_FLAGS ?? DEFAULT_V8_FLAGS;
  if (applied === null) {
    applied = flags;
    if (flags.trim()) setFlagsFromString(flags);
  }
  return applied;
}
