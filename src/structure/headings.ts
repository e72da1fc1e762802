import type { Rules } from '../packs/index.js';

export type HeadingKind = 'section' | 'chapter' | 'part' | 'article-arabic' | 'article-tiao' | 'article-paren' | 'item';
export type HeadingPatterns = Record<HeadingKind, RegExp>;

const cache = new WeakMap<object, HeadingPatterns>();

/** The structure pack's heading patterns with `{numeral}` filled in, compiled once per pack. */
export function headingPatterns(rules: Rules): HeadingPatterns {
  const s = rules.structure;
  let p = cache.get(s);
  if (!p) {
    const fill = (src: string) => new RegExp(src.replace(/\{numeral\}/g, s.numeral), 'u');
    p = Object.fromEntries(Object.entries(s.headings).map(([k, v]) => [k, fill(v)])) as HeadingPatterns;
    cache.set(s, p);
  }
  return p;
}
