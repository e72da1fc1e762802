import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../src/core/offset-map.js';
import { parseCnNumber } from '../../src/core/cn-number.js';
import { normalizeText } from '../../src/normalize/index.js';
import { loadRules } from '../../src/packs/index.js';
import { SEEDS, seedText } from '../helpers.js';

const rules = loadRules();

/** Every normalised character maps back to the source character it came from (or its one-for-one substitute). */
function checkRoundTrip(text: string) {
  const map = normalizeText(text, rules);
  for (let i = 0; i < map.norm.length; i++) {
    const s = map.posToSource(i);
    const srcCh = text[s]!;
    const n = map.norm[i]!;
    if (srcCh !== n) {
      // substitutions are one code unit for one: width, spaces, dashes, traditional forms
      expect(srcCh.length).toBe(1);
      expect(n.length).toBe(1);
    }
    expect(map.posFromSource(s)).toBe(i);
  }
  return map;
}

describe('normalised view and offset map', () => {
  it('maps full-width digits, punctuation and ideographic spaces one for one', () => {
    const text = '参培率达到１００％，召开会议\u3000１２次（含）';
    const map = checkRoundTrip(text);
    expect(map.norm).toBe('参培率达到100%,召开会议 12次(含)');
    expect(map.toSource([5, 9])).toEqual([5, 9]);
    expect(text.slice(...map.toSource([5, 9]))).toBe('１００％');
  });

  it('drops \\r of \\r\\n and maps around the deletion', () => {
    const text = '第一行。\r\n第二行3次。';
    const map = checkRoundTrip(text);
    expect(map.norm).toBe('第一行。\n第二行3次。');
    const at = map.norm.indexOf('3次');
    expect(map.toSource([at, at + 2])).toEqual([9, 11]);
  });

  it('joins a line break inside a sentence of body text, but not after a heading', () => {
    const body = '围绕全市中心工作，常委会组成人员每年参加常委会组织的执法检查、专题调\n研活动不少于3次。';
    const map = checkRoundTrip(body);
    expect(map.norm).toBe(body.replace('\n', '').replace('，', ','));
    const i = map.norm.indexOf('调研');
    expect(map.toSource([i, i + 2])).toEqual([body.indexOf('调'), body.indexOf('研') + 1]);
    const heading = '一、加强思想建设\n1.坚定政治立场。';
    expect(normalizeText(heading, rules).norm).toBe(heading);
  });

  it('keeps characters outside the BMP and traditional forms map to simplified', () => {
    const text = '𠀀審議議案十二項';
    const map = checkRoundTrip(text);
    expect(map.norm).toBe('𠀀审议议案十二项');
  });

  it('round-trips every seed document', () => {
    for (const id of SEEDS) checkRoundTrip(seedText(id));
  });

  it('identity map and empty input', () => {
    const m = OffsetMap.identity('');
    expect(m.toSource([0, 0])).toEqual([0, 0]);
    expect(normalizeText('', rules).norm).toBe('');
    expect(() => m.posToSource(1)).toThrow(RangeError);
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['两', 2], ['十', 10], ['十二', 12], ['二十三', 23], ['一百零五', 105], ['三千', 3000], ['四万', 40000],
    ['万', 10000], ['一亿二千万', 120000000], ['二〇二二', 2022], ['壹佰贰拾', 120], ['十四', 14],
    ['六点五', 6.5], ['零点五', 0.5], ['十二点五亿', 1250000000], ['一百点零五', 100.05],
  ])('%s = %d', (s, v) => expect(parseCnNumber(s)).toBe(v));
  it('rejects non-numerals', () => {
    for (const s of ['一府', '点五', '十二点', '十二点亿', '一点一滴']) expect(parseCnNumber(s), s).toBeNull();
  });
});

describe('the offset map kept as shift points', () => {
  it('answers every source offset as a per-character table would, deleted characters included', () => {
    // CRLF, zero-width spaces, a BOM, a joined line break and a space between a digit and Chinese: each a deletion
    const text = '\uFEFF第一条\u200b 常委会组成人员\r\n每年联系 3 名以上代表，走访代表不少于四次，专题调\n研活动不少于两次。\r\n';
    const map = normalizeText(text, rules);
    const toSrc: number[] = [];
    for (let i = 0; i < map.norm.length; i++) toSrc.push(map.posToSource(i));
    expect(toSrc.every((s, i) => i === 0 || s > toSrc[i - 1]!)).toBe(true);
    expect(map.norm.length).toBeLessThan(text.length);
    for (let p = 0; p <= text.length; p++) {
      const expected = toSrc.findIndex((s) => s >= p);
      expect(map.posFromSource(p)).toBe(expected < 0 ? map.norm.length : expected);
    }
    expect(map.posToSource(map.norm.length)).toBe(text.length);
    expect(map.norm).toContain('联系3名以上');
    expect(text.slice(...map.toSource([map.norm.indexOf('3'), map.norm.indexOf('3') + 2]))).toBe('3 名');
  });
});
