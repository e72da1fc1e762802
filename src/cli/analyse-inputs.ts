import type { expandInputs } from '../compare/index.js';
import { formatError } from '../core/errors.js';
import { analyseFile, loadCheckedRules, type Analysis } from '../pipeline.js';
import type { Failure } from './exit.js';
import type { IO } from './io.js';

type Input = ReturnType<typeof expandInputs>[number];

/**
 * Each input analysed once and handed to `use`; one that is refused or fails is named on stderr in one line
 * and returned as a failure, so a command accounts for every input (compare, kwic).
 */
export async function analyseEach(inputs: Input[], packs: string | undefined, io: IO, use: (a: Analysis, input: Input) => void): Promise<Failure[]> {
  const failures: Failure[] = [];
  // a rule pack that refuses to load fails the command once (zhidu: invalid rule pack …), not each input
  if (inputs.length) loadCheckedRules(packs);
  for (const input of inputs) {
    try {
      if (input.refused) throw input.refused;
      use(await analyseFile(input.path, { packs }), input);
    } catch (e) {
      const f = formatError(e, input.path);
      io.stderr(f.line + '\n');
      failures.push(f);
    }
  }
  return failures;
}
