import { peakRssMB as peakRss } from '../core/peak-rss.js';
import { loadCheckedRules } from '../pipeline.js';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { availableParallelism } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { processIO, type IO } from '../cli/io.js';
import { VERSION } from '../version.js';
import { corpusInputs } from './inputs.js';
import { Progress } from './progress.js';
import { csvHeaders, errorResult, keyOf, type DocResult } from './records.js';
import { manifestVars, readMetaCsv, varsFromName, type DocRef } from './docvars.js';
import { UsageError } from '../cli/out-format.js';
import type { Rules } from '../packs/index.js';
import { CorpusWriter, type ProgressEntry } from './writer.js';
import { WorkerPool } from './pool.js';

export interface CorpusOptions {
  out: string;
  /** worker threads (default: one per 8 MB of input, at most one per core) */
  workers?: number;
  format?: 'jsonl' | 'csv' | 'json';
  resume?: boolean;
  quiet?: boolean;
  packs?: string;
  /** a CSV of document variables joined on file name (a column `file`) */
  meta?: string;
  /** variables read from file names: '{place}_{family}_{year}' */
  docvarsFromName?: string;
  /** read manifest entries that point outside their corpus folder (default: refuse them) */
  allowOutside?: boolean;
  /** CSV files start with a UTF-8 byte-order mark (default true) */
  bom?: boolean;
  /** a pool kept by the caller across runs (its size replaces `workers`, its packs `packs`); left open */
  pool?: WorkerPool;
}

export interface CorpusSummary { total: number; processed: number; skipped: number; ok: number; errors: number; elapsedMs: number; peakRssMB: number }

export const RUN_RECORD = 'zhidu-run.json';
const LOCK = '.zhidu-run.lock';

/** An --out folder in use by another run is refused; a lock left by a run that died is taken over. */
function lockOut(dir: string): () => void {
  const p = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(p, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      return () => rmSync(p, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = 0;
      try { pid = (JSON.parse(readFileSync(p, 'utf8')) as { pid: number }).pid; } catch { /* a half-written lock: stale */ }
      let alive = false;
      try { if (pid) { process.kill(pid, 0); alive = true; } } catch { alive = false; }
      if (alive) throw new UsageError(`--out ${dir} is in use by another zhidu corpus run (pid ${pid}); wait for it, or choose another folder`);
      rmSync(p, { force: true });
    }
  }
  throw new UsageError(`--out ${dir}: cannot take the run lock ${p}`);
}

/**
 * Process a corpus in a pool of worker threads. Results are written in input order (a bounded reorder
 * window keeps memory flat), every input ends as one document record or one error record, and a worker
 * that dies takes only its current document with it (recorded as an internal error) and is replaced.
 */
export async function runCorpus(inputs: string[], opts: CorpusOptions, io: IO = processIO): Promise<CorpusSummary> {
  const started = new Date();
  const t0 = Date.now();
  // a pack whose examples fail refuses to load here, before any worker starts
  const rules = loadCheckedRules(opts.pool ? opts.pool.packs : opts.packs);
  const workers = opts.workers ?? null;
  mkdirSync(opts.out, { recursive: true });
  const unlock = lockOut(opts.out);
  try {
    return await runLocked(inputs, opts, io, rules, workers, started, t0);
  } finally {
    unlock();
  }
}

/**
 * A worker pays about 1.8 CPU-seconds of start-up and JIT warm-up whatever it reads (npm run bench): below
 * this much input per worker, another worker costs more than it saves.
 */
const BYTES_PER_WORKER = 8 * 1048576;

function defaultWorkers(paths: string[]): number {
  let bytes = 0;
  for (const p of paths) { try { bytes += statSync(p).size; } catch { /* recorded as an error when read */ } }
  return Math.max(1, Math.min(availableParallelism(), Math.floor(bytes / BYTES_PER_WORKER)));
}

