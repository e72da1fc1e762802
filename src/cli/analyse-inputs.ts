import type { expandInputs } from '../compare/index.js';
import { formatError } from '../core/errors.js';
import { analyseFile, loadCheckedRules, type Analysis, type ProcessOptions } from '../pipeline.js';
import type { Failure } from './exit.js';
import type { IO } from './io.js';

type Input = Pick<ReturnType<typeof expandInputs>[number], 'path'> & Partial<ReturnType<typeof expandInputs>[number]>;

/**
 * Each input analysed once and handed to `use`; one that is refused or fails is named on stderr in one line,
 * handed to `failed` and returned as a failure, so a command accounts for every input (extract, compare, kwic).
 */
export async function analyseEach<I extends Input>(inputs: I[], opts: ProcessOptions, io: IO, use: (a: Analysis, input: I) => void, failed: (f: ReturnType<typeof formatError>, input: I) => void = () => {}): Promise<Failure[]> {
  const failures: Failure[] = [];
  // a rule pack that refuses to load fails the command once (zhidu: invalid rule pack …), not each input
  if (inputs.length) loadCheckedRules(opts.packs);
  for (const input of inputs) {
    try {
      if (input.refused) throw input.refused;
      use(await analyseFile(input.path, opts), input);
    } catch (e) {
      const f = formatError(e, input.path);
      io.stderr(f.line + '\n');
      failures.push(f);
      failed(f, input);
    }
  }
  return failures;
}
