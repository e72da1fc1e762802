import type { Rules } from '../packs/index.js';
import { alternation } from '../packs/index.js';
import { CN_NUMERAL_CHARS } from '../core/cn-number.js';

export interface Grammar {
  main: RegExp;
  fraction: RegExp;
  percentCn: RegExp;
  tenths: RegExp;
  prefixCmp: { word: string; cmp: string; reach: number }[];
  inclusive: RegExp;
}

const cache = new WeakMap<Rules, Grammar>();

/**
 * One pattern for a quantity, built from the quantity pack:
 *   [approx] NUMBER [range-end] [余/多] [万/亿] [余/多] UNIT [~ NUMBER UNIT] [左右] [以上/以下…]
 */
export function grammarFor(rules: Rules): Grammar {
  const hit = cache.get(rules);
  if (hit) return hit;
  const q = rules.quantity;
  // thousands may be grouped with , or 、 (1,200 / 1、200): always three digits after the mark
  const ar = String.raw`\d{1,3}(?:[,、]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
  const cn = `[${CN_NUMERAL_CHARS}]+`;
  const red = alternation(q.redacted.marks);
  const num = `(?:${ar}|${cn}|${red})`;
  const sep = alternation(q.range.separators);
  const pre = alternation(q.approx.prefix.filter((w) => w !== '余'));
  const suf1 = alternation(q.approx.suffix.filter((w) => w.length === 1));
  const suf2 = alternation(q.approx.suffix.filter((w) => w.length > 1));
  const mags = alternation(Object.keys(q.magnitudes));
  const unit = q.unitPattern;
  const sfx = alternation(q.comparators.suffix.map((c) => c.word));
  const sp = '[ \\t]*';
  const main = new RegExp(
    `(?<pre>${pre})?(?<![\\dA-Za-z.+])(?<n1>${num})` +
    `(?:${sp}(?<sep>${sep})${sp}(?<n2>${num}))?` +
    `(?<a1>${suf1})?(?<mag>${mags})?(?<a2>${suf1})?${sp}(?<unit>${unit})` +
    `(?:${sp}(?:${sep})${sp}(?<n3>${num})${sp}\\k<unit>)?` +
    `(?<a3>${suf2})?(?<sfx>${sfx})?`,
    'gu',
  );
  const fraction = new RegExp(`(?<![\\d${CN_NUMERAL_CHARS}])(?<den>${ar}|${cn})分之(?<numr>${ar}|${cn})(?<sfx>${sfx})?`, 'gu');
  const percentCn = new RegExp(`百分之(?<p>${ar}|${cn})(?<sfx>${sfx})?`, 'gu');
  // 九成以上: tenths, reported as a percentage (not 一成熟的, 三成员: 成 starting another word)
  const tenths = new RegExp(`(?<![${CN_NUMERAL_CHARS}\\d])(?<t>[一二两三四五六七八九]|\\d(?:\\.\\d)?)成(?![熟员立为果效绩本就功长都型品交分])(?<a>多|左右)?(?<sfx>${sfx})?`, 'gu');
  const g: Grammar = {
    main, fraction, percentCn, tenths,
    prefixCmp: [...q.comparators.prefix].sort((a, b) => b.word.length - a.word.length),
    inclusive: new RegExp(`^(?:${q.comparators.inclusive.join('|')})`, 'u'),
  };
  cache.set(rules, g);
  return g;
}
