import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstChars } from '../../src/core/first-chars.js';
import { Scanner } from '../../src/core/scanner.js';
import { loadRules } from '../../src/packs/index.js';
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
});

describe('a Scanner finds what a regex exec finds', () => {
  it('on every bundled document, for every rule of the quantity grammar', () => {
    const rules = loadRules();
    const texts = ['regulations', 'renda'].flatMap((c) => {
      const dir = join(ROOT, 'corpora', c);
      return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => normalizeText(readFileSync(join(dir, f), 'utf8'), rules).norm);
    });
    expect(texts.length).toBeGreaterThan(50);
    let matches = 0;
    for (const rule of rules.quantity.compiled) {
      const scan = new Scanner(rule.re);
      for (const t of texts) {
        const want: [number, string][] = [...t.matchAll(rule.re)].map((m) => [m.index!, m[0]]);
        const got: [number, string][] = [];
        for (let m = scan.execFrom(t, 0); m; m = scan.execFrom(t, m.index + m[0].length)) got.push([m.index, m[0]]);
        expect(got).toEqual(want);
        matches += got.length;
      }
    }
    expect(matches).toBe(3707);
  });

  it('searches as usual when the first characters cannot be read', () => {
    const s = new Scanner(/[^，]{2}会议/gu);
    expect(s.execFrom('召开常委会会议，主任会议', 4)?.index).toBe(8);
    expect(s.execFrom('召开常委会会议，主任会议', 0)?.index).toBe(3);
    expect(() => new Scanner(/会议/u)).toThrow(/global/);
  });
});
