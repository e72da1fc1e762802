import type { Context } from '../core/context.js';
import { pattern } from '../packs/index.js';
import { isCnNumeral } from '../core/cn-number.js';
import type { Span } from '../core/span.js';

/** A match of one of the grammar's rules, before it is resolved. */
export interface Candidate { ruleId: string; m: RegExpExecArray; span: Span }

interface Seen {
  ctx: Context;
  norm: string;
  /** the number as written, its start, the text just before it */
  n1: string; numStart: number; before: string;
  unitRaw: string; unitAt: number; afterUnit: number;
  cnN1: boolean; dimension: string;
  groups: Record<string, string | undefined>;
}

interface Filter { id: string; reason: string; drops: (s: Seen) => boolean }

/** The longest prefix comparator (不得超过, 至少 …) that `text` ends with, or null: the word right before a number. */
export function comparatorEnding(ctx: Context, text: string): string | null {
  let best: string | null = null;
  for (const p of ctx.rules.quantity.comparators.prefix) if (text.endsWith(p.word) && (!best || p.word.length > best.length)) best = p.word;
  return best;
}

/** Whether a match carries an approximation word before or after its number (约, 余, 多, 左右). */
export const isApproximate = (gr: Record<string, string | undefined>) => Boolean(gr.pre || gr.a1 || gr.a2 || gr.a3);

const CODE_CHAR = /[A-Za-z0-9]/;
const QUOTES: Record<string, string> = { '“': '”', '"': '"', '「': '」', '『': '』' };

/** The quoted phrase around a position on the same line, when it is short (a name, not a quotation). */
function quotedAround(norm: string, at: number): Span | null {
  const from = Math.max(0, at - 20);
  for (let i = at - 1; i >= from; i--) {
    // by code unit: a one-character string per position would be allocated for every CJK character
    const code = norm.charCodeAt(i);
    if (code === 10 || code === 0x3002 || code === 0x201d || code === 0x300d || code === 0x300f) return null;
    if (code !== 0x201c && code !== 0x22 && code !== 0x300c && code !== 0x300e) continue;
    const close = QUOTES[norm[i]!]!;
    const end = norm.indexOf(close, at);
    if (end < 0 || end - i > 30 || norm.slice(i, end).includes('\n')) return null;
    return [i, end + 1];
  }
  return null;
}

/**
 * The numbered filters of the number-unit rule, in order: each drops one kind of non-quantity and says
 * why. Their words are the `not-quantity` lists of extractors/quantity/quantity.yaml.
 */
