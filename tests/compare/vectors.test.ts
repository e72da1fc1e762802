import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lshCandidates, shingles, signature } from '../../src/compare/minhash.js';
import { cosine, PrefixIndex, tfidf } from '../../src/compare/vectors.js';
import { ROOT } from '../helpers.js';

// the sentences of two regulations of one family: many near-duplicates, many unrelated
const sentences = ['21_shandong_daibiao-jianyi_2017', '39_chongqing_daibiao-jianyi_2017'].flatMap((id) =>
  readFileSync(join(ROOT, 'corpora', 'regulations', `${id}.txt`), 'utf8').split(/[。；\n]/u).map((s) => s.trim()).filter((s) => s.length >= 8));
const bigrams = (s: string) => [...s].slice(0, -1).map((c, i) => c + s[i + 1]);

describe('the prefix index', () => {
  it('finds every pair that reaches the threshold, as comparing all pairs does', () => {
    const vecs = tfidf(sentences.map(bigrams));
    for (const t of [0.3, 0.55, 0.8]) {
      const index = new PrefixIndex();
      vecs.forEach((v, i) => index.add(v, i));
      let allPairs = 0;
      let missed = 0;
      for (let i = 0; i < vecs.length; i++) {
        const cands = new Set(index.candidates(vecs[i]!, t));
        for (let j = 0; j < vecs.length; j++) {
          if (cosine(vecs[i]!, vecs[j]!) < t) continue;
          allPairs++;
          if (!cands.has(j)) missed++;
        }
      }
      expect(allPairs).toBeGreaterThan(vecs.length);
      expect(missed).toBe(0);
    }
  });

  it('gives a sentence cosine 1 with itself and 0 with a sentence sharing no word', () => {
    const [a, b] = tfidf([bigrams('代表建议应当自交办之日起三个月内办理完毕'), bigrams('常务委员会组成人员联系选民')]);
    expect(cosine(a!, a!)).toBeCloseTo(1, 12);
    expect(cosine(a!, b!)).toBe(0);
  });
});

describe('MinHash and LSH', () => {
  it('make an edited copy a candidate of its original, and are the same on every run', () => {
    const text = readFileSync(join(ROOT, 'corpora', 'regulations', '21_shandong_daibiao-jianyi_2017.txt'), 'utf8').replace(/[^\u4e00-\u9fff]/gu, '');
    const edited = text.replace(/三个月/gu, '两个月').replace(/山东省/gu, '河北省');
    const other = readFileSync(join(ROOT, 'corpora', 'regulations', '43_national_daibiaofa_2025.txt'), 'utf8').replace(/[^\u4e00-\u9fff]/gu, '');
    const sigs = [text, other, edited].map((s) => signature(shingles(s)));
    const cands = lshCandidates(sigs, 1);
    expect(cands[0]).toEqual([2]);
    expect(cands[2]).toEqual([0]);
    expect([...signature(shingles(text))]).toEqual([...sigs[0]!]);
  });
});
