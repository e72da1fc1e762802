import type { Context } from '../core/context.js';
import { pattern } from '../packs/index.js';
import { isCnNumeral, parseAnyNumber } from '../core/cn-number.js';
import type { Span } from '../core/span.js';
import type { Comparator } from '../schema/document.js';
import { isApproximate, type Candidate } from './quantity-filters.js';
import type { QuantityNorm } from './quantity.js';
import { memo } from '../core/memo.js';

// six decimals for shares and small values; past a billion, 15 significant digits (5123.6亿 is 512360000000,
// not the 512360000000.00006 that binary floating point gives)
const round = (v: number) => (Math.abs(v) >= 1e9 ? Number(v.toPrecision(15)) : Math.round(v * 1e6) / 1e6);

const prefixCache = new WeakMap<object, { word: string; cmp: string; reach: number }[]>();
const inclusiveCache = new WeakMap<object, RegExp>();

/**
 * The comparator word before a number, allowing a short verb phrase in between for 至少/最多, and before a
 * share (`share`) the whole it is a share of (不少于全体代表的三分之一).
 */
export function prefixComparator(ctx: Context, at: number, share = false): { cmp: Comparator; start: number; word: string } | null {
  const q = ctx.rules.quantity;
  const words = memo(prefixCache, q, () => [...q.comparators.prefix].sort((a, b) => b.word.length - a.word.length));
  const windowStart = Math.max(0, at - 16);
  const before = ctx.norm.slice(windowStart, at);
  let best: { cmp: Comparator; start: number; gap: number; word: string } | null = null;
  for (const p of words) {
    const i = before.lastIndexOf(p.word);
    if (i < 0) continue;
    const gapText = before.slice(i + p.word.length);
    // a comparator governs a number across a short verb phrase (至少进站(点)1次) but not across a clause break
    const ofWhole = share && gapText.length > 0 && pattern(ctx.rules, 'quantity/share-whole').test(gapText);
    if ((gapText.length > p.reach && !ofWhole) || pattern(ctx.rules, 'quantity/gap-break').test(gapText)) continue;
    // 不得超过代表总数的二分之一: a word found inside a longer one (超过 of 不得超过) reads as the longer one, whose
    // own reach is shorter (不超过 is lte, never gt)
    const end = i + p.word.length;
    const whole = words.find((w) => w.word.length > p.word.length && before.endsWith(w.word, end)) ?? p;
    // a longer word ending at the same place wins (不得超过 over 超过 over 超)
    if (!best || gapText.length < best.gap) best = { cmp: whole.cmp as Comparator, start: windowStart + end - whole.word.length, gap: gapText.length, word: whole.word };
  }
  return best ? { cmp: best.cmp, start: best.start, word: best.word } : null;
}

export function suffixCmp(ctx: Context, word: string | undefined): Comparator | null {
  if (!word) return null;
  return (ctx.rules.quantity.comparators.suffix.find((c) => c.word === word)?.cmp ?? null) as Comparator | null;
}

/** 内 / 以前 … right after a time unit: a time limit or a lead time, and the characters it covers. */
function timeSuffix(ctx: Context, at: number): { cmp: Comparator; length: number } | null {
  for (const t of ctx.rules.quantity.comparators['time-suffix']) {
    if (ctx.norm.startsWith(t.word, at)) return { cmp: t.cmp as Comparator, length: t.word.length };
  }
  return null;
}

/** The comparator of a quantity and the word that set it: its suffix, else its prefix; a strict prefix beats a redundant 以上. */
function comparatorOf(ctx: Context, start: number, suffix: { cmp: Comparator; word: string } | null, share = false): { cmp: Comparator; word: string | null } {
  const pc = prefixComparator(ctx, start, share);
  const strict = ctx.rules.quantity.comparators['strict-over-suffix'] as string[];
  if (pc && strict.includes(pc.cmp)) return pc;
  // a rules-only word (达到) leaves the number plain here; the frame makes it a floor when the clause is a rule
  if (!suffix && pc && ctx.rules.quantity.comparators.prefix.find((p) => p.word === pc.word)?.['rules-only']) return { cmp: 'eq', word: pc.word };
  return suffix ?? pc ?? { cmp: 'eq', word: null };
}
const sfx = (ctx: Context, word: string | undefined) => {
  const cmp = suffixCmp(ctx, word);
  return cmp ? { cmp, word: word! } : null;
};