const FILTERS: Filter[] = [
  { id: 'F01-ordinal', reason: 'a number after 第 (or another ordinal word) is an ordinal', drops: (s) => s.ctx.rules.quantity['not-quantity']['preceded-by'].some((w) => s.before.endsWith(w)) },
  { id: 'F02-every-period', reason: '每两个月, 每3年 say how often, the frame reads them as a period', drops: (s) => s.before.endsWith('每') && s.ctx.rules.quantity['not-quantity']['every-time-units'].includes(s.unitRaw) },
  {
    id: 'F03-name-or-date-after', reason: 'a unit followed by 周年, 届, 规划, 年来 … names an anniversary, a plan or a time frame',
    drops: (s) => {
      const nq = s.ctx.rules.quantity['not-quantity'];
      // 连续任职不得超过两届: a number of terms under a comparator is a limit, not a session's name
      if (nq['counted-when-compared'].includes(s.unitRaw) && (s.groups.sfx || comparatorEnding(s.ctx, s.before) !== null)) return false;
      return nq['followed-by'].some((w) => s.norm.startsWith(w, s.unitAt) || s.norm.startsWith(w, s.afterUnit));
    },
  },
  { id: 'F04-word-suffix', reason: '一次性, 一体化: the numeral is part of a word', drops: (s) => s.ctx.rules.quantity['not-quantity']['word-suffix'].some((w) => s.norm.startsWith(w, s.afterUnit)) },
  { id: 'F05-year', reason: 'a four-digit number before 年 is a year', drops: (s) => s.unitRaw === s.ctx.rules.quantity['not-quantity']['year-unit'] && pattern(s.ctx.rules, 'quantity/year-number').test(s.n1) },
  {
    id: 'F06-place-name', reason: '九台区, 三里村: a Chinese numeral and a one-character unit before a place suffix',
    drops: (s) => {
      const nq = s.ctx.rules.quantity['not-quantity'];
      return s.cnN1 && s.unitRaw.length === 1 && !nq['place-suffix-keep-units'].includes(s.unitRaw) && nq['place-suffix'].some((w) => s.norm.startsWith(w, s.afterUnit));
    },
  },
  { id: 'F07-reduplication', reason: '一项项, 一个个: "one after another", not a count', drops: (s) => s.n1 === '一' && s.norm.startsWith(s.unitRaw, s.afterUnit) },
  { id: 'F08-daxie-alone', reason: '伍, 队伍: a lone 大写 numeral is an ordinary character', drops: (s) => pattern(s.ctx.rules, 'quantity/daxie-alone').test(s.n1) },
  { id: 'F09-bare-magnitude', reason: 'a bare 百/千/万 is a count only as 万余, 千多', drops: (s) => pattern(s.ctx.rules, 'quantity/bare-magnitude').test(s.n1) && !s.groups.a1 && !s.groups.a2 && !s.groups.pre },
  {
    id: 'F10-day-of-month', reason: '日 after a month, or with no limit word around it, is a day of the month',
    drops: (s) => {
      const nq = s.ctx.rules.quantity['not-quantity'];
      if (s.unitRaw !== nq['day-unit']) return false;
      if (nq['day-of-month-before'].some((w) => s.before.endsWith(w))) return true;
      // 十日左右: a day of the month is never approximate
      const counted = isApproximate(s.groups) || nq['day-count-after'].some((w) => s.norm.startsWith(w, s.afterUnit)) ||
        nq['day-count-before'].some((w) => s.norm.slice(Math.max(0, s.numStart - w.length - 2), s.numStart).includes(w));
      return !counted;
    },
  },
  { id: 'F11-code', reason: 'a redaction mark glued to letters or digits is part of a code', drops: (s) => s.ctx.rules.quantity.redacted.marks.includes(s.n1) && CODE_CHAR.test(s.norm[s.numStart - 1] ?? '') },
  {
    id: 'F12-reference-period', reason: '过去五年, 近三年: the time frame of a report, not a quantity',
    drops: (s) => {
      const nq = s.ctx.rules.quantity['not-quantity'];
      return nq['reference-period-units'].includes(s.unitRaw) && !s.groups.sfx && nq['reference-period-before'].some((w) => s.before.endsWith(w)) &&
        !nq['reference-period-not-after'].some((w) => s.before.endsWith(w)) && !pattern(s.ctx.rules, 'quantity/lead-time-before').test(s.before) &&
        !pattern(s.ctx.rules, 'quantity/time-limit-after').test(s.norm.slice(s.afterUnit, s.afterUnit + 1));
    },
  },
  {
    id: 'F13-quoted-name', reason: '“15分钟品质文化生活圈”: a number inside a quoted name',
    drops: (s) => {
      const q = quotedAround(s.norm, s.numStart);
      if (!q) return false;
      const rest = s.norm.slice(s.afterUnit, q[1] - 1);
      return rest.length >= 2 && !pattern(s.ctx.rules, 'quantity/comparator-after').test(rest);
    },
  },
  {
    id: 'F14-demonstrative', reason: '这两个委员会, 上述三项: a number after a demonstrative points back at things already named',
    drops: (s) => !s.groups.sfx && s.ctx.rules.quantity['not-quantity']['demonstrative-before'].some((w) => s.before.endsWith(w)),
  },
  {
    id: 'F15-vague-magnitude', reason: '数十次, 几十人: tens of, with no number a researcher could code',
    drops: (s) => pattern(s.ctx.rules, 'quantity/vague-magnitude').test(s.n1) && pattern(s.ctx.rules, 'quantity/vague-before').test(s.before),
  },
  {
    id: 'F16-period-of-count', reason: '一年内至少开展两次, 一年内无故不参加: a span whose clause counts occasions or a breach in it is their period, not a deadline',
    drops: (s) => s.dimension === 'time' && pattern(s.ctx.rules, 'quantity/period-of-count').test(s.norm.slice(s.afterUnit, s.afterUnit + 24)),
  },
  {
    id: 'F17-at-a-time', reason: '请假一次超过三天: 一次 before a limit on each time means "at a time", not a count',
    drops: (s) => s.n1 === '一' && s.unitRaw === '次' && !s.groups.sfx && pattern(s.ctx.rules, 'quantity/once-before-limit').test(s.norm.slice(s.afterUnit, s.afterUnit + 8)),
  },
  {
    id: 'F18-score-context', reason: '十分重要, 3时30分: 分 that goes on as no score does, or follows an hour, counts no points',
    drops: (s) => {
      const nq = s.ctx.rules.quantity['not-quantity'];
      if (s.unitRaw !== nq['score-unit']) return false;
      const ends = s.afterUnit >= s.norm.length || nq['score-unit-next'].some((w) => s.norm.startsWith(w, s.afterUnit));
      return !ends || nq['score-unit-not-after'].some((w) => s.before.endsWith(w));
    },
  },
  {
    id: 'F19-bare-period', reason: '一年两次, 半年召开一次: a span right before the count it spaces out says how often, as 每 does',
    drops: (s) => s.dimension === 'time' && !s.groups.sfx && s.ctx.rules.quantity['not-quantity']['every-time-units'].includes(s.unitRaw) &&
      !s.before.endsWith('第') && spacesOutCount(s.ctx, s.afterUnit),
  },
];

