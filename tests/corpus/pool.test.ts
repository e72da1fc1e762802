import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/corpus/index.js';
import { WorkerPool } from '../../src/corpus/pool.js';
import { processInput } from '../../src/corpus/records.js';
import { ROOT } from '../helpers.js';

const REGS = join(ROOT, 'corpora', 'regulations');
const QUIET = { stdout: () => {}, stderr: () => {} };
const ref = (docId: string) => ({ docId, vars: {}, varNames: [] });
const path = join(REGS, '02_shanghai_daibiao-jianyi_nd.txt');

describe('WorkerPool', () => {
  let pool: WorkerPool | null = null;
  afterEach(async () => { await pool?.close(); pool = null; delete process.env.ZHIDU_FAULT_CRASH_ON; });

  it('a warmed pool returns what processing the input in this thread returns; a JSONL run gets no CSV rows', async () => {
    pool = new WorkerPool(1);
    await pool.warm([join(REGS, '01_shanghai_zhuanmen-weiyuanhui_2020.txt')]);
    const [inWorker, here] = await Promise.all([pool.process(path, ref('sh02')), processInput(path, undefined, ref('sh02'))]);
    expect(inWorker).toEqual(here);
    expect(Object.keys(inWorker.lines).sort()).toEqual(['documents', 'documents.csv', 'named-numbers', 'obligations', 'obligations.csv', 'statistics', 'statistics.csv']);
    const jsonlOnly = await pool.process(path, ref('sh02'), false);
    expect(Object.keys(jsonlOnly.lines).sort()).toEqual(['documents', 'named-numbers', 'obligations', 'statistics']);
    expect(jsonlOnly.lines.obligations).toEqual(here.lines.obligations);
  });

  it('a worker that crashes returns an internal error for its document, and its replacement takes the rest', async () => {
    process.env.ZHIDU_FAULT_CRASH_ON = '03_shanghai_daibiao-yian_nd.txt';
    pool = new WorkerPool(1);
    const names = ['02_shanghai_daibiao-jianyi_nd.txt', '03_shanghai_daibiao-yian_nd.txt', '04_shanghai_beian-shencha_2021.txt'];
    const results = await Promise.all(names.map((n) => pool!.process(join(REGS, n), ref(n))));
    expect(results.map((r) => [r.path.split('/').pop(), r.ok, r.code ?? null])).toEqual([
      ['02_shanghai_daibiao-jianyi_nd.txt', true, null],
      ['03_shanghai_daibiao-yian_nd.txt', false, 'internal'],
      ['04_shanghai_beian-shencha_2021.txt', true, null],
    ]);
    expect(JSON.parse(results[1]!.lines.errors![0]!).error.message).toMatch(/worker crashed \(exit code 3\)/);
  });

  it('runCorpus on a pool the caller keeps writes what a run with its own pool writes, and leaves the pool open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-pool-'));
    await runCorpus([REGS], { out: join(dir, 'own'), workers: 2, quiet: true }, QUIET);
    pool = new WorkerPool(2);
    const s = await runCorpus([REGS], { out: join(dir, 'kept'), quiet: true, pool }, QUIET);
    expect(s).toMatchObject({ total: 48, processed: 48, ok: 48, errors: 0 });
    for (const f of readdirSync(join(dir, 'own')).filter((x) => x.endsWith('.jsonl'))) {
      expect(readFileSync(join(dir, 'kept', f), 'utf8'), f).toBe(readFileSync(join(dir, 'own', f), 'utf8'));
    }
    expect(JSON.parse(readFileSync(join(dir, 'kept', 'zhidu-run.json'), 'utf8')).workers).toBe(2);
    // the pool still works after the run
    expect((await pool.process(path, ref('again'))).ok).toBe(true);
  });
});
