import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ZhiduError } from '../core/errors.js';
import type { DocRef } from './docvars.js';
import { errorResult, type DocResult } from './records.js';

// workers run the built JavaScript, also when the caller runs from TypeScript sources (tests)
const WORKER = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'corpus', 'worker.js');

/** Each worker holds up to this many jobs, so it never waits for the main thread between two documents. */
const DEPTH = 2;

type Job =
  | { kind: 'doc'; path: string; ref: DocRef; csv: boolean; done: (r: DocResult) => void }
  | { kind: 'warm'; paths: string[]; done: () => void };

/**
 * `ready`: the worker has loaded jieba and the packs. A worker is never terminated mid-load (a native addon
 * torn down while it loads can take the process with it); it is told to stop once it is ready.
 */
interface Slot { w: Worker; inflight: { id: number; job: Job }[]; ready: boolean; stopWhenReady: boolean }

type Reply = { ready: true } | { id: number; result: DocResult | null };

/**
 * Worker threads that each hold the rule packs and jieba, fed one document at a time.
 *
 * A worker's start-up and JIT warm-up cost about two CPU-seconds whatever it reads, so a process that runs
 * several batches (a notebook, a server, a corpus in shards) keeps one pool and pays that once: `runCorpus`
 * takes a pool through its options. A worker that dies (out of its heap, a crash in the native segmenter)
 * takes only its current document with it, as an internal error record, and is replaced; the documents
 * queued behind it are sent again.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number, readonly packs?: string) {
    if (!(size >= 1)) throw new RangeError(`a pool needs at least one worker (asked for ${size})`);
  }

  /**
   * One input processed by the next free worker: its records, or its error record. Never rejects.
   * `csv`: build its CSV rows too (a JSONL run would only drop them).
   */
  process(path: string, ref: DocRef, csv = true): Promise<DocResult> {
    return new Promise((done) => this.enqueue({ kind: 'doc', path, ref, csv, done }));
  }

  /**
   * Every worker processes these inputs once and discards the results, so that the timed or latency-bound
   * work after it runs on compiled code (a benchmark's warm-up, a server before its first request).
   */
  async warm(paths: string[]): Promise<void> {
    this.start();
    await Promise.all(this.slots.map((slot) => new Promise<void>((done) => this.send(slot, { kind: 'warm', paths, done }))));
  }

  /** Stops every worker; jobs still queued are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => (s.ready ? s.w.terminate() : new Promise<number>((res) => { s.stopWhenReady = true; s.w.once('exit', res); }))));
  }

  private enqueue(job: Job): void {
    if (this.closed) throw new Error('the worker pool is closed');
    this.start();
    this.queue.push(job);
    this.dispatch();
  }

  private start(): void {
    while (!this.closed && this.slots.length < this.size) this.slots.push(this.spawn());
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.inflight.length < DEPTH && this.queue.length) this.send(slot, this.queue.shift()!);
    }
  }

  private send(slot: Slot, job: Job): void {
    const id = this.nextId++;
    slot.inflight.push({ id, job });
    slot.w.postMessage(job.kind === 'doc' ? { id, path: job.path, ref: job.ref, csv: job.csv } : { id, warm: job.paths });
  }

  private spawn(): Slot {
    // a worker that runs out of its heap dies alone (recorded as an error for its document), never the run
    const slot: Slot = { w: new Worker(WORKER, { workerData: { packs: this.packs }, resourceLimits: { maxOldGenerationSizeMb: 4096 } }), inflight: [], ready: false, stopWhenReady: false };
    slot.w.on('message', (m: Reply) => {
      if ('ready' in m) {
        slot.ready = true;
        if (slot.stopWhenReady) void slot.w.terminate();
        return;
      }
      const i = slot.inflight.findIndex((x) => x.id === m.id);
      if (i < 0) return;
      const [{ job }] = slot.inflight.splice(i, 1);
      this.dispatch();
      if (job.kind === 'doc') job.done(m.result!);
      else job.done();
    });
    slot.w.on('error', (e) => this.crashed(slot, e.message));
    slot.w.on('exit', (code) => this.crashed(slot, `exit code ${code}`));
    return slot;
  }

  private crashed(slot: Slot, why: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    const [current, ...queued] = slot.inflight;
    // the jobs queued behind the lost one go first to the replacement
    this.queue.unshift(...queued.map((x) => x.job));
    this.start();
    this.dispatch();
    if (!current) return;
    const { job } = current;
    if (job.kind === 'warm') { job.done(); return; }
    job.done(errorResult(job.path, null, new ZhiduError({ code: 'internal', stage: 'corpus', file: job.path, message: `worker crashed (${why})` }), job.ref));
  }
}
