#!/usr/bin/env node
// Runs one zhidu CLI command in this process and prints, on the last line of stderr, what it cost:
// {"wallMs":…,"cpuMs":…,"maxRssMB":…,"code":…}. CPU and peak RSS (VmHWM) cover the worker threads too.
// usage: node scripts/bench-run.mjs <zhidu arguments…>
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const t0 = performance.now();
// the same V8 flags as bin/zhidu.js
(await import(join(root, 'dist', 'cli', 'v8-flags.js'))).applyV8Flags();
const { run } = await import(join(root, 'dist', 'cli', 'run.js'));
const { peakRssMB } = await import(join(root, 'dist', 'core', 'peak-rss.js'));
const quiet = { stdout: () => {}, stderr: () => {} };
const code = await run(process.argv.slice(2), quiet);
const u = process.resourceUsage();
process.stderr.write(`\n${JSON.stringify({ wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000), maxRssMB: peakRssMB(), code })}\n`);
process.exit(code);
