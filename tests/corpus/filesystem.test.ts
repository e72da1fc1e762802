import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CORPUS, ROOT, SEEDS } from '../helpers.js';

// Corpus runs that survive the file system: links that go nowhere, manifests that point outside, resumes.
const BIN = join(ROOT, 'bin', 'zhidu.js');
const lines = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8').split('\n').filter((l) => l) : []);
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const seed = (dir: string, name: string) => writeFileSync(join(dir, name), readFileSync(join(CORPUS, `${SEEDS[0]}.txt`), 'utf8'));

describe('corpus runs and the file system', () => {
  it('a dangling symlink and a symlink loop each become one error record; the run goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-links-'));
    seed(dir, 'a.txt');
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    symlinkSync(join(dir, 'loop2.txt'), join(dir, 'loop1.txt'));
    symlinkSync(join(dir, 'loop1.txt'), join(dir, 'loop2.txt'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'back'));
    const out = mkdtempSync(join(tmpdir(), 'zhidu-links-out-'));
    const r = run(['corpus', dir, '--out', out, '--quiet']);
    expect(r.status).toBe(1);
    expect(lines(join(out, 'documents.jsonl'))).toHaveLength(1);
    const errs = lines(join(out, 'errors.jsonl')).map((l) => JSON.parse(l));
    expect(errs.map((e) => [e.source.path.split('/').pop(), e.error.code, e.error.exitCode])).toEqual([
      ['dangling.txt', 'input/unreadable-link', 13], ['loop1.txt', 'input/unreadable-link', 13], ['loop2.txt', 'input/unreadable-link', 13],
    ]);
  }, 60_000);

  it('a manifest entry that points outside its corpus folder is refused unless --allow-outside', () => {
    const root = mkdtempSync(join(tmpdir(), 'zhidu-outside-'));
    const dir = join(root, 'corpus');
    mkdirSync(dir);
    seed(dir, 'a.txt');
    writeFileSync(join(root, 'secret.txt'), '不应读取的文件：常委会组成人员每人联系3名以上代表。');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ documents: [{ file: 'a.txt' }, { file: '../secret.txt' }, { file: '/etc/passwd' }] }));
    const out = join(root, 'out');
    expect(run(['corpus', dir, '--out', out, '--quiet']).status).toBe(1);
    const docs = lines(join(out, 'documents.jsonl'));
    expect(docs).toHaveLength(1);
    expect(docs.join('')).not.toContain('不应读取');
    expect(lines(join(out, 'errors.jsonl')).map((l) => JSON.parse(l).error.code)).toEqual(['input/outside-corpus', 'input/outside-corpus']);
    const out2 = join(root, 'out2');
    run(['corpus', join(dir, 'manifest.json'), '--out', out2, '--quiet', '--allow-outside']);
    expect(lines(join(out2, 'documents.jsonl')).join('')).toContain('不应读取');
  }, 60_000);

  it('--resume never appends the record of a refused or too-large input twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-resume-'));
    seed(dir, 'a.txt');
    writeFileSync(join(dir, 'big.txt'), '');
    truncateSync(join(dir, 'big.txt'), 17 * 1024 * 1024);
    const out = join(dir, '..', `${dir.split('/').pop()}-out`);
    run(['corpus', dir, '--out', out, '--quiet']);
    run(['corpus', dir, '--out', out, '--quiet', '--resume']);
    run(['corpus', dir, '--out', out, '--quiet', '--resume']);
    expect(lines(join(out, 'errors.jsonl')).map((l) => JSON.parse(l).error.code)).toEqual(['input/too-large']);
    expect(lines(join(out, 'documents.jsonl'))).toHaveLength(1);
  }, 60_000);
});

describe('the run record and the lock', () => {
  it('--out may be the corpus folder itself: its manifest.json is never overwritten (the run record is zhidu-run.json)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-same-'));
    seed(dir, 'a.txt');
    const manifest = JSON.stringify({ documents: [{ id: 'a', file: 'a.txt', label: 'A', family: 'test' }] });
    writeFileSync(join(dir, 'manifest.json'), manifest);
    expect(run(['corpus', dir, '--out', dir, '--quiet']).status).toBe(0);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(manifest);
    expect(JSON.parse(readFileSync(join(dir, 'zhidu-run.json'), 'utf8')).status).toBe('complete');
    expect(existsSync(join(dir, '.zhidu-run.lock'))).toBe(false);
  }, 60_000);

  it('an --out folder in use by another run is refused with a clear message; a stale lock is taken over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-lock-'));
    seed(dir, 'a.txt');
    const out = mkdtempSync(join(tmpdir(), 'zhidu-lock-out-'));
    // a live process holds the lock: this test's own
    writeFileSync(join(out, '.zhidu-run.lock'), JSON.stringify({ pid: process.pid }));
    const r = run(['corpus', dir, '--out', out, '--quiet']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`is in use by another zhidu corpus run (pid ${process.pid})`);
    expect(lines(join(out, 'documents.jsonl'))).toHaveLength(0);
    // a lock whose process is gone
    writeFileSync(join(out, '.zhidu-run.lock'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    expect(run(['corpus', dir, '--out', out, '--quiet']).status).toBe(0);
    expect(lines(join(out, 'documents.jsonl'))).toHaveLength(1);
  }, 60_000);
});