/** Whether the count of times a span before it spaces out follows at `at` (一年|两次, 半年|召开一次). */
function spacesOutCount(ctx: Context, at: number): boolean {
  return pattern(ctx.rules, 'quantity/bare-period-next').test(ctx.norm.slice(at, at + 12));
}

/** The id of the first filter that refuses a candidate, or null when it is a quantity. */
export function dropReason(ctx: Context, c: Candidate): string | null {
  const gr = c.m.groups ?? {};
  if (c.ruleId === 'quantity/fraction') return gr.den === '百' ? 'F00-percent' : null;
  // (党组半年召开一次: a half period before a count, as 一年两次)
  if (c.ruleId === 'quantity/half') return spacesOutCount(ctx, c.span[1]) ? 'F19-bare-period' : null;
  if (c.ruleId !== 'quantity/number-unit' && c.ruleId !== 'quantity/and-a-half') return null;
  const norm = ctx.norm;
  const numStart = c.span[0] + (gr.pre?.length ?? 0);
  // 一个半月: the unit as written stands after the half; 三天半: the half after the unit
  const unitRaw = gr.unit ?? gr.unit2!;
  const unitAt = c.m[0].lastIndexOf(unitRaw) + c.span[0];
  const s: Seen = {
    ctx, norm, n1: gr.n1!, numStart, before: norm.slice(Math.max(0, numStart - 4), numStart),
    unitRaw, unitAt, afterUnit: unitAt + unitRaw.length + (gr.half ? 1 : 0), cnN1: isCnNumeral(gr.n1!),
    dimension: ctx.rules.quantity.units.get(unitRaw)?.dimension ?? 'count', groups: gr,
  };
  for (const f of FILTERS) if (f.drops(s)) return f.id;
  return null;
}

/** The filters with their reasons, for documentation and `zhidu explain`-style listings. */
export const QUANTITY_FILTERS: readonly { id: string; reason: string }[] = FILTERS.map(({ id, reason }) => ({ id, reason }));
