import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorOf, firstChars } from '../../src/core/first-chars.js';
import { Scanner } from '../../src/core/scanner.js';
import { loadRules, pattern } from '../../src/packs/index.js';
import { normalizeText } from '../../src/normalize/index.js';
import { ROOT } from '../helpers.js';

const chars = (src: string) => {
  const f = firstChars(src);
  return f && String.fromCharCode(...[...f].sort((a, b) => a - b));
};

describe('firstChars', () => {
  it('reads what a match can begin with through groups, quantifiers, classes and lookarounds', () => {
    expect(chars('(?<pre>约|近)?(?<![\\d.])(?<n>\\d+)个?(?<unit>月|年)')).toBe('0123456789约近');
    expect(chars('百分之(?<p>\\d+)')).toBe('百');
    expect(chars('(?:x)*y')).toBe('xy');
    expect(chars('a{0,3}b')).toBe('ab');
    expect(chars('(?<=x)ab')).toBe('a');
    expect(chars('\\bword')).toBe('w');
    expect(chars('[一-三]成')).toBe('一丁丂七丄丅丆万丈三');
    // a character beyond the BMP begins with its high surrogate
    expect(chars('\\u{20000}x')).toBe('\ud840');
  });

  it('says null when it cannot tell: an empty match, any character, a negated class, a property, a backreference first', () => {
    for (const src of ['a|b?', '(?:)', '.a', '[^a]b', '\\p{Script=Han}', '\\w+', '\\k<u>a', '(?i:a)']) expect(firstChars(src)).toBeNull();
  });

  it('says null past a limit, without enumerating a class as large as a script', () => {
    expect(firstChars('[\\u4e00-\\u9fa5]{1,8}?市')!.size).toBe(20902);
    expect(firstChars('[\\u4e00-\\u9fa5]{1,8}?市', 4096)).toBeNull();
    expect(firstChars('(?:一|二|三)次', 2)).toBeNull();
    expect(chars('(?:一|二|三)次')).toBe('一三二');
  });
});

describe('anchorOf', () => {
  it('finds the longest literal of the top-level sequence and the most code units before it', () => {
    const adoption = '((?:(?![日月年])[\\u4e00-\\u9fa5]){1,8}?(?:省|自治区|市))(第[一二三]{1,4}届)?人民代表大会常务委员会第[一二三]+次会议';
    // 8 characters and 自治区, then 第, four numerals and 届
    expect(anchorOf(adoption, true)).toEqual({ literal: '人民代表大会常务委员会第', maxBefore: 17 });
    expect(anchorOf('ab{2}cd', true)).toEqual({ literal: 'cd', maxBefore: 3 });
    expect(anchorOf('(?:甲|乙丙)abc', true)).toEqual({ literal: 'abc', maxBefore: 2 });
    expect(anchorOf('\\(注\\)x', true)).toEqual({ literal: '(注)x', maxBefore: 0 });
    // a lookaround takes no room; in a /u pattern a class of astral characters takes two code units
    expect(anchorOf('(?<=x)[\\u{20000}-\\u{20010}]会议', true)).toEqual({ literal: '会议', maxBefore: 2 });
    expect(anchorOf('[\\u{20000}-\\u{20010}]会议', false)).toEqual({ literal: '会议', maxBefore: 1 });
  });

  it('says null when no literal follows a bounded lead, or the top level is an alternation', () => {
    for (const src of ['x+abc', '[^，]*会议', 'ab|cd', 'a(?:bc)d', '\\d{2,}年度', '(a)\\1bc']) expect(anchorOf(src, true)).toBeNull();
  });
});

describe('a Scanner finds what a regex exec finds', () => {
  const rules = loadRules();
  const texts = ['regulations', 'renda'].flatMap((c) => {
    const dir = join(ROOT, 'corpora', c);
    return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => normalizeText(readFileSync(join(dir, f), 'utf8'), rules).norm);
  });
  const scanAll = (scan: Scanner, t: string) => {
    const got: [number, string][] = [];
    for (let m = scan.execFrom(t, 0); m; m = scan.execFrom(t, m.index + Math.max(1, m[0].length))) got.push([m.index, m[0]]);
    return got;
  };

  it('on every bundled document, for patterns with a wide lead searched by their literal', () => {
    const wide = [
      pattern(rules, 'meta/adoption-by-committee'),
      /[\u4e00-\u9fa5]{1,6}?(?:委员会|政府)第[一二三四五六七八九十]{1,3}次会议/gu,
      /(?:(?![的和])[\u4e00-\u9fa5]){2,4}人民代表大会(?:常务委员会)?/gu,
      /[\u4e00-\u9fa5](?:日|月)起施行/gu,
    ];
    let matches = 0;
    for (const re of wide) {
      // the strategy under test: a literal after a bounded lead, first characters too many to filter
      expect(anchorOf(re.source, true), re.source).not.toBeNull();
      expect(firstChars(re.source)!.size).toBeGreaterThan(4096);
      const g = new RegExp(re.source, re.flags.replace('g', '') + 'g');
      const scan = new Scanner(g);
      for (const t of texts) {
        const got = scanAll(scan, t);
        expect(got, re.source).toEqual([...t.matchAll(g)].map((m) => [m.index!, m[0]]));
        matches += got.length;
      }
    }
    expect(matches).toBeGreaterThan(100);
  });

  it('on every bundled document, for every rule of the quantity grammar', () => {
    expect(texts.length).toBeGreaterThan(50);
    let matches = 0;
    for (const rule of rules.quantity.compiled) {
      const scan = new Scanner(rule.re);
      for (const t of texts) {
        const want: [number, string][] = [...t.matchAll(rule.re)].map((m) => [m.index!, m[0]]);
        const got = scanAll(scan, t);
        expect(got).toEqual(want);
        matches += got.length;
      }
    }
    // (同一任免案 holds a raw 一任 since 任 is a unit, 三分之一 a raw 三分 since 分 is one; the word-suffix and
    // score-context filters drop them after the search)
    expect(matches).toBe(3790);
  });

  it('searches as usual when the first characters cannot be read', () => {
    const s = new Scanner(/[^，]{2}会议/gu);
    expect(s.execFrom('召开常委会会议，主任会议', 4)?.index).toBe(8);
    expect(s.execFrom('召开常委会会议，主任会议', 0)?.index).toBe(3);
    expect(() => new Scanner(/会议/u)).toThrow(/global/);
  });
});
