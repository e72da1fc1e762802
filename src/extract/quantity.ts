import type { Context } from '../core/context.js';
import { parseAnyNumber, CN_NUMERAL_CHARS } from '../core/cn-number.js';
import { indexOverlapping, mergeSpans, overlaps, type Span } from '../core/span.js';
import type { Comparator } from '../schema/document.js';
import { grammarFor } from './quantity-grammar.js';

/** A quantity found in the normalised view, before it is bound to a clause. */
export interface QuantityNorm {
  norm: Span;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  comparator: Comparator;
  approx: boolean;
  redacted: boolean;
  ruleId: string;
  /** where the number itself starts (after a prefix comparator) */
  numberAt: number;
}

const CN = new RegExp(`^[${CN_NUMERAL_CHARS}]+$`, 'u');
// a comparator governs a number across a short verb phrase (至少进站(点)1次) but not across a clause break
const GAP_BREAK = /[，,。；;：:！？!?、\n]/u;

function isRedacted(ctx: Context, s: string): boolean {
  return ctx.rules.quantity.redacted.marks.includes(s);
}

/** Spans in which no number is a quantity: idioms, session ordinals, book titles. */
function blockedSpans(ctx: Context): Span[] {
  const q = ctx.rules.quantity;
  const out: Span[] = [];
  for (const re of [q.idiomPattern, q.sessionOrdinal]) {
    re.lastIndex = 0;
    for (const m of ctx.norm.matchAll(re)) out.push([m.index!, m.index! + m[0].length]);
  }
  return out;
}

/** The comparator word before a number, allowing a short verb phrase in between for 至少/最多. */
function prefixComparator(ctx: Context, at: number): { cmp: Comparator; start: number } | null {
  const g = grammarFor(ctx.rules);
  const windowStart = Math.max(0, at - 14);
  const before = ctx.norm.slice(windowStart, at);
  let best: { cmp: Comparator; start: number; gap: number } | null = null;
  for (const p of g.prefixCmp) {
    const i = before.lastIndexOf(p.word);
    if (i < 0) continue;
    const gapText = before.slice(i + p.word.length);
    if (gapText.length > p.reach || GAP_BREAK.test(gapText) || /\d/.test(gapText)) continue;
    if (!best || gapText.length < best.gap) best = { cmp: p.cmp as Comparator, start: windowStart + i, gap: gapText.length };
  }
  return best ? { cmp: best.cmp, start: best.start } : null;
}

function suffixCmp(ctx: Context, word: string | undefined): Comparator | null {
  if (!word) return null;
  return (ctx.rules.quantity.comparators.suffix.find((c) => c.word === word)?.cmp ?? null) as Comparator | null;
}

/**
 * Every quantity mention in the normalised text outside the `exclude` spans (boilerplate, named numbers):
 * numbers with units, ranges, fractions and percentages, with ordinals, dates, idioms and place names
 * filtered out. Finder and resolver in one pass, each result carries the id of the rule that made it.
 */
