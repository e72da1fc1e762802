import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/packs/index.js';
import { cutTagged, getJieba } from '../../src/segment/jieba-adapter.js';
import { ROOT } from '../helpers.js';

const rules = loadRules();
const REG = join(ROOT, 'corpora', 'regulations');

describe('parts of speech from cut and the dictionaries', () => {
  it('are the tags nodejieba\'s tag gives, word for word, on every bundled regulation', () => {
    const texts = readdirSync(REG).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(REG, f), 'utf8'));
    // the first 200,000 characters go through `tag` itself; the rest through cut and the tag map
    const jieba = getJieba(rules);
    let chars = 0;
    for (const text of texts) {
      const want = jieba.tag(text);
      const got = cutTagged(rules, text);
      expect(got.words).toEqual(want.map((x) => x.word));
      expect(got.tags).toEqual(want.map((x) => x.tag));
      chars += text.length;
    }
    expect(chars).toBeGreaterThan(200_000);
  });

  it('keep cppjieba\'s rule for words no dictionary has: a lone digit is x, digits are m, letters eng', () => {
    const big = readFileSync(join(REG, '43_national_daibiaofa_2025.txt'), 'utf8').repeat(20);
    cutTagged(rules, big);
    const { words, tags } = cutTagged(rules, '代表3人，第12条，共4.5万件，ABC2023');
    const tagOf = Object.fromEntries(words.map((w, i) => [w, tags[i]]));
    expect(tagOf).toMatchObject({ 3: 'x', 12: 'm', ABC2023: 'eng' });
    expect(tags).toEqual(getJieba(rules).tag('代表3人，第12条，共4.5万件，ABC2023').map((x) => x.tag));
    // runes, not UTF-16 units, decide the half: characters beyond the BMP take two units each
    const astral = '𠮷𠮷ab12人，𠀀1号，a𠀀𠀀𠀀，12ab，ab12，𠮷a，Ｘ1';
    const got = cutTagged(rules, astral);
    expect(got.tags).toEqual(getJieba(rules).tag(astral).map((x) => x.tag));
    expect(got.tags.filter((t) => t === 'm' || t === 'eng').length).toBeGreaterThan(2);
  });
});