function canonical(ctx: Context, unit: string, dimension: string, value: number | null, min: number | null, max: number | null): QuantityNorm['canonical'] {
  const u = ctx.rules.quantity.units.get(unit);
  if (dimension === 'share') return { value, min, max, unit: 'share' };
  if (!u) return null;
  const f = (v: number | null) => (v === null ? null : round(v * u.factor));
  return { value: f(value), min: f(min), max: f(max), unit: u.base };
}

function share(ctx: Context, s: Span, ruleId: string, value: number, suffix: { cmp: Comparator; word: string } | null, unit: string, approx = false): QuantityNorm {
  const dimension = unit === '' ? 'share' : 'percent';
  const found = comparatorOf(ctx, s[0], suffix, true);
  return {
    norm: s, value, min: null, max: null, unit, comparator: found.cmp, cmpWord: found.word, approx, redacted: false, ruleId, numberAt: s[0],
    dimension, canonical: dimension === 'share' ? { value, min: null, max: null, unit: 'share' } : { value, min: null, max: null, unit: 'percent' },
  };
}

const fractionOf = (den: string, numr: string): number | null => {
  const d = parseAnyNumber(den);
  const n = parseAnyNumber(numr);
  return d === null || n === null || d === 0 ? null : Math.round((n / d) * 1e4) / 1e4;
};

/** 十分之一至五分之一, 百分之十至百分之三十: both ends inclusive, as a range of two numbers is. */
function shareRange(one: QuantityNorm, min: number, max: number, sep: string): QuantityNorm {
  return { ...one, value: null, min, max, comparator: 'range', cmpWord: sep, canonical: { ...one.canonical!, value: null, min, max } };
}

/**
 * Value, unit, comparator and approximation of a candidate; a string (the id of the check that failed)
 * when the candidate turns out not to be a quantity after all.
 */
