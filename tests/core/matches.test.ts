import { describe, expect, it } from 'vitest';
import { matchesOf } from '../../src/core/matches.js';
import { splitLines } from '../../src/core/lines.js';

const flat = (ms: RegExpMatchArray[]) => ms.map((m) => [m.index, m[0], m.groups ? { ...m.groups } : undefined]);

describe('matchesOf', () => {
  it('gives what matchAll gives on a clause of a rule, and leaves the shared regex at 0', () => {
    const re = /不得|应当|可以|须/gu;
    const text = '代表建议应当自交办之日起三个月内办理完毕，不得拖延；确有困难的，可以延期，但须说明理由';
    re.lastIndex = 7;
    const got = matchesOf(re, text);
    expect(flat(got)).toEqual([[4, '应当', undefined], [21, '不得', undefined], [32, '可以', undefined], [38, '须', undefined]]);
    expect(re.lastIndex).toBe(0);
    expect(flat(got)).toEqual(flat([...text.matchAll(/不得|应当|可以|须/gu)]));
  });

  it('moves past empty matches by one character, a surrogate pair being one in a unicode regex', () => {
    const text = '𠮷代表a';
    expect(flat(matchesOf(/(?:)/gu, text))).toEqual(flat([...text.matchAll(/(?:)/gu)]));
    expect(flat(matchesOf(/(?:)/g, text))).toEqual(flat([...text.matchAll(/(?:)/g)]));
    expect(matchesOf(/(?:)/gu, text).map((m) => m.index)).toEqual([0, 2, 3, 4, 5]);
  });

  it('keeps named groups', () => {
    const got = matchesOf(/每(?<n>[一二两三四五六七八九十]+)个?(?<unit>月|年)/gu, '每两个月召开一次，每年报告');
    expect(flat(got)).toEqual([[0, '每两个月', { n: '两', unit: '月' }]]);
  });

  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => matchesOf(/应当/u, '应当')).toThrow(/global/);
  });
});

describe('splitLines', () => {
  it('gives the lines of a text with their offsets, the same array again for the same text', () => {
    const text = '第一条 为了保障代表依法行使职权\n\n第二条 代表建议\r\n末行';
    const lines = splitLines(text);
    expect(lines).toEqual([
      { start: 0, end: 16, text: '第一条 为了保障代表依法行使职权' },
      { start: 17, end: 17, text: '' },
      { start: 18, end: 27, text: '第二条 代表建议\r' },
      { start: 28, end: 30, text: '末行' },
    ]);
    expect(splitLines(text)).toBe(lines);
    expect(Object.isFrozen(lines)).toBe(true);
    expect(splitLines('')).toEqual([{ start: 0, end: 0, text: '' }]);
    expect(splitLines('a\n')).toEqual([{ start: 0, end: 1, text: 'a' }, { start: 2, end: 2, text: '' }]);
  });
});
