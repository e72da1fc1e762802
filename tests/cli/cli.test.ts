import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import * as api from '../../src/index.js';
import { documentJsonSchema } from '../../src/schema/json-schema.js';
import { ROOT, SEEDS, seedPath } from '../helpers.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => { out.push(s); }, stderr: (s: string) => { err.push(s); } }, out, err };
}

describe('zhidu extract, in-process', () => {
  it('a rule pack whose example fails stops extract and compare once, in one line naming the file, the rule, the expected and the actual', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-badpack-'));
    cpSync(join(ROOT, 'extractors'), dir, { recursive: true });
    const file = join(dir, 'quantity', 'quantity.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{ text: 增长百分之五, raw: 百分之五, value: 5, unit: "%" }', '{ text: 增长百分之五, raw: 百分之五, value: 6, unit: "%" }'));
    for (const command of ['extract', 'compare']) {
      const c = capture();
      expect(await run([command, seedPath(SEEDS[0]), seedPath(SEEDS[1]), '--packs', dir], c.io)).toBe(70);
      expect(c.err).toEqual([`zhidu: invalid rule pack: ${file}: rule quantity/percent-cn: example "增长百分之五": value expected 6, actual 5\n`]);
      expect(c.out).toEqual([]);
    }
  });

  it('prints one JSON object for one file, with text equal to the source', async () => {
    const c = capture();
    expect(await run(['extract', seedPath(SEEDS[2])], c.io)).toBe(0);
    const doc = JSON.parse(c.out.join(''));
    expect(doc.text).toBe(readFileSync(seedPath(SEEDS[2]), 'utf8'));
    expect(doc.meta.draft).toBe(true);
    expect(c.err).toEqual([]);
  });

  it('same input, same output bytes', async () => {
    const a = capture();
    const b = capture();
    await run(['extract', seedPath(SEEDS[3]), '--format', 'jsonl'], a.io);
    await run(['extract', seedPath(SEEDS[3]), '--format', 'jsonl'], b.io);
    expect(a.out.join('')).toBe(b.out.join(''));
  });

  it('a missing file: one line on stderr and exit 3', async () => {
    const c = capture();
    expect(await run(['extract', '/no/such.txt'], c.io)).toBe(3);
    expect(c.err).toEqual(['zhidu: /no/such.txt: no such file [input/missing]\n']);
    expect(c.out).toEqual([]);
  });

  it('several files: good ones still come out, failures become error records, exit says which class failed', async () => {
    const c = capture();
    const code = await run(['extract', seedPath(SEEDS[0]), '/no/such.txt', seedPath(SEEDS[1]), '--format', 'jsonl'], c.io);
    expect(code).toBe(3);
    const lines = c.out.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => ('error' in l ? l.error.code : l.source.name))).toEqual(['000_d228cdf30e402d53.txt', 'input/missing', '001_5a972a42f7f4496e.txt']);
  });

  it('markdown for a person has the rules table', async () => {
    const c = capture();
    await run(['extract', seedPath(SEEDS[0]), '--format', 'md'], c.io);
    const md = c.out.join('');
    expect(md).toContain('# 长春市人民代表大会常务委员会关于进一步加强自身建设的意见');
    expect(md).toContain('| 四.15 | deputy-contact | 常委会组成人员 | should | ≥3 名 | count | person |');
  });

  it('usage errors exit 2', async () => {
    const c = capture();
    expect(await run(['extract'], c.io)).toBe(2);
    expect(await run(['extract', 'x.txt', '--format', 'xml'], c.io)).toBe(2);
    expect(await run(['frobnicate'], c.io)).toBe(2);
  });
});

describe('schema', () => {
  it('the committed JSON Schema matches the zod schema (drift test)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schema', 'zhidu.schema.json'), 'utf8'));
    expect(committed).toEqual(documentJsonSchema());
  });

  it('the library API exports exactly these names', () => {
    expect(Object.keys(api).filter((k) => !/^[A-Z]\w*Schema$/.test(k)).sort()).toEqual([
      'DEFAULT_PACK_DIR', 'EXIT_CODES', 'OffsetMap', 'PackError', 'VERSION', 'WorkerPool', 'ZhiduError', 'analyseBytes', 'analyseFile',
      'analyseIngested', 'compare', 'comparisonJsonl', 'comparisonToCsv', 'comparisonToHtml', 'comparisonToMarkdown', 'describeForCompare', 'documentJsonSchema',
      'documentToMarkdown', 'expandInputs', 'extractFile', 'forCompare', 'ingestBytes', 'ingestFile', 'jsonChunks', 'kwic', 'loadRules', 'parseCnNumber', 'quantityText', 'ruleNormal', 'run',
      'runCorpus', 'withCodePointOffsets',
    ]);
  });
});

describe('bin/zhidu.js, spawned', () => {
  it('extract runs from the built CLI and exits 0', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'zhidu.js'), 'extract', seedPath(SEEDS[1]), '--format', 'json'], { encoding: 'utf8' });
    expect(JSON.parse(out).meta.publishedOn).toBe('2019-04-25');
  });

  it('an empty file exits 5 with one stderr line and no stack trace', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'zhidu.js'), 'extract', join(ROOT, 'package.json').replace('package.json', 'tests/fixtures/docs/empty.txt')], { encoding: 'utf8' });
    expect(r.status).toBe(5);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/empty\.txt: file is empty \(0 bytes\) \[input\/empty\]/);
  });
});

describe('every command, spawned once', () => {
  const bin = join(ROOT, 'bin', 'zhidu.js');
  it('schema prints the JSON Schema', () => {
    const out = JSON.parse(execFileSync(process.execPath, [bin, 'schema'], { encoding: 'utf8' }));
    expect(out.$ref).toBe('#/$defs/ZhiduDocument');
  });
  it('compare --format csv prints one row per (matter, document, rule)', () => {
    const out = execFileSync(process.execPath, [bin, 'compare', join(ROOT, 'corpora', 'renda'), '--format', 'csv', '--matters', 'member-research'], { encoding: 'utf8' });
    expect(out.trimEnd().split('\r\n')).toHaveLength(3);
    expect(out).toContain('member-research,常委会组成人员每年参加调研、视察、执法检查的次数,research-inspection,frequency,dongcheng-2017-opinion,东城 2017 意见,东城区,2017,opinion,district,≥3 次 / year,gte,3,,,次,3,time,,year,,should,false');
  });
  it('evaluate prints the totals line', () => {
    const out = execFileSync(process.execPath, [bin, 'evaluate', join(ROOT, 'corpora', 'renda', 'gold')], { encoding: 'utf8' });
    expect(out.trimEnd().split('\n').pop()).toBe('F1=1.000 P=1.000 R=1.000 tp=90 gold=90 pred=90');
  });
  it('--help lists the exit codes', () => {
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(out).toContain('8   input/pdf-no-text');
  });
});
