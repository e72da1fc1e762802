#!/usr/bin/env node
// Benchmark (not a test): throughput of segmentation alone, extract, corpus with 1 and 2 workers, compare,
// measured in one run on one synthetic corpus, reported as ratios against the segmentation baseline.
// usage: npm run bench [-- --mb 10 --compare-docs 100]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { analyseBytes } = await import(join(root, 'dist', 'pipeline.js'));
const { loadRules } = await import(join(root, 'dist', 'packs', 'index.js'));
const { getJieba } = await import(join(root, 'dist', 'segment', 'jieba-adapter.js'));
const { compare, describe } = await import(join(root, 'dist', 'compare', 'index.js'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MB = arg('mb', 10);
const COMPARE_DOCS = arg('compare-docs', 100);

// deterministic PRNG so two runs build the same corpus
let seed = 20261124;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];

/** Synthetic documents: seed articles recombined under new titles and sections, with their numbers varied. */
function makeCorpus(dir, targetBytes) {
  mkdirSync(dir, { recursive: true });
  const corpus = join(root, 'corpora', 'renda');
  const paras = readdirSync(corpus).filter((f) => f.endsWith('.txt')).flatMap((f) =>
    readFileSync(join(corpus, f), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length >= 30 && !/^[一二三四五六七八九十]+、/.test(l)));
  const places = ['长春市', '濮阳市', '东城区', '洛阳市', '临沂市', '九江市', '海淀区', '宁乡县', '余杭区', '昆山市'];
  const heads = ['加强思想建设，把握正确政治方向', '加强能力建设，提高依法履职水平', '加强制度建设，规范依法履职行为', '加强作风建设，树立依法履职新风', '加强纪律建设，提升依法履职形象'];
  const cn = ['一', '两', '三', '四', '五', '六', '七', '八', '九'];
  let total = 0;
  let n = 0;
  while (total < targetBytes) {
    const place = pick(places);
    const year = 2015 + Math.floor(rand() * 10);
    const lines = [`${place}人民代表大会常务委员会关于加强自身建设的意见`, `（${year}年${1 + Math.floor(rand() * 12)}月${1 + Math.floor(rand() * 28)}日${place}第十六届人民代表大会常务委员会第${cn[Math.floor(rand() * 9)]}次会议通过）`];
    let art = 1;
    for (let s = 0; s < 5; s++) {
      lines.push(`${cn[s] === '两' ? '二' : cn[s]}、${heads[s]}`);
      const k = 3 + Math.floor(rand() * 4);
      for (let a = 0; a < k; a++) {
        const p = pick(paras).replace(/^\d+[.、]/, '').replace(/\d+/g, (d) => String(1 + Math.floor(rand() * 10 ** Math.min(d.length, 4))));
        lines.push(`${art++}.${p}`);
      }
    }
    const text = lines.join('\n') + '\n';
    writeFileSync(join(dir, `doc${String(n).padStart(5, '0')}.txt`), text);
    total += Buffer.byteLength(text);
    n++;
  }
  return { docs: n, bytes: total };
}

const files = (dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
const mbps = (bytes, ms) => bytes / 1048576 / (ms / 1000);
const time = async (fn) => { const t = process.hrtime.bigint(); await fn(); return Number(process.hrtime.bigint() - t) / 1e6; };

const work = mkdtempSync(join(tmpdir(), 'zhidu-bench-'));
const big = join(work, 'corpus');
const small = join(work, 'corpus-small');
const { docs, bytes } = makeCorpus(big, MB * 1048576);
seed = 7;
const smallInfo = makeCorpus(small, (MB / 5) * 1048576);
const texts = files(big).map((f) => readFileSync(f));

// (a) segmentation alone, on the same text, with the same dictionary; load time excluded
const rules = loadRules();
const jieba = getJieba(rules);
// zhidu segments with part-of-speech tags (jieba.tag), which its metrics need; plain cut is shown too
const strs = texts.map((b) => b.toString('utf8'));
const segMs = await time(() => { for (const s of strs) jieba.tag(s); });
const cutMs = await time(() => { for (const s of strs) jieba.cut(s, true); });

// (b) the whole extract pipeline in this process, one document after another (one worker's work, as a
// corpus worker runs it: without the per-document zod check, which is timed on its own below)
await analyseBytes(texts[0], 'warmup.txt');
const extractMs = await time(async () => { for (let i = 0; i < texts.length; i++) await analyseBytes(texts[i], `doc${i}.txt`, { validate: false }); });
const validatedMs = await time(async () => { for (let i = 0; i < texts.length; i++) await analyseBytes(texts[i], `doc${i}.txt`); });

// (c) corpus runs through the CLI, wall time including start-up of the workers
const corpusRun = (dir, workers) => {
  const out = join(work, `out-${workers}-${dir.endsWith('small') ? 's' : 'b'}`);
  const ms = Number(execFileSync(process.execPath, ['-e', `
    const { execFileSync } = require('node:child_process');
    const t = Date.now();
    try { execFileSync(process.execPath, [${JSON.stringify(join(root, 'bin', 'zhidu.js'))}, 'corpus', ${JSON.stringify(dir)}, '--out', ${JSON.stringify(out)}, '--workers', '${workers}', '--quiet'], { stdio: 'ignore' }); } catch (e) {}
    process.stdout.write(String(Date.now() - t));`], { encoding: 'utf8' }));
  const m = JSON.parse(readFileSync(join(out, 'zhidu-run.json'), 'utf8'));
  return { ms, rss: m.peakRssMB, processed: m.counts.processed };
};
const c1 = corpusRun(big, 1);
const c2 = corpusRun(big, 2);
const c1small = corpusRun(small, 1);

// compare on COMPARE_DOCS documents (analyses made beforehand; the compare step alone is timed)
const cmpInputs = [];
for (const f of files(big).slice(0, COMPARE_DOCS)) {
  const analysis = await analyseBytes(readFileSync(f), f);
  cmpInputs.push({ info: describe(analysis, f), analysis });
}
const compareMs = await time(() => compare(cmpInputs));

// compare on the 48 bundled regulations with the national laws as references (matters, reuse, versions)
const regDir = join(root, 'corpora', 'regulations');
const regInputs = [];
const regT0 = performance.now();
for (const f of readdirSync(regDir).filter((x) => x.endsWith('.txt')).sort()) {
  const p = join(regDir, f);
  const analysis = await analyseBytes(readFileSync(p), p);
  regInputs.push({ info: describe(analysis, p), analysis, reference: f.includes('_national_') });
}
const regAnalyseMs = performance.now() - regT0;
const regCompareMs = await time(() => compare(regInputs));

const row = (name, ms, b = bytes, d = docs, extra = '') => `| ${name} | ${(ms / 1000).toFixed(2)} s | ${mbps(b, ms).toFixed(2)} | ${(d / (ms / 1000)).toFixed(1)} | ${extra} |`;
const lines = [
  `zhidu benchmark — ${docs} synthetic documents, ${(bytes / 1048576).toFixed(1)} MB (UTF-8), ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  '',
  '| run | time | MB/s | docs/s | notes |',
  '|---|---|---|---|---|',
  row('(a) nodejieba segmentation alone (tag)', segMs, bytes, docs, 'baseline: the call zhidu makes; dictionary load excluded'),
  row('(a′) nodejieba cut, no tags', cutMs, bytes, docs, 'for reference'),
  row('(b) extract, 1 worker (in process)', extractMs),
  row('(b′) extract with the zod output check (CLI extract)', validatedMs),
  row('(c1) corpus, 1 worker (CLI)', c1.ms, bytes, docs, `peak RSS ${c1.rss} MB`),
  row('(c2) corpus, 2 workers (CLI)', c2.ms, bytes, docs, `peak RSS ${c2.rss} MB`),
  row(`(c1) corpus, 1 worker, ${(smallInfo.bytes / 1048576).toFixed(1)} MB corpus`, c1small.ms, smallInfo.bytes, smallInfo.docs, `peak RSS ${c1small.rss} MB`),
  `| compare, ${cmpInputs.length} documents (compare step) | ${(compareMs / 1000).toFixed(2)} s | | | matter table, similarity, article alignment, reuse |`,
  `| compare, the ${regInputs.length} bundled regulations (extract ${(regAnalyseMs / 1000).toFixed(2)} s, then the compare step) | ${(regCompareMs / 1000).toFixed(2)} s | | | national laws as references; matters, versions, reuse summary |`,
  '',
  `ratio (b)/(a), segmentation throughput ÷ extract throughput: ${(extractMs / segMs).toFixed(2)} (target ≤ 2.0; against plain cut: ${(extractMs / cutMs).toFixed(2)})`,
  `ratio (c2)/(c1), speed-up of 2 workers over 1: ${(c1.ms / c2.ms).toFixed(2)}× (target ≥ 1.7)`,
  `peak RSS, 1 worker: ${c1small.rss} MB on ${(smallInfo.bytes / 1048576).toFixed(1)} MB vs ${c1.rss} MB on ${(bytes / 1048576).toFixed(1)} MB`,
];
console.log(lines.join('\n'));
rmSync(work, { recursive: true, force: true });
