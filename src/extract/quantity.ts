import type { Context } from '../core/context.js';
import { pattern } from '../packs/index.js';
import { parseAnyNumber } from '../core/cn-number.js';
import { indexOverlapping, lowerBound, mergeSpans, type Span } from '../core/span.js';
import type { Comparator } from '../schema/document.js';
import { dropReason, type Candidate } from './quantity-filters.js';
import { resolveCandidate, prefixComparator, suffixCmp } from './quantity-resolve.js';
import { memo } from '../core/memo.js';
import { Scanner } from '../core/scanner.js';

const idiomScanners = new WeakMap<object, Scanner>();
const prefixWordSets = new WeakMap<object, Set<string>>();
const longestFirst = new WeakMap<object, { word: string; value: number; cmp: string }[]>();

/** A quantity found in the normalised view, before it is bound to a clause. */
export interface QuantityNorm {
  norm: Span;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  comparator: Comparator;
  /** the word that set the comparator (以上, 内, 提前, 至迟 …), null for a plain number */
  cmpWord: string | null;
  approx: boolean;
  redacted: boolean;
  ruleId: string;
  /** where the number itself starts (after a prefix comparator) */
  numberAt: number;
  /** the unit's dimension in the units lexicon (time, people, count, money, percent, share …) */
  dimension: string;
  /** value in the unit's base unit (3 个月 → 3 month), null for redacted numbers */
  canonical: { value: number | null; min: number | null; max: number | null; unit: string } | null;
}

/** A candidate some filter refused, with the filter's id: for tests and for explaining a miss. */
export interface Dropped { norm: Span; text: string; filter: string }

/** Spans in which no number is a quantity: idioms, session ordinals, book titles. */
function blockedSpans(ctx: Context): Span[] {
  const q = ctx.rules.quantity;
  const out: Span[] = [];
  // the idioms are hundreds of literals: tried only where one can begin (half the time of a plain search)
  const idioms = memo(idiomScanners, q, () => new Scanner(q.idiomPattern));
  for (let m = idioms.execFrom(ctx.norm, 0); m; m = idioms.execFrom(ctx.norm, m.index + Math.max(1, m[0].length))) out.push([m.index, m.index + m[0].length]);
  for (const re of [q.sessionOrdinal, q.several]) {
    re.lastIndex = 0;
    for (const m of ctx.norm.matchAll(re)) out.push([m.index!, m.index! + m[0].length]);
  }
  // 《…》 titles (up to 60 characters): numbers inside name a law or document, they do not count
  for (const m of ctx.norm.matchAll(pattern(ctx.rules, 'quantity/book-title'))) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

/**
 * Every quantity mention in the normalised text outside the `exclude` spans (boilerplate, named numbers).
 * Three steps: the pack's grammar rules find candidates (in pack order, an earlier rule's match wins an
 * overlap), each candidate is resolved to value, unit and comparator, and the numbered filters of the
 * pack drop ordinals, dates, idioms, place names and the other non-quantities, each for a stated reason.
 */
export function findQuantities(ctx: Context, exclude: Span[], dropped?: Dropped[]): QuantityNorm[] {
  const q = ctx.rules.quantity;
  const norm = ctx.norm;
  const blocked = mergeSpans([...blockedSpans(ctx), ...exclude]);
  const isBlocked = (s: Span) => indexOverlapping(blocked, s, (x) => x) >= 0;
  const out: QuantityNorm[] = [];
  // spans already taken, kept sorted: a match is checked and inserted by binary search, so a text of
  // a hundred thousand quantities costs no more per quantity than a short one
  const taken: Span[] = [];
  const free = (s: Span) => !isBlocked(s) && indexOverlapping(taken, s, (x) => x) < 0;
  const keep = (c: QuantityNorm) => {
    out.push(c);
    taken.splice(lowerBound(taken, c.norm[0], (x) => x[0]), 0, c.norm);
  };

  const cap = q['max-per-document'];
  for (const rule of q.compiled) {
    // a scan that cannot match costs as much as one that does (三分之二 in a text without 分之)
    if (rule.requires !== null && !norm.includes(rule.requires)) continue;
    // `pos` is where the search goes on, as a global regex's lastIndex would be
    let pos = 0;
    for (let m = rule.scan.execFrom(norm, pos); m && out.length < cap; m = rule.scan.execFrom(norm, pos)) {
      const s: Span = [m.index, m.index + m[0].length];
      pos = s[1] > s[0] ? s[1] : s[0] + 1;
      if (!free(s)) { pos = m.index + 1; continue; }
      const cand: Candidate = { ruleId: rule.id, m, span: s };
      const why = dropReason(ctx, cand);
      if (why) {
        dropped?.push({ norm: s, text: m[0], filter: why });
        continue;
      }
      const r = resolveCandidate(ctx, cand);
      if (typeof r === 'string') { dropped?.push({ norm: s, text: m[0], filter: r }); continue; }
      keep(r);
      if (r.norm[1] > s[1]) pos = r.norm[1];
    }
  }

  // the longest word first: 超过半数 and 未超过半数 hold 过半数, whose comparator is not theirs
  const fractionWords = memo(longestFirst, q, () => [...q['fraction-words']].sort((a, b) => b.word.length - a.word.length));
  for (const fw of fractionWords) {
    for (let at = norm.indexOf(fw.word); at >= 0; at = norm.indexOf(fw.word, at + 1)) {
      const s: Span = [at, at + fw.word.length];
      if (!free(s)) continue;
      // 超过…半数 / 过半数以上: the strict word is the statute's meaning; a word with no comparator of its own
      // (半数) takes the one before it (不少于全体代表的半数)
      const pc = prefixComparator(ctx, at, true);
      const cmp = (pc && (pc.cmp === 'gt' || pc.cmp === 'lt' || fw.cmp === 'eq') ? pc.cmp : fw.cmp) as Comparator;
      keep({
        norm: s, value: fw.value, min: null, max: null, unit: '', comparator: cmp, cmpWord: fw.word, approx: false, redacted: false,
        ruleId: 'quantity/fraction-word', numberAt: at, dimension: 'share', canonical: { value: fw.value, min: null, max: null, unit: 'share' },
      });
    }
  }
  if (out.length >= cap) {
    ctx.diagnostics.push({ severity: 'warning', code: 'extract/too-many-quantities', stage: 'extract', message: `more than ${cap} quantities: the rest of the document's numbers were not read (quantity.yaml max-per-document)` });
  }
  out.sort((a, b) => a.norm[0] - b.norm[0]);
  listComparators(ctx, out);
  return out;
}

/**
 * 每人每年分别不低于三千元、二千元、一千五百元: a comparator word before a list of amounts joined by 、 governs each of
 * them (a suffix, 三千元以上、二千元, governs only its own).
 */
function listComparators(ctx: Context, qs: QuantityNorm[]): void {
  const prefix = memo(prefixWordSets, ctx.rules.quantity, () => new Set(ctx.rules.quantity.comparators.prefix.map((p) => p.word)));
  for (let i = 1; i < qs.length; i++) {
    const a = qs[i - 1]!;
    const b = qs[i]!;
    if (b.comparator !== 'eq' || b.cmpWord !== null || a.cmpWord === null || !prefix.has(a.cmpWord) || a.comparator === 'range' || a.dimension !== b.dimension) continue;
    if (ctx.norm.slice(a.norm[1], b.norm[0]) !== '、') continue;
    qs[i] = { ...b, comparator: a.comparator, cmpWord: a.cmpWord };
  }
}

export { parseAnyNumber, suffixCmp };
