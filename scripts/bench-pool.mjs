#!/usr/bin/env node
// A corpus run on a pool that is already warm, as a process that runs several batches (a notebook, a server,
// a corpus in shards) sees every batch after its first. The pool starts, every worker processes the warm-up
// inputs once, then `runCorpus` is timed. Prints on stdout what the timed run cost:
// {"warmMs":…,"warmCpuMs":…,"wallMs":…,"cpuMs":…,"ok":…}. CPU covers the worker threads too.
// usage: node scripts/bench-pool.mjs <workers> <corpus dir> <warm-up dir> <out dir>
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [workers, corpus, warmDir, out] = process.argv.slice(2);
// the same V8 flags as bin/zhidu.js
(await import(join(root, 'dist', 'cli', 'v8-flags.js'))).applyV8Flags();
const { WorkerPool, runCorpus } = await import(join(root, 'dist', 'index.js'));
const cpuMs = () => { const u = process.resourceUsage(); return (u.userCPUTime + u.systemCPUTime) / 1000; };

const t0 = performance.now();
const c0 = cpuMs();
const pool = new WorkerPool(Number(workers));
const warmList = readdirSync(warmDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(warmDir, f));
await pool.warm(Array.from({ length: Number(process.env.PASSES ?? 1) }, () => warmList).flat());
const t1 = performance.now();
const c1 = cpuMs();
const s = await runCorpus([corpus], { out, quiet: true, pool });
const t2 = performance.now();
const c2 = cpuMs();
await pool.close();
console.log(JSON.stringify({ warmMs: Math.round(t1 - t0), warmCpuMs: Math.round(c1 - c0), wallMs: Math.round(t2 - t1), cpuMs: Math.round(c2 - c1), ok: s.ok, errors: s.errors }));
