import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CORPUS, ROOT, SEEDS } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'zhidu.js');
const lines = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8').split('\n').filter((l) => l) : []);
const keysOf = (out: string) => [...lines(join(out, 'documents.jsonl')), ...lines(join(out, 'errors.jsonl'))].map((l) => JSON.parse(l).key as string);

/** A corpus folder: the seeds several times over (each copy made different so its sha256 differs), and broken files. */
function makeCorpus(copies: number, bad = true): { dir: string; inputs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'zhidu-corpus-'));
  let n = 0;
  for (let c = 0; c < copies; c++) {
    for (const id of SEEDS) {
      writeFileSync(join(dir, `${String(c).padStart(3, '0')}-${id}.txt`), readFileSync(join(CORPUS, `${id}.txt`), 'utf8') + `\n（副本 ${c}）\n`);
      n++;
    }
  }
  if (bad) {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.4 this is cut');
    copyFileSync(join(CORPUS, `${SEEDS[0]}.txt`), join(dir, 'plain.html'));
    n += 4;
  }
  return { dir, inputs: n };
}

function runCli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('zhidu corpus', () => {
  it('good and bad inputs: exactly one record per input, errors with their class', () => {
    const { dir, inputs } = makeCorpus(2);
    const out = join(dir, 'out');
    const r = runCli(['corpus', dir, '--out', out, '--workers', '2', '--format', 'csv']);
    expect(r.status).toBe(1);
    const keys = keysOf(out);
    expect(keys).toHaveLength(inputs);
    expect(new Set(keys).size).toBe(inputs);
    const errs = lines(join(out, 'errors.jsonl')).map((l) => JSON.parse(l));
    expect(errs.map((e) => [e.source.path.split('/').pop(), e.error.code]).sort()).toEqual([
      ['binary.txt', 'input/binary'], ['broken.pdf', 'input/corrupt'], ['empty.txt', 'input/empty'],
    ]);
    const m = JSON.parse(readFileSync(join(out, 'zhidu-run.json'), 'utf8'));
    expect(m.status).toBe('complete');
    expect(m.counts).toEqual({ processed: inputs, skipped: 0, ok: inputs - 3, errors: 3 });
    expect(m.packs.map((p: { id: string }) => p.id)).toContain('quantity');
    // output is in input order, so two runs give the same bytes
    const again = join(dir, 'out2');
    runCli(['corpus', dir, '--out', again, '--workers', '1', '--format', 'csv', '--quiet']);
    for (const f of ['documents.jsonl', 'obligations.jsonl', 'statistics.jsonl', 'errors.jsonl', 'obligations.csv']) {
      expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(out, f), 'utf8'));
    }
  });

  it('CSV opens with a standard parser and round-trips values and Chinese text', () => {
    const { dir } = makeCorpus(1, false);
    const out = join(dir, 'out');
    runCli(['corpus', dir, '--out', out, '--format', 'csv', '--quiet']);
    // a few documents are far less than 8 MB: one worker, whose start-up is paid once
    expect(JSON.parse(readFileSync(join(out, 'zhidu-run.json'), 'utf8')).workers).toBe(1);
    const raw = readFileSync(join(out, 'obligations.csv'), 'utf8');
    // a byte-order mark, so that Excel and WPS on Chinese Windows read UTF-8
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(raw, { columns: true, bom: true }) as Record<string, string>[];
    const json = lines(join(out, 'obligations.jsonl')).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(json.length);
    const pick = rows.find((r) => r.normal === '≥5 名' && r.clause.includes('每位常委会组成人员'))!;
    expect(pick).toMatchObject({ topic: 'deputy-contact', value: '5', unit: '名', comparator: 'gte', per: 'person', place: '濮阳市' });
    const src = json.find((o) => o.quantity?.raw === '5名以上')!;
    expect(pick.clause).toBe(src.text);
    expect([Number(pick.span_start), Number(pick.span_end)]).toEqual(src.span);
    const stats = parse(readFileSync(join(out, 'statistics.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(stats.find((s) => s.value === '19298900')).toMatchObject({ unit: '元', topic: 'donations' });
  });

  it('a worker that crashes loses only its own document, recorded as an error', () => {
    const { dir, inputs } = makeCorpus(1, false);
    const out = join(dir, 'out');
    const r = runCli(['corpus', dir, '--out', out, '--workers', '2', '--quiet'], { ZHIDU_FAULT_CRASH_ON: `000-${SEEDS[2]}.txt` });
    expect(r.status).toBe(1);
    const keys = keysOf(out);
    expect(keys).toHaveLength(inputs);
    const errs = lines(join(out, 'errors.jsonl')).map((l) => JSON.parse(l));
    expect(errs.map((e) => [e.source.path.split('/').pop(), e.error.code])).toEqual([[`000-${SEEDS[2]}.txt`, 'internal']]);
  });

  it('--resume after a killed run completes with no duplicates and no loss', async () => {
    const { dir, inputs } = makeCorpus(8);
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'corpus', dir, '--out', out, '--workers', '1', '--quiet']);
    // kill it hard once a few documents are done
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (lines(join(out, 'progress.jsonl')).length >= 6) { clearInterval(t); child.kill('SIGKILL'); resolve(); }
      }, 20);
    });
    await new Promise((r) => child.on('exit', r));
    const before = lines(join(out, 'progress.jsonl')).length;
    expect(before).toBeLessThan(inputs);
    // a write cut off mid-line, and lines of a document that was never marked done
    appendFileSync(join(out, 'documents.jsonl'), '{"key":"half-writ');
    appendFileSync(join(out, 'obligations.jsonl'), JSON.stringify({ key: 'never-done:x', value: 1 }) + '\n');
    const r = runCli(['corpus', dir, '--out', out, '--workers', '2', '--resume', '--quiet']);
    expect(r.status).toBe(1);
    const keys = keysOf(out);
    expect(keys).toHaveLength(inputs);
    expect(new Set(keys).size).toBe(inputs);
    for (const f of ['documents.jsonl', 'obligations.jsonl', 'statistics.jsonl', 'named-numbers.jsonl', 'errors.jsonl']) {
      for (const l of lines(join(out, f))) expect(() => JSON.parse(l)).not.toThrow();
    }
    expect(lines(join(out, 'obligations.jsonl')).some((l) => l.includes('never-done'))).toBe(false);
    const m = JSON.parse(readFileSync(join(out, 'zhidu-run.json'), 'utf8'));
    expect(m.counts.skipped).toBe(before);
    expect(m.counts.processed + m.counts.skipped).toBe(inputs);
  });
});
