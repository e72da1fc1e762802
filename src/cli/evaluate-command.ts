import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { formatError } from '../core/errors.js';
import { GoldSchema, scoreDocument, summarise, type DocScore } from '../evaluate/score.js';
import { analyseFile } from '../pipeline.js';
import { emit, type IO } from './io.js';

export interface EvaluateOptions { docs?: string; json?: boolean; verbose?: boolean; out?: string; packs?: string }

/** `zhidu evaluate GOLD_DIR`: precision/recall/F1 over quantity mentions, attributes, slogans, metadata. */
export async function evaluateCommand(goldDir: string, opts: EvaluateOptions, io: IO): Promise<number> {
  const gdir = resolve(goldDir);
  const files = readdirSync(gdir).filter((f) => f.endsWith('.json')).sort();
  const docs: DocScore[] = [];
  const rows: string[] = [];
  let failed = 0;
  for (const f of files) {
    const parsed = GoldSchema.safeParse(JSON.parse(readFileSync(join(gdir, f), 'utf8')));
    if (!parsed.success) {
      io.stderr(`zhidu: ${join(gdir, f)}: not a gold file (${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message})\n`);
      failed++;
      continue;
    }
    const gold = parsed.data;
    const docsDir = opts.docs ? resolve(opts.docs) : [gdir, dirname(gdir)].find((d) => existsSync(join(d, gold.doc))) ?? gdir;
    const path = join(docsDir, gold.doc);
    try {
      const { doc } = await analyseFile(path, { packs: opts.packs, ruleSentences: false });
      const s = scoreDocument(doc, gold, readFileSync(path, 'utf8'));
      docs.push(s);
      rows.push(`${gold.doc.slice(0, 24).padEnd(24)}  gold ${String(s.gold).padStart(3)}  tp ${String(s.tp).padStart(3)}  fp ${String(s.fp).padStart(3)}  ignored ${s.ignored}  slogans-found ${s.namedFound}/${s.namedGold}  slogan-leaks ${s.leaks}  text==source ${s.textOk}  meta ${s.metaOk.join(',') || '-'} | wrong: ${s.metaWrong.join(',') || '-'}`);
    } catch (e) {
      failed++;
      rows.push(`${gold.doc}  FAILED: ${formatError(e, path).line}`);
    }
  }
  const t = summarise(docs, failed);
  if (opts.json) {
    emit(io, opts.out, JSON.stringify({ P: t.P, R: t.R, F: t.F, tp: t.tp, gold: t.gold, pred: t.pred, failed, documents: docs }, null, 2) + '\n');
  } else {
    const misses = opts.verbose ? docs.flatMap((d) => d.misses.map((m) => `${d.doc.slice(0, 3)} ${m}`)) : [];
    emit(io, opts.out, [...rows, ...misses, t.attributes, t.line].join('\n') + '\n');
  }
  return failed ? 1 : 0;
}
