import { runCorpus } from '../corpus/index.js';
import { EXIT_CODES } from '../core/errors.js';
import type { IO } from './io.js';

export interface CorpusCliOptions { out: string; workers?: string; format: 'jsonl' | 'csv' | 'json'; resume?: boolean; quiet?: boolean; packs?: string; bom?: boolean; allowOutside?: boolean; meta?: string; docvarsFromName?: string }

/** `zhidu corpus`: exit 0 when every input became a document, 1 when some became error records. */
export async function corpusCommand(inputs: string[], o: CorpusCliOptions, io: IO): Promise<number> {
  const workers = o.workers === undefined ? undefined : Number(o.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) {
    io.stderr(`zhidu: --workers must be a whole number of at least 1, not "${o.workers}"\n`);
    return EXIT_CODES.usage;
  }
  const s = await runCorpus(inputs, { out: o.out, workers, format: o.format, resume: o.resume, quiet: o.quiet, packs: o.packs, bom: o.bom, allowOutside: o.allowOutside, meta: o.meta, docvarsFromName: o.docvarsFromName }, io);
  if (!o.quiet) io.stderr(`zhidu corpus: ${s.total} inputs, ${s.processed} processed (${s.ok} ok, ${s.errors} errors), ${s.skipped} skipped as already done, ${(s.elapsedMs / 1000).toFixed(1)} s, peak RSS ${s.peakRssMB} MB -> ${o.out}\n`);
  return s.errors ? EXIT_CODES.someFailed : EXIT_CODES.ok;
}