async function runLocked(inputs: string[], opts: CorpusOptions, io: IO, rules: Rules, asked: number | null, started: Date, t0: number): Promise<CorpusSummary> {
  const listed = [...corpusInputs(inputs, { allowOutside: opts.allowOutside, exclude: opts.out })];
  if (!listed.length) throw new UsageError(`no input: ${inputs.join(' ')} matched no file`);
  // one spelling for every input (./a.txt, a.txt, /abs/a.txt): keys and --resume never depend on how it was named
  const paths = listed.map((x) => resolve(x.path));
  const workers = opts.pool?.size ?? Math.max(1, asked ?? defaultWorkers(paths));
  // the rule packs, as one hash: a document done with other packs runs again on --resume
  const packsHash = createHash('sha256').update(JSON.stringify(rules.packs)).digest('hex').slice(0, 16);
  const refusedAt = new Map(listed.flatMap((x, i) => (x.refused ? [[i, x.refused] as const] : [])));
  // every row of every output carries the document's id and the researcher's variables: from its manifest
  // entry, a --meta CSV joined on the file name, and the file name itself (--docvars-from-name)
  const metaRows = opts.meta ? readMetaCsv(opts.meta) : null;
  const refs: DocRef[] = listed.map((x) => {
    const vars = { ...manifestVars(x.entry), ...(opts.docvarsFromName ? varsFromName(opts.docvarsFromName, x.path) : {}), ...(metaRows?.get(basename(x.path)) ?? {}) };
    return { docId: x.entry?.id ?? basename(x.path).replace(/\.[^.]+$/, ''), vars, varNames: [] };
  });
  const varNames = [...new Set(refs.flatMap((r) => Object.keys(r.vars)))];
  for (const r of refs) r.varNames = varNames;
  const writer = new CorpusWriter(opts.out, opts.format === 'csv', opts.bom !== false, csvHeaders(varNames));
  const done = await writer.open(Boolean(opts.resume), (e) => e.version === VERSION && e.packs === packsHash && isAbsolute(e.path));
  const doneByPath = new Map<string, ProgressEntry>(done.map((d) => [d.path, d]));
  const manifestBase = {
    tool: { name: 'zhidu', version: VERSION, node: process.version },
    packs: rules.packs,
    startedAt: started.toISOString(),
    workers,
    format: opts.format ?? 'jsonl',
    resumed: Boolean(opts.resume),
    outputs: Object.fromEntries(writer.outputs.map((n) => [n, n.endsWith('.csv') ? n : `${n}.jsonl`])),
    progress: 'progress.jsonl',
  };
  writeManifest(opts.out, { ...manifestBase, status: 'running', inputs: paths.length });

  // inputs already done (by this tool version and these packs: writer.open kept only those) with the same bytes are skipped
  const todo: { index: number; path: string }[] = [];
  let skipped = 0;
  paths.forEach((path, index) => {
    const prev = doneByPath.get(path);
    if (refusedAt.has(index) && prev) { skipped++; return; }
    // an input that failed before its bytes were read (too large, refused) fails the same way again: not twice
    if (prev && prev.key === keyOf(path, null) && prev.code !== 'internal') { skipped++; return; }
    if (prev && existsSync(path)) {
      const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
      if (prev.key === keyOf(path, sha)) { skipped++; return; }
    }
    todo.push({ index, path });
  });

  const progress = new Progress(io, todo.length, Boolean(opts.quiet));
  let ok = 0;
  let errors = 0;
  let written = 0;
  const pending = new Map<number, DocResult>();
  let nextToWrite = 0;
  // results come back out of order: at most this many wait for an earlier one, so memory stays flat
  const window = workers * 4;
  let nextToSend = 0;

  // a pool passed in by the caller stays open (and warm) for its next batch
  const pool = opts.pool ?? new WorkerPool(Math.min(workers, Math.max(1, todo.length)), opts.packs);
  try {
    await new Promise<void>((resolveAll) => {
      const flush = () => {
        while (pending.has(nextToWrite)) {
          const r = pending.get(nextToWrite)!;
          pending.delete(nextToWrite);
          writer.write(r, VERSION, packsHash);
          if (r.ok) ok++;
          else errors++;
          written++;
          nextToWrite++;
        }
        progress.update(written, errors);
        if (written === todo.length) resolveAll();
      };
      const send = () => {
        let refusedNow = false;
        while (nextToSend < todo.length && nextToSend < nextToWrite + window) {
          const id = nextToSend++;
          const { index, path } = todo[id]!;
          const refused = refusedAt.get(index);
          if (refused) {
            // a refused input (outside its corpus, a broken link) is recorded here, never sent to a worker
            pending.set(id, errorResult(path, null, refused, refs[index]));
            refusedNow = true;
            continue;
          }
          void pool.process(path, refs[index]!, opts.format === 'csv').then((r) => {
            pending.set(id, r);
            flush();
            send();
          });
        }
        if (refusedNow) queueMicrotask(flush);
      };
      if (!todo.length) resolveAll();
      else send();
    });
  } finally {
    if (!opts.pool) await pool.close();
  }
  progress.update(written, errors, true);
  writer.close();
  if (opts.format === 'json') await jsonlToJsonArray(join(opts.out, 'documents.jsonl'), join(opts.out, 'documents.json'));
  const elapsedMs = Date.now() - t0;
  const peakRssMB = peakRss();
  const summary: CorpusSummary = { total: paths.length, processed: written, skipped, ok, errors, elapsedMs, peakRssMB };
  writeManifest(opts.out, {
    ...manifestBase, status: 'complete', finishedAt: new Date().toISOString(), inputs: paths.length,
    counts: { processed: written, skipped, ok, errors }, elapsedMs, peakRssMB,
    documentsPerSecond: elapsedMs ? Math.round((written / elapsedMs) * 1e5) / 100 : null,
  });
  return summary;
}

/** documents.json as one JSON array, streamed line by line from documents.jsonl (never all in memory). */
async function jsonlToJsonArray(from: string, to: string): Promise<void> {
  const out = createWriteStream(`${to}.tmp`);
  const rl = createInterface({ input: createReadStream(from, 'utf8'), crlfDelay: Infinity });
  let first = true;
  out.write('[');
  for await (const line of rl) {
    if (!line.trim()) continue;
    if (!out.write((first ? '\n' : ',\n') + line)) await new Promise<void>((r) => out.once('drain', () => r()));
    first = false;
  }
  await new Promise<void>((res, rej) => out.end('\n]\n', () => res()).on('error', rej));
  renameSync(`${to}.tmp`, to);
}

/**
 * The run record zhidu-run.json, written atomically: a reader sees the old one or the new one, never half.
 * It never takes the name of a corpus's own manifest.json, so --out may be the input folder.
 */
function writeManifest(dir: string, m: Record<string, unknown>): void {
  const p = join(dir, RUN_RECORD);
  writeFileSync(`${p}.tmp`, JSON.stringify(m, null, 2) + '\n');
  renameSync(`${p}.tmp`, p);
}
