import { describe, expect, it } from 'vitest';
import { isLetter, lettersOf } from '../../src/compare/letters.js';

describe('the letters text reuse compares', () => {
  it('are ideographs, digits and Latin letters, without punctuation or spaces', () => {
    expect(lettersOf('第十条　代表建议应当自交办之日起3个月内（不含节假日）办理完毕，ABC。')).toBe('第十条代表建议应当自交办之日起3个月内不含节假日办理完毕ABC');
  });

  it('are the same class whether read by code unit or by the regex, for every BMP code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if ((lettersOf(ch) === ch) !== isLetter(c)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});
