import { peakRssMB as peakRss } from '../core/peak-rss.js';
import { loadCheckedRules } from '../pipeline.js';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { availableParallelism } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IO } from '../cli/io.js';
import { VERSION } from '../version.js';
import { corpusInputs } from './inputs.js';
import { Progress } from './progress.js';
import { csvHeaders, errorResult, keyOf, type DocResult } from './records.js';
import { manifestVars, readMetaCsv, varsFromName, type DocRef } from './docvars.js';
import { ZhiduError } from '../core/errors.js';
import { UsageError } from '../cli/out-format.js';
import type { Rules } from '../packs/index.js';
import { CorpusWriter, type ProgressEntry } from './writer.js';

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

// workers run the built JavaScript, also when the caller runs from TypeScript sources (tests)
const WORKER = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'corpus', 'worker.js');

/**
 * Process a corpus in a pool of worker threads. Results are written in input order (a bounded reorder
 * window keeps memory flat), every input ends as one document record or one error record, and a worker
 * that dies takes only its current document with it (recorded as an internal error) and is replaced.
 */
export async function runCorpus(inputs: string[], opts: CorpusOptions, io: IO): Promise<CorpusSummary> {
  const started = new Date();
  const t0 = Date.now();
  // a pack whose examples fail refuses to load here, before any worker starts
  const rules = loadCheckedRules(opts.packs);
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
  const workers = Math.max(1, asked ?? defaultWorkers(paths));
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
  const window = workers * 4;
  let nextToSend = 0;

  // each worker holds up to DEPTH documents, so it never waits for the main thread between two
  const DEPTH = 2;
  // `ready`: the worker has loaded jieba and the packs; a worker is never terminated mid-load (a native addon
  // torn down while it loads can take the process with it), it is told to stop once it is ready
  type Slot = { w: Worker; inflight: number[]; ready: boolean; stopWhenReady: boolean };
  await new Promise<void>((resolveAll) => {
    const pool: Slot[] = [];
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
      if (written === todo.length) {
        const stops = pool.map((p) => (p.ready ? p.w.terminate() : new Promise<number>((res) => { p.stopWhenReady = true; p.w.once('exit', res); })));
        void Promise.all(stops).then(() => resolveAll());
      }
    };
    const feed = (slot: Slot) => {
      let refusedNow = false;
      while (slot.inflight.length < DEPTH && nextToSend < todo.length && nextToSend < nextToWrite + window) {
        const refused = refusedAt.get(todo[nextToSend]!.index);
        if (refused) {
          // a refused input (outside its corpus, a broken link) is recorded here, never sent to a worker
          pending.set(nextToSend, errorResult(todo[nextToSend]!.path, null, refused, refs[todo[nextToSend]!.index]));
          nextToSend++;
          refusedNow = true;
          continue;
        }
        slot.inflight.push(nextToSend);
        slot.w.postMessage({ id: nextToSend, path: todo[nextToSend]!.path, ref: refs[todo[nextToSend]!.index] });
        nextToSend++;
      }
      if (refusedNow) queueMicrotask(flush);
    };
    const feedAll = () => { for (const s of pool) feed(s); };
    const spawn = (): Slot => {
      // a worker that runs out of its heap dies alone (recorded as an error for its document), never the run
      const slot: Slot = { w: new Worker(WORKER, { workerData: { packs: opts.packs }, resourceLimits: { maxOldGenerationSizeMb: 4096 } }), inflight: [], ready: false, stopWhenReady: false };
      slot.w.on('message', (m: { id: number; result: DocResult } | { ready: true }) => {
        if ('ready' in m) {
          slot.ready = true;
          if (slot.stopWhenReady) void slot.w.terminate();
          return;
        }
        pending.set(m.id, m.result);
        slot.inflight = slot.inflight.filter((x) => x !== m.id);
        flush();
        feedAll();
      });
      const crashed = (why: string) => {
        const i = pool.indexOf(slot);
        if (i < 0) return;
        pool.splice(i, 1);
        // the document being processed is recorded as lost; the ones queued behind it are sent again
        const [current, ...queued] = slot.inflight;
        if (current !== undefined) {
          const path = todo[current]!.path;
          pending.set(current, errorResult(path, null, new ZhiduError({ code: 'internal', stage: 'corpus', file: path, message: `worker crashed (${why})` }), refs[todo[current]!.index]));
        }
        if (written < todo.length || pending.size) {
          const n = spawn();
          pool.push(n);
          for (const id of queued) {
            n.inflight.push(id);
            n.w.postMessage({ id, path: todo[id]!.path, ref: refs[todo[id]!.index] });
          }
          flush();
          feedAll();
        }
      };
      slot.w.on('error', (e) => crashed(e.message));
      slot.w.on('exit', (code) => { if (written < todo.length) crashed(`exit code ${code}`); });
      return slot;
    };
    if (!todo.length) { resolveAll(); return; }
    for (let i = 0; i < Math.min(workers, todo.length); i++) pool.push(spawn());
    feedAll();
  });
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
