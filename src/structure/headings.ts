import type { Rules } from '../packs/index.js';
import { memo } from '../core/memo.js';

export type HeadingKind = 'section' | 'chapter' | 'part' | 'article-arabic' | 'article-tiao' | 'article-paren' | 'item';
export type HeadingPatterns = Record<HeadingKind, RegExp>;

const cache = new WeakMap<object, HeadingPatterns>();

/** The structure pack's heading patterns with `{numeral}` filled in, compiled once per pack. */
export function headingPatterns(rules: Rules): HeadingPatterns {
  const s = rules.structure;
  return memo(cache, s, () => {
    const fill = (src: string) => new RegExp(src.replace(/\{numeral\}/g, s.numeral), 'u');
    return Object.fromEntries(Object.entries(s.headings).map(([k, v]) => [k, fill(v)])) as HeadingPatterns;
  });
}
