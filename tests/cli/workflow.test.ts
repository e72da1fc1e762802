import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { ROOT } from '../helpers.js';

const io = () => { const out: string[] = []; const err: string[] = []; return { out, err, io: { stdout: (s: string) => { out.push(s); }, stderr: (s: string) => { err.push(s); } } }; };

describe('offsets a Python or R user can slice with', () => {
  it('a character beyond the BMP before a quantity: UTF-16 spans by default, code points with --offsets codepoint', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zhidu-cp-')), 'sup.txt');
    writeFileSync(file, '关于加强自身建设的意见\n𠀀𠀁常委会组成人员每人联系3名以上代表。\n');
    const a = io();
    expect(await run(['extract', file], a.io)).toBe(0);
    const utf16 = JSON.parse(a.out.join(''));
    expect([utf16.zhidu.offsets, utf16.obligations[0].quantity.span]).toEqual(['utf16', [27, 31]]);
    const b = io();
    expect(await run(['extract', file, '--offsets', 'codepoint'], b.io)).toBe(0);
    const cp = JSON.parse(b.out.join(''));
    expect([cp.zhidu.offsets, cp.obligations[0].quantity.span, cp.obligations[0].actor.span]).toEqual(['codepoint', [25, 29], [12, 21]]);
    // what Python's text[a:b] does: slice by code points
    const py = (t: string, [s, e]: [number, number]) => [...t].slice(s, e).join('');
    expect(py(cp.text, cp.obligations[0].quantity.span)).toBe('3名以上');
    expect(py(cp.text, cp.obligations[0].actor.span)).toBe('𠀀𠀁常委会组成人员');
  });
});

describe('kwic', () => {
  it('a keyword in context, only inside deadline rules, with articles; as CSV with a BOM', async () => {
    const t = io();
    const reg = join(ROOT, 'corpora', 'regulations');
    expect(await run(['kwic', join(reg, '21_shandong_daibiao-jianyi_2017.txt'), '--pattern', '答复', '--measure', 'deadline', '--format', 'csv', '--window', '6'], t.io)).toBe(0);
    const lines = t.out.join('').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFdoc_id,start,end,left,match,right,article,measure,topic');
    expect(lines.slice(1).map((l) => l.split(',').slice(3, 7))).toEqual([
      ['不超过六个月', '答复', '代表。在省人', '第四章.第十九条'],
      ['一个月内再次', '答复', '代表。重新办', '第四章.第二十四条'],
    ]);
  });

  it('a regular expression; an unknown measure is a usage error', async () => {
    const t = io();
    expect(await run(['kwic', join(ROOT, 'corpora', 'renda', '000_d228cdf30e402d53.txt'), '--pattern', '/联系\\d+名/', '--format', 'json'], t.io)).toBe(0);
    expect(JSON.parse(t.out.join('')).map((r: { match: string }) => r.match)).toEqual(['联系3名']);
    expect(await run(['kwic', ROOT, '--pattern', 'x', '--measure', 'speed'], io().io)).toBe(2);
  });
});

describe('CLI manners', () => {
  it('--out takes its format from the extension: report.html is HTML, x.md is Markdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-out-'));
    const seed = join(ROOT, 'corpora', 'renda', '000_d228cdf30e402d53.txt');
    expect(await run(['compare', seed, join(ROOT, 'corpora', 'renda', '002_8764026f8cb2a5b0.txt'), '--out', join(dir, 'report.html')], io().io)).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    expect(await run(['extract', seed, '--out', join(dir, 'x.md')], io().io)).toBe(0);
    expect(readFileSync(join(dir, 'x.md'), 'utf8').startsWith('# 长春市人民代表大会常务委员会')).toBe(true);
    const t = io();
    expect(await run(['extract', seed, '--format', 'json', '--out', join(dir, 'x.md')], t.io)).toBe(2);
    expect(t.err.join('')).toContain('--format json does not match the extension of --out');
  });

  it('an unknown topic is a usage error, not an empty table', async () => {
    const t = io();
    expect(await run(['compare', join(ROOT, 'corpora', 'renda'), '--topics', 'no-such-topic'], t.io)).toBe(2);
    expect(t.err.join('')).toContain('unknown topic: no-such-topic');
  });

  it('a closed pipe ends quietly with status 0 (zhidu extract … | head)', () => {
    const r = spawnSync('bash', ['-c', `node ${join(ROOT, 'bin', 'zhidu.js')} extract ${join(ROOT, 'corpora', 'regulations')}/*.txt | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('0');
    expect(r.stderr).not.toContain('Error');
  });
});
