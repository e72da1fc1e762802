import { mkdtempSync, writeFileSync } from 'node:fs';
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
