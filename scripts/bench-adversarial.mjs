#!/usr/bin/env node
// Hostile and huge input (not a test): time of extract on generated texts of growing size for each pattern that
// once took time growing with the square of the input. Prints the time per MB at each size and the growth of
// time against growth of size (target: 10× the size within 12× the time).
// usage: npm run bench:adversarial [-- --max-mb 4]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { analyseBytes } = await import(join(root, 'dist', 'pipeline.js'));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MAX_MB = arg('max-mb', 4);
const SIZES = [10 * 1024, 100 * 1024, 1024 * 1024, 4 * 1024 * 1024].filter((s) => s <= MAX_MB * 1024 * 1024);
const seed = readFileSync(join(root, 'corpora', 'renda', '001_5a972a42f7f4496e.txt'), 'utf8');

/** A string of about `bytes` UTF-8 bytes made by repeating `unit`. */
const fill = (unit, bytes) => unit.repeat(Math.max(1, Math.ceil(bytes / Buffer.byteLength(unit))));
const PATTERNS = [
  { name: 'Chinese numeral run', ext: 'txt', make: (n) => fill('一二三四五六七八九十百千万亿两零', n) },
  { name: '3名以上 repeated, no punctuation', ext: 'txt', make: (n) => fill('3名以上', n) },
  { name: 'one unpunctuated paragraph of real sentences', ext: 'txt', make: (n) => fill(seed.replace(/[，。；：、,.;:\s]/gu, ''), n) },
  { name: 'HTML with an unclosed <!--', ext: 'html', make: (n) => `<html><body><p>常委会组成人员每人联系3名以上代表。</p><!--${fill('<p>注释里的文字3名以上</p>', n)}` },
  { name: 'HTML with an unclosed <script>', ext: 'html', make: (n) => `<html><body><p>常委会组成人员每人联系3名以上代表。</p><script>${fill('var a = "3名以上";\n', n)}` },
  { name: 'the same line repeated', ext: 'txt', make: (n) => fill('常委会组成人员每人每年联系3名以上代表，走访代表不少于4次。\n', n) },
  { name: 'real text repeated (no duplicates)', ext: 'txt', make: (n) => { let s = ''; for (let i = 0; Buffer.byteLength(s) < n; i++) s += seed.replace(/3名/gu, `${i % 9 + 1}名`).replace(/常委会/u, `第${i}常委会`); return s; } },
];

const rows = [];
for (const p of PATTERNS) {
  const times = [];
  for (const size of SIZES) {
    const bytes = Buffer.from(p.make(size), 'utf8');
    const t0 = performance.now();
    const rss0 = process.memoryUsage().rss;
    const a = await analyseBytes(bytes, `adversarial.${p.ext}`, { validate: false });
    const ms = performance.now() - t0;
    const json = Buffer.byteLength(JSON.stringify(a.doc));
    times.push({ size: bytes.length, ms, json, rss: process.memoryUsage().rss - rss0 });
    if (ms > 120_000) break;
  }
  rows.push({ p, times });
}

const mb = (b) => b / 1048576;
const out = ['zhidu adversarial benchmark — extract in process, time per MB at each size, growth of time vs growth of size', ''];
out.push('| pattern | size | time | s/MB | growth (time ÷ time at previous size) vs size growth | JSON out |', '|---|---|---|---|---|---|');
for (const { p, times } of rows) {
  times.forEach((t, i) => {
    const prev = times[i - 1];
    const growth = prev ? `${(t.ms / prev.ms).toFixed(1)}× for ${(t.size / prev.size).toFixed(1)}×` : '';
    out.push(`| ${i ? '' : p.name} | ${mb(t.size) < 1 ? `${(t.size / 1024).toFixed(0)} KB` : `${mb(t.size).toFixed(1)} MB`} | ${(t.ms / 1000).toFixed(2)} s | ${(t.ms / 1000 / mb(t.size)).toFixed(2)} | ${growth} | ${mb(t.json).toFixed(1)} MB |`);
  });
}
console.log(out.join('\n'));
