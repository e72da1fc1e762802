import { compare, describe, expandInputs, type CompareInput } from '../compare/index.js';
import { formatError } from '../core/errors.js';
import { analyseFile } from '../pipeline.js';
import { comparisonToCsv, comparisonToHtml, comparisonToMarkdown } from '../render/compare.js';
import { emit, type IO } from './io.js';
import { exitCodeFor, type Failure } from './exit.js';

export interface CompareCliOptions { format: 'md' | 'json' | 'csv' | 'html'; topics?: string; out?: string; packs?: string }

/** `zhidu compare`: documents that fail to read are named on stderr and left out of the tables. */
export async function compareCommand(inputs: string[], opts: CompareCliOptions, io: IO): Promise<number> {
  const docs: CompareInput[] = [];
  const failures: Failure[] = [];
  const all = expandInputs(inputs);
  for (const { path, entry } of all) {
    try {
      const analysis = await analyseFile(path, { packs: opts.packs });
      docs.push({ info: describe(analysis, path, entry), analysis });
    } catch (e) {
      const f = formatError(e, path);
      io.stderr(f.line + '\n');
      failures.push(f);
    }
  }
  if (docs.length) {
    const c = compare(docs, { topics: opts.topics ? opts.topics.split(',').map((t) => t.trim()) : undefined, packs: opts.packs });
    const content = opts.format === 'json' ? JSON.stringify(c, null, 2) + '\n'
      : opts.format === 'csv' ? comparisonToCsv(c)
        : opts.format === 'html' ? comparisonToHtml(c)
          : comparisonToMarkdown(c);
    emit(io, opts.out, content);
  }
  return exitCodeFor(all.length, failures);
}
