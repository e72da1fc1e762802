import type { Context } from '../core/context.js';
import { parseAnyNumber } from '../core/cn-number.js';
import type { Span } from '../core/span.js';
import type { NamedNumber } from '../schema/document.js';
import { escapeRegex, pattern, type Rules } from '../packs/index.js';
import { reFor } from './cues.js';
import { memo } from '../core/memo.js';
import { matchesOf } from '../core/matches.js';

const openMarks = new WeakMap<object, RegExp>();

export interface NamedNorm { norm: Span; source: NamedNumber['source'] }

/** Numbers written inside a named phrase: 一府一委两院 → [1, 1, 2]. */
export function numbersIn(rules: Rules, s: string): number[] {
  const out: number[] = [];
  for (const m of matchesOf(pattern(rules, 'named-numbers/number-in-name'), s)) {
    const v = parseAnyNumber(m[0]);
    if (v !== null) out.push(v);
  }
  if (pattern(rules, 'named-numbers/dual').test(s) && !out.length) out.push(2);
  return out;
}

/**
 * Slogans and named concepts with numbers: the lexicon, short quoted phrases holding a numeral, and the
 * pack's patterns. Overlaps resolve to the longest phrase.
 */
export function findNamedNumbers(ctx: Context): NamedNorm[] {
  const r = ctx.rules.named;
  const cands: NamedNorm[] = [];
  if (r.slogans.length) {
    for (const m of ctx.norm.matchAll(reFor(r.slogans))) cands.push({ norm: [m.index!, m.index! + m[0].length], source: 'lexicon' });
  }
  const opens = r.quoted.open;
  const closes = r.quoted.close;
  // the opening marks found by a regex, not by a one-character string per position of the text
  const openRe = memo(openMarks, r.quoted, () => new RegExp(`[${[...opens].map((c) => escapeRegex(c)).join('')}]`, 'gu'));
  openRe.lastIndex = 0;
  for (let mo = openRe.exec(ctx.norm); mo; mo = openRe.exec(ctx.norm)) {
    const i = mo.index;
    const oi = opens.indexOf(mo[0]);
    const close = closes[oi]!;
    // a slogan is short: look for the closing mark only within reach, so unmatched quotes cost nothing
    const near = ctx.norm.slice(i + 1, i + 42).indexOf(close);
    const end = near < 0 ? -1 : i + 1 + near;
    if (end < 0) continue;
    const inner = ctx.norm.slice(i + 1, end);
    if (/[\n。]/.test(inner)) continue;
    let off = i + 1;
    for (const item of inner.split('、')) {
      const t = item.trim();
      const lead = item.length - item.trimStart().length;
      if (t && t.length <= r.quoted['item-max-length'] && r.numeral.test(t) && !r.notIf.test(t)) {
        cands.push({ norm: [off + lead, off + lead + t.length], source: 'quoted' });
      }
      off += item.length + 1;
    }
    openRe.lastIndex = end + 1;
  }
  for (const { re, requires } of r.patterns) {
    if (requires && !ctx.norm.includes(requires)) continue;
    for (const m of ctx.norm.matchAll(re)) cands.push({ norm: [m.index!, m.index! + m[0].length], source: 'pattern' });
  }
  cands.sort((a, b) => a.norm[0] - b.norm[0] || (b.norm[1] - b.norm[0]) - (a.norm[1] - a.norm[0]));
  const out: NamedNorm[] = [];
  for (const c of cands) {
    const last = out[out.length - 1];
    if (last && c.norm[0] < last.norm[1]) {
      if (c.norm[1] - c.norm[0] > last.norm[1] - last.norm[0]) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}

export function toNamedNumbers(ctx: Context, found: NamedNorm[]): NamedNumber[] {
  return found.map((f) => {
    const span = ctx.map.toSource(f.norm);
    return { text: ctx.text.slice(span[0], span[1]), span, numbers: numbersIn(ctx.rules, ctx.norm.slice(f.norm[0], f.norm[1])), source: f.source };
  });
}