describe('--resume keys on content, tool version and rule packs', () => {
  it('the same folder named relatively and absolutely is one corpus: nothing doubled', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-spelling-'));
    seed(dir, 'a.txt');
    seed(dir, 'b.txt');
    writeFileSync(join(dir, 'b.txt'), readFileSync(join(dir, 'b.txt'), 'utf8') + '\n（副本）\n');
    const out = join(dir, 'out');
    const rel = spawnSync(process.execPath, [BIN, 'corpus', '.', '--out', 'out', '--quiet'], { cwd: dir, encoding: 'utf8' });
    expect(rel.status).toBe(0);
    expect(run(['corpus', dir, '--out', out, '--quiet', '--resume']).status).toBe(0);
    expect(lines(join(out, 'documents.jsonl'))).toHaveLength(2);
    const progress = lines(join(out, 'progress.jsonl')).map((l) => JSON.parse(l));
    expect(progress.every((p) => p.path.startsWith('/'))).toBe(true);
    expect(progress).toHaveLength(2);
  }, 60_000);

  it('after a change of the rule packs, --resume runs every document again, once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-resume-'));
    seed(dir, 'a.txt');
    const packs = join(dir, '..', `${dir.split('/').pop()}-packs`);
    cpSync(join(ROOT, 'extractors'), packs, { recursive: true });
    const out = join(dir, '..', `${dir.split('/').pop()}-out`);
    expect(run(['corpus', dir, '--out', out, '--quiet', '--packs', packs]).status).toBe(0);
    const before = JSON.parse(lines(join(out, 'progress.jsonl'))[0]!).packs;
    // a new slogan: the obligation pack's output may change, so its hash does
    writeFileSync(join(packs, 'named-numbers', 'slogans.txt'), readFileSync(join(packs, 'named-numbers', 'slogans.txt'), 'utf8') + '\n三个新词\n');
    expect(run(['corpus', dir, '--out', out, '--quiet', '--packs', packs, '--resume']).status).toBe(0);
    const progress = lines(join(out, 'progress.jsonl')).map((l) => JSON.parse(l));
    expect(progress).toHaveLength(1);
    expect(progress[0].packs).not.toBe(before);
    expect(lines(join(out, 'documents.jsonl'))).toHaveLength(1);
    // and a resume with unchanged packs skips it
    const r = run(['corpus', dir, '--out', out, '--packs', packs, '--resume']);
    expect(r.stderr).toContain('1 skipped as already done');
  }, 90_000);
});

describe('saying when nothing matched', () => {
  it('a folder of .doc files: each an input/unsupported-format record, exit 1; a glob that matches nothing: exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-doc-'));
    writeFileSync(join(dir, 'old.doc'), 'not a docx');
    writeFileSync(join(dir, 'scan.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    writeFileSync(join(dir, '.DS_Store'), 'x');
    const out = mkdtempSync(join(tmpdir(), 'zhidu-doc-out-'));
    const first = run(['corpus', dir, '--out', out, '--quiet']);
    expect([first.status, first.signal, first.error?.message, first.stderr]).toEqual([1, null, undefined, '']);
    expect(lines(join(out, 'errors.jsonl')).map((l) => JSON.parse(l).error.code)).toEqual(['input/unsupported-format', 'input/unsupported-format']);
    const r = run(['corpus', join(dir, '*.txt'), '--out', mkdtempSync(join(tmpdir(), 'zhidu-none-')), '--quiet']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('matched no file');
  }, 60_000);
});

describe('document variables in every row', () => {
  it('manifest fields, a --meta CSV and --docvars-from-name reach documents.csv and every obligation row; documents with nothing found are counted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-vars-'));
    seed(dir, 'changchun_opinion_2022.txt');
    writeFileSync(join(dir, 'empty_note_2020.txt'), '这是一份没有任何规则的说明。\n');
    const varsCsv = join(dir, '..', `${dir.split('/').pop()}-vars.csv`);
    writeFileSync(varsCsv, 'file,coder,wave\nchangchun_opinion_2022.txt,A,1\nempty_note_2020.txt,B,2\n');
    const out = join(dir, 'out');
    expect(run(['corpus', dir, '--out', out, '--quiet', '--format', 'csv', '--meta', varsCsv, '--docvars-from-name', '{place}_{family}_{year}']).status).toBe(0);
    const docs = parse(readFileSync(join(out, 'documents.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(docs.map((d) => [d.doc_id, d.doc_place, d.doc_family, d.doc_year, d.doc_coder, d.doc_wave, d.ok, d.rules_with_numbers])).toEqual([
      ['changchun_opinion_2022', 'changchun', 'opinion', '2022', 'A', '1', 'true', '3'],
      ['empty_note_2020', 'empty', 'note', '2020', 'B', '2', 'true', '0'],
    ]);
    const obligations = parse(readFileSync(join(out, 'obligations.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(obligations.every((o) => o.doc_id === 'changchun_opinion_2022' && o.doc_coder === 'A' && o.doc_year === '2022')).toBe(true);
    const first = JSON.parse(lines(join(out, 'obligations.jsonl'))[0]!);
    expect([first.doc_id, first.vars]).toEqual(['changchun_opinion_2022', { place: 'changchun', family: 'opinion', year: 2022, coder: 'A', wave: 1 }]);
  }, 60_000);
});

describe('--out inside or equal to the input folder', () => {
  it('a folder without a manifest, --out the same folder: its outputs are never read back as documents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-self-'));
    seed(dir, 'a.txt');
    expect(run(['corpus', dir, '--out', dir, '--quiet', '--format', 'csv']).status).toBe(0);
    expect(run(['corpus', dir, '--out', dir, '--quiet', '--format', 'csv', '--resume']).status).toBe(0);
    expect(lines(join(dir, 'documents.jsonl'))).toHaveLength(1);
    expect(lines(join(dir, 'errors.jsonl'))).toHaveLength(0);
  }, 60_000);
});
