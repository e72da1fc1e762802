import { basename } from 'node:path';
import { describe, expandInputs } from '../compare/index.js';
import { kwic, kwicRegex, type KwicRow } from '../kwic/index.js';
import { loadCheckedRules } from '../pipeline.js';
import { analyseEach } from './analyse-inputs.js';
import { BOM, csvRow } from '../render/csv.js';
import { mdCell } from '../render/quantity-text.js';
import { emit, type IO } from './io.js';
import { exitCodeFor } from './exit.js';
import { outputFormat, UsageError } from './out-format.js';

export interface KwicCliOptions { pattern: string; window?: string; measure?: string; topic?: string; format?: 'csv' | 'md' | 'json'; out?: string; packs?: string; bom?: boolean }

const COLUMNS = ['doc_id', 'start', 'end', 'left', 'match', 'right', 'article', 'measure', 'topic'] as const;

/** `zhidu kwic`: a keyword or /regex/ in context across documents, optionally only inside rules of a measure or topic. */
export async function kwicCommand(inputs: string[], opts: KwicCliOptions, io: IO): Promise<number> {
  const format = outputFormat(opts.format, opts.out, ['csv', 'md', 'json'] as const, 'md');
  try { kwicRegex(opts.pattern); } catch (e) { throw new UsageError(`--pattern ${opts.pattern}: ${(e as Error).message}`); }
  const rules = loadCheckedRules(opts.packs);
  const measures = rules.obligation.measures.map((m) => m.measure);
  if (opts.measure && !measures.includes(opts.measure as never)) throw new UsageError(`unknown measure: ${opts.measure} (known: ${[...new Set(measures)].join(', ')})`);
  if (opts.topic && ![...rules.topics.map((t) => t.id), 'other'].includes(opts.topic)) throw new UsageError(`unknown topic: ${opts.topic}`);
  const window = opts.window === undefined ? 20 : Number(opts.window);
  if (!Number.isInteger(window) || window < 0) throw new UsageError(`--window must be a whole number, not "${opts.window}"`);
  const all = expandInputs(inputs);
  if (!all.length) throw new UsageError('no input documents');
  const rows: KwicRow[] = [];
  const failures = await analyseEach(all, { packs: opts.packs, ruleSentences: false }, io, (a, { path, entry }) => {
    rows.push(...kwic(describe(a, path, entry).id ?? basename(path), a, { pattern: opts.pattern, window, measure: opts.measure, topic: opts.topic }));
  });
  const content = format === 'json' ? JSON.stringify(rows, null, 2) + '\n'
    : format === 'csv' ? (opts.bom === false ? '' : BOM) + csvRow([...COLUMNS]) + rows.map((r) => csvRow(COLUMNS.map((c) => r[c]))).join('')
      : [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${COLUMNS.map((c) => mdCell(String(r[c] ?? ''))).join(' | ')} |`)].join('\n') + '\n';
  emit(io, opts.out, content);
  return exitCodeFor(all.length, failures);
}