export function resolveCandidate(ctx: Context, c: Candidate): QuantityNorm | string {
  const gr = c.m.groups ?? {};
  const q = ctx.rules.quantity;
  const s = c.span;
  if (c.ruleId === 'quantity/fraction' || c.ruleId === 'quantity/slash-fraction') {
    const v = fractionOf(gr.den!, gr.numr!);
    // 3/2 is no share of anything: a slash between digits that is not a proper fraction is a code or a ratio
    if (v === null || (c.ruleId === 'quantity/slash-fraction' && v >= 1)) return 'R01-bad-fraction';
    if (gr.den2 === undefined && gr.times2 === undefined) return share(ctx, s, c.ruleId, v, sfx(ctx, gr.sfx), '');
    const v2 = gr.times2 !== undefined ? parseAnyNumber(gr.times2) : fractionOf(gr.den2!, gr.numr2!);
    if (v2 === null) return 'R01-bad-fraction';
    return v > v2 ? 'R03-inverted-range' : shareRange(share(ctx, s, c.ruleId, v, null, ''), v, v2, gr.sep!);
  }
  if (c.ruleId === 'quantity/percent-cn') {
    const v = parseAnyNumber(gr.p!);
    if (v === null) return 'R02-bad-number';
    if (gr.p2 === undefined) return share(ctx, s, c.ruleId, v, sfx(ctx, gr.sfx), '%');
    const v2 = parseAnyNumber(gr.p2);
    if (v2 === null) return 'R02-bad-number';
    return v > v2 ? 'R03-inverted-range' : shareRange(share(ctx, s, c.ruleId, v, null, '%'), v, v2, gr.sep!);
  }
  if (c.ruleId === 'quantity/tenths') {
    const v = parseAnyNumber(gr.t!);
    return v === null ? 'R02-bad-number' : share(ctx, s, c.ruleId, Math.round(v * 10 * 1e4) / 1e4, sfx(ctx, gr.sfx), '%', Boolean(gr.a));
  }
  // 一个半月: the unit stands after the half (月 of 个…月)
  const unitRaw = gr.unit ?? (gr.unit2 === '月' ? '个月' : gr.unit2!);
  const info = q.units.get(unitRaw);
  const unit = info?.as ?? unitRaw;
  const dimension = info?.dimension ?? 'count';
  const n1 = gr.n1!;
  const numStart = s[0] + (gr.pre?.length ?? 0);
  const red = q.redacted.marks.includes(n1);
  const mag = gr.mag ? q.magnitudes[gr.mag]! : 1;
  const cnN1 = isCnNumeral(n1);
  let value: number | null = null;
  if (!red) {
    // 七亿七千多万: the magnitude belongs to the last group of a Chinese numeral (七千万), not to the whole
    const v = cnN1 && gr.mag ? parseAnyNumber(n1 + gr.mag) : parseAnyNumber(n1) ?? q['numeral-words'][n1] ?? null;
    if (v === null) return 'R02-bad-number';
    value = cnN1 && gr.mag ? v : round(v * mag);
    // 三天半, 一个半月: and a half
    if (gr.half || gr.half2) value += 0.5;
  }
  const approx = isApproximate(gr);
  let end = s[1];
  let suffix = sfx(ctx, gr.sfx);
  if (!gr.sfx && dimension === 'time') {
    const t = timeSuffix(ctx, end);
    if (t) { suffix = { cmp: t.cmp, word: ctx.norm.slice(end, end + t.length) }; end += t.length; }
    else {
      // 会议召开前一日: the lead-time word stands before the number, after the event; its comparator is the
      // same word's after a time unit (七日前)
      const before = ctx.norm.slice(Math.max(0, numStart - 8), numStart);
      const lead = pattern(ctx.rules, 'quantity/lead-time-before').test(before) ? q.comparators['time-suffix'].find((w) => before.endsWith(w.word)) : undefined;
      if (lead) suffix = { cmp: lead.cmp as Comparator, word: lead.word };
    }
  }
  const found = comparatorOf(ctx, numStart, suffix);
  let comparator = found.cmp;
  let cmpWord = found.word;
  let min: number | null = null;
  let max: number | null = null;
  // the general rule names the numeral's script; a rule of its own (quantity/half) keeps its id
  let ruleId = red ? 'quantity/redacted' : c.ruleId !== 'quantity/number-unit' ? c.ruleId : cnN1 ? 'quantity/cn-numeral' : 'quantity/arabic';
  const second = gr.n2 ?? gr.n3;
  if (second) {
    const v2 = q.redacted.marks.includes(second) ? null : parseAnyNumber(second);
    if (v2 === null && !red) return 'R02-bad-number';
    min = value;
    max = v2 === null ? null : isCnNumeral(second) && gr.mag ? parseAnyNumber(second + gr.mag) : round(v2 * mag);
    value = null;
    comparator = 'range';
    cmpWord = gr.sep ?? null;
    ruleId = 'quantity/range';
    if (min !== null && max !== null && min > max) return 'R03-inverted-range';
  }
  // the indefinite 一 (一份答卷, 一批项目) is not a count unless a comparator or a rule word makes it one
  const one = q['indefinite-one'];
  if (n1 === '一' && !second && comparator === 'eq' && !approx && !gr.half && !gr.half2 && !one['keep-units'].includes(unit) &&
    !(one['keep-dimensions'].includes(dimension) && (end > s[1] || one['keep-time-after'].some((w) => ctx.norm.endsWith(w, numStart))))) return 'R04-indefinite-one';
  const bracket = inclusiveRe(ctx).exec(ctx.norm.slice(end, end + 12));
  // "三次以上(含三次)": the bracket belongs to this quantity, its number is not another one; "(不含三次)" makes
  // the limit strict (以上 → more than), and after a strict one (超过三次(不含三次)) only confirms it
  if (bracket && (comparator === 'gte' || comparator === 'lte' || (bracket.groups?.ex !== undefined && (comparator === 'gt' || comparator === 'lt')))) {
    end += bracket[0].length;
    if (bracket.groups?.ex !== undefined) comparator = comparator === 'gte' ? 'gt' : comparator === 'lte' ? 'lt' : comparator;
  }
  return {
    norm: [s[0], end], value, min, max, unit, comparator, cmpWord, approx, redacted: red, ruleId, numberAt: numStart,
    dimension, canonical: red ? null : canonical(ctx, unitRaw, dimension, value, min, max),
  };
}

function inclusiveRe(ctx: Context): RegExp {
  const q = ctx.rules.quantity;
  return memo(inclusiveCache, q, () => new RegExp(`^(?:${q.comparators.inclusive.join('|')}|(?<ex>${q.comparators.exclusive.join('|')}))`, 'u'));
}
