import { compare, describe, expandInputs, forCompare, type CompareInput } from '../compare/index.js';
import { basename } from 'node:path';
import { loadCheckedRules } from '../pipeline.js';
import { analyseEach } from './analyse-inputs.js';
import { outputFormat, UsageError } from './out-format.js';
import { comparisonToCsv, comparisonToHtml, comparisonToMarkdown } from '../render/compare.js';
import { emit, emitChunks, type IO } from './io.js';
import { comparisonJsonl, jsonDocument } from '../render/json-stream.js';
import { exitCodeFor } from './exit.js';

export interface CompareCliOptions {
  format?: 'md' | 'json' | 'jsonl' | 'csv' | 'html'; topics?: string; matters?: string; reference?: string[]; versions?: string[];
  fullReuse?: boolean; out?: string; packs?: string; where?: string[]; bom?: boolean;
}

const list = (s: string | undefined) => (s ? s.split(',').map((t) => t.trim()).filter(Boolean) : undefined);

/** `zhidu compare`: documents that fail to read are named on stderr and left out of the tables. */
export async function compareCommand(inputs: string[], opts: CompareCliOptions, io: IO): Promise<number> {
  const format = outputFormat(opts.format, opts.out, ['md', 'json', 'jsonl', 'csv', 'html'] as const, 'md');
  const rules = loadCheckedRules(opts.packs);
  const unknown = (asked: string[] | undefined, known: string[], what: string) => {
    const bad = (asked ?? []).filter((x) => !known.includes(x));
    if (bad.length) throw new UsageError(`unknown ${what}: ${bad.join(', ')} (known: ${known.join(', ')})`);
  };
  unknown(list(opts.matters), rules.matters.matters.map((m) => m.id), 'matter');
  unknown(list(opts.topics), [...rules.topics.map((t) => t.id), 'other'], 'topic');
  if (opts.versions && opts.versions.length !== 2) throw new UsageError('--versions takes two documents: old, then new');
  const docs: CompareInput[] = [];
  const refs = expandInputs(opts.reference ?? []);
  // --where family=daibiao-jianyi: keep the documents whose manifest variables match
  const where = (opts.where ?? []).map((w) => {
    const i = w.indexOf('=');
    if (i <= 0) throw new UsageError(`--where ${w}: expected variable=value`);
    return [w.slice(0, i), w.slice(i + 1)] as const;
  });
  const main = expandInputs(inputs).filter(({ entry }) => where.every(([k, v]) => String(entry?.[k] ?? '') === v));
  if (where.length && !main.length) throw new UsageError(`--where ${opts.where!.join(' ')}: no document's manifest matches`);
  const all = [...main, ...refs];
  if (!all.length) throw new UsageError('no input documents');
  const refPaths = new Set(refs.map((r) => r.path));
  const failures = await analyseEach(all, { packs: opts.packs }, io, (analysis, { path, entry }) => {
    docs.push({ info: describe(analysis, path, entry), analysis: forCompare(analysis), reference: refPaths.has(path) });
  });
  if (docs.length) {
    const idOf = (x: string) => {
      const d = docs.find((k) => k.info.id === x || basename(k.info.path) === x || k.info.path === x || basename(k.info.path).replace(/\.[^.]+$/, '') === x);
      if (!d) throw new UsageError(`--versions: no document "${x}" among the inputs`);
      return d.info.id;
    };
    const versions: [string, string][] = opts.versions ? [[idOf(opts.versions[0]!), idOf(opts.versions[1]!)]] : [];
    const c = compare(docs, { topics: list(opts.topics), matters: list(opts.matters), versions, packs: opts.packs, fullReuse: opts.fullReuse });
    if (format === 'json' || format === 'jsonl') {
      emitChunks(io, opts.out, format === 'json' ? jsonDocument(c) : comparisonJsonl(c));
      return exitCodeFor(all.length, failures);
    }
    const content = format === 'csv' ? comparisonToCsv(c, { bom: opts.bom })
        : format === 'html' ? comparisonToHtml(c, { generatedAt: new Date().toISOString() })
          : comparisonToMarkdown(c);
    emit(io, opts.out, content);
  }
  return exitCodeFor(all.length, failures);
}