export function findQuantities(ctx: Context, exclude: Span[]): QuantityNorm[] {
  const g = grammarFor(ctx.rules);
  const q = ctx.rules.quantity;
  const norm = ctx.norm;
  const blocked = mergeSpans([...blockedSpans(ctx), ...exclude]);
  const hits = (s: Span) => indexOverlapping(blocked, s, (x) => x) >= 0;
  // 《…》 titles (up to 60 characters): numbers inside name a law or document, they do not count
  const titles: Span[] = [];
  for (const m of norm.matchAll(/《[^《》\n]{0,58}》/gu)) titles.push([m.index!, m.index! + m[0].length]);
  const inBookTitle = (at: number) => indexOverlapping(titles, [at, at + 1], (x) => x) >= 0;
  const out: QuantityNorm[] = [];
  const taken: Span[] = [];

  g.fraction.lastIndex = 0;
  for (const m of norm.matchAll(g.fraction)) {
    const gr = m.groups!;
    if (gr.den === '百') continue; // 百分之 is a percentage
    const den = parseAnyNumber(gr.den!);
    const numr = parseAnyNumber(gr.numr!);
    const s: Span = [m.index!, m.index! + m[0].length];
    if (den === null || numr === null || den === 0 || hits(s)) continue;
    const pc = prefixComparator(ctx, s[0]);
    const cmp = suffixCmp(ctx, gr.sfx) ?? pc?.cmp ?? 'eq';
    out.push({ norm: s, value: Math.round((numr / den) * 1e4) / 1e4, min: null, max: null, unit: '', comparator: cmp, approx: false, redacted: false, ruleId: 'quantity/fraction', numberAt: s[0] });
    taken.push(s);
  }
  g.percentCn.lastIndex = 0;
  for (const m of norm.matchAll(g.percentCn)) {
    const v = parseAnyNumber(m.groups!.p!);
    const s: Span = [m.index!, m.index! + m[0].length];
    if (v === null || hits(s)) continue;
    const pc = prefixComparator(ctx, s[0]);
    out.push({ norm: s, value: v, min: null, max: null, unit: '%', comparator: suffixCmp(ctx, m.groups!.sfx) ?? pc?.cmp ?? 'eq', approx: false, redacted: false, ruleId: 'quantity/percent-cn', numberAt: s[0] });
    taken.push(s);
  }

  g.tenths.lastIndex = 0;
  for (const m of norm.matchAll(g.tenths)) {
    const v = parseAnyNumber(m.groups!.t!);
    const s: Span = [m.index!, m.index! + m[0].length];
    if (v === null || hits(s) || taken.some((t) => overlaps(t, s))) continue;
    const pc = prefixComparator(ctx, s[0]);
    out.push({ norm: s, value: Math.round(v * 10 * 1e4) / 1e4, min: null, max: null, unit: '%', comparator: suffixCmp(ctx, m.groups!.sfx) ?? pc?.cmp ?? 'eq', approx: Boolean(m.groups!.a), redacted: false, ruleId: 'quantity/tenths', numberAt: s[0] });
    taken.push(s);
  }

  for (const fw of q['fraction-words']) {
    for (let at = norm.indexOf(fw.word); at >= 0; at = norm.indexOf(fw.word, at + 1)) {
      const s: Span = [at, at + fw.word.length];
      if (hits(s) || taken.some((t) => overlaps(t, s))) continue;
      out.push({ norm: s, value: fw.value, min: null, max: null, unit: '', comparator: fw.cmp as Comparator, approx: false, redacted: false, ruleId: 'quantity/fraction-word', numberAt: at });
      taken.push(s);
    }
  }

  g.main.lastIndex = 0;
  for (let m = g.main.exec(norm); m; m = g.main.exec(norm)) {
    const gr = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    const numStart = start + (gr.pre?.length ?? 0);
    const unitRaw = gr.unit!;
    const unit = q.units.get(unitRaw) ?? unitRaw;
    const n1 = gr.n1!;
    const s: Span = [start, end];
    const before = norm.slice(Math.max(0, numStart - 4), numStart);
    const unitAt = m[0].lastIndexOf(unitRaw) + start;
    const following = norm.slice(unitAt, unitAt + 8);
    const cnN1 = CN.test(n1);
    if (hits(s) || taken.some((t) => overlaps(t, s))) { g.main.lastIndex = start + 1; continue; }
    // ordinals and names: 第十六届, 二次会议, 十二次党代会, 100周年
    if (/第$/.test(before) || q['not-quantity']['preceded-by'].some((w) => before.endsWith(w))) continue;
    if (before.endsWith('每') && q['not-quantity']['every-time-units'].includes(unitRaw)) continue;
    if (q['not-quantity']['followed-by'].some((w) => following.startsWith(w) || norm.startsWith(w, unitAt + unitRaw.length))) continue;
    if (q['not-quantity']['word-suffix'].some((w) => norm.startsWith(w, unitAt + unitRaw.length))) continue;
    // dates: a four-digit year, or a month/day
    const isYear = unit === '年' && /^\d{4}$|^[〇零一二三四五六七八九]{4}$/.test(n1);
    if (isYear) continue;
    // a place name: 九台区, 三里村
    if (cnN1 && unitRaw.length === 1 && !['个', '名', '家', '所', '座', '处', '项', '件', '次', '户', '人', '位'].includes(unitRaw) &&
      q['not-quantity']['place-suffix'].some((w) => norm.startsWith(w, unitAt + 1))) continue;
    // reduplication: 一项项, 一个个 — "one after another", not a count
    if (n1 === '一' && norm[unitAt + unitRaw.length] === unitRaw) continue;
    if (inBookTitle(numStart)) continue;
    // 大写 numerals alone are ordinary characters (队伍, 伍); a bare 百/千/万 is a count only as 万余, 千多
    if (/^[壹贰叁肆伍陆柒捌玖拾佰仟]$/u.test(n1)) continue;
    if (/^[百千万亿]$/u.test(n1) && !gr.a1 && !gr.a2 && !gr.pre) continue;
    // 日 counts days only as a time limit (30日内); elsewhere it is a date (5月13日, 每月1日)
    if (unitRaw === '日' && (/月$/u.test(before) || !/^(?:内|以内|之内)/u.test(norm.slice(unitAt + 1, unitAt + 3)))) continue;
    const red = isRedacted(ctx, n1);
    if (red && /[A-Za-z0-9]/.test(norm[numStart - 1] ?? '')) continue;
    let value: number | null = red ? null : parseAnyNumber(n1);
    if (!red && value === null) continue;
    const mag = gr.mag ? q.magnitudes[gr.mag]! : 1;
    // a Chinese numeral already includes its magnitude (四万); 万 after Arabic digits multiplies
    if (value !== null) value = Math.round(value * mag * 1e6) / 1e6;
    const approx = Boolean(gr.pre || gr.a1 || gr.a2 || gr.a3);
    let comparator: Comparator = suffixCmp(ctx, gr.sfx) ?? 'eq';
    const pc = prefixComparator(ctx, start);
    if (comparator === 'eq' && pc) comparator = pc.cmp;
    let min: number | null = null;
    let max: number | null = null;
    const second = gr.n2 ?? gr.n3;
    let ruleId = red ? 'quantity/redacted' : cnN1 ? 'quantity/cn-numeral' : 'quantity/arabic';
    if (second) {
      const v2 = isRedacted(ctx, second) ? null : parseAnyNumber(second);
      if (v2 === null && !red) continue;
      min = value;
      max = v2 === null ? null : Math.round(v2 * mag * 1e6) / 1e6;
      value = null;
      comparator = 'range';
      ruleId = 'quantity/range';
      if (min !== null && max !== null && min > max) continue;
    }
    // the indefinite 一 (一份答卷, 一批项目) is not a count unless a comparator or a rule word makes it one
    if (n1 === '一' && !second && comparator === 'eq' && !approx && !q['indefinite-one']['keep-units'].includes(unit)) continue;
    let end2 = end;
    const incl = g.inclusive.exec(norm.slice(end, end + 12));
    if (incl && (comparator === 'gte' || comparator === 'lte')) {
      // "三次以上(含三次)": the bracket belongs to this quantity, its number is not another one
      end2 = end + incl[0].length;
      g.main.lastIndex = end2;
    }
    out.push({ norm: [start, end2], value, min, max, unit, comparator, approx, redacted: red, ruleId, numberAt: numStart });
  }
  return out.sort((a, b) => a.norm[0] - b.norm[0]);
}
