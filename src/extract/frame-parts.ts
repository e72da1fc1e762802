import type { Context } from '../core/context.js';
import { CN_NUMERAL_CHARS } from '../core/cn-number.js';
import { memo } from '../core/memo.js';
import { lowerBound, type Span } from '../core/span.js';
import { alternation, escapeRegex, literalRe, pattern } from '../packs/index.js';
import type { Slice } from '../schema/document.js';
import type { SentenceVerbs } from '../segment/sentence-verbs.js';
import { headingPatterns } from '../structure/headings.js';
import { matchesOf } from '../core/matches.js';
import { modalAfter, withinWord } from './cues.js';
import { comparatorEnding } from './quantity-filters.js';

/** A normalised span as a slice of the source: `text === source.slice(...span)`. */
export function sliceOf(ctx: Context, norm: Span): Slice | null {
  let [a, b] = norm;
  while (a < b && /\s/u.test(ctx.norm[a]!)) a++;
  const trim = pattern(ctx.rules, 'obligation/slice-trim-end');
  while (b > a && trim.test(ctx.norm[b - 1]!)) b--;
  if (b <= a) return null;
  const span = ctx.map.toSource([a, b]);
  return { text: ctx.text.slice(span[0], span[1]), span };
}

interface PartPatterns { stops: RegExp; heads: RegExp; leads: string[]; openers: string[]; conditions: RegExp; sanctions: RegExp; hedges: RegExp; charging: RegExp }
const cache = new WeakMap<object, PartPatterns>();
// numerals that end a subject (十人以上联名); the rarer 大写 forms double as ordinary characters (队伍)
const DIGITS = new Set([...`0123456789${CN_NUMERAL_CHARS.slice(0, 16)}`].map((c) => c.charCodeAt(0)));

function patterns(ctx: Context): PartPatterns {
  const o = ctx.rules.obligation;
  return memo(cache, o, () => ({
    // a time phrase (年度内, 定期) ends a subject as a stop word does
    stops: literalRe([...o['subject-stops'], ...o.frequency.map((f) => f.word)]),
    // (候选人数 is 候选 + 人数: a head whose last character opens one of `head-overlaps` is no head; 代表人数 is a
    // count of deputies, no deputy: nor is a head before one of `head-not-before`)
    heads: new RegExp(`(?:${alternation(o['actor-heads'])})${o['head-overlaps'].map((w) => `(?!(?<=${escapeRegex(w[0]!)})${escapeRegex(w.slice(1))})`).join('')}${o['head-not-before'].length ? `(?!${alternation(o['head-not-before'])})` : ''}`, 'gu'),
    // words before a subject that are not part of it (各, 有关 …), in the pack's order
    leads: [...o['indefinite-articles'], ...o['subject-lead-words']],
    openers: [...o['adverbial-openers']].sort((a, b) => b.length - a.length),
    conditions: literalRe(o.conditions),
    sanctions: literalRe(o.sanctions),
    hedges: literalRe(o.hedges),
    charging: literalRe(o['charging-verbs']),
  }));
}

// a frame asks for the same sentence's label many times (its rules, their bearers, conditions, periods)
const labelEnds = new WeakMap<Context, Map<number, number>>();

/** Where the text of a sentence starts after its article or item label (第十条 , （一）, 1.). */
export function afterLabel(ctx: Context, sent: Span): number {
  let known = labelEnds.get(ctx);
  if (!known) labelEnds.set(ctx, (known = new Map()));
  // (the label is read from at most 40 characters, so the sentence's start and that length decide it)
  const key = sent[0] * 64 + Math.min(sent[1] - sent[0], 40);
  let at = known.get(key);
  if (at === undefined) known.set(key, (at = labelEnd(ctx, sent)));
  return at;
}

function labelEnd(ctx: Context, sent: Span): number {
  const text = ctx.norm.slice(sent[0], Math.min(sent[1], sent[0] + 40));
  const pat = headingPatterns(ctx.rules);
  for (const re of [pat['article-tiao'], pat.item, pat['article-arabic'], pat.section]) {
    const m = re.exec(text);
    if (m?.groups) {
      const g = m.groups;
      const at = g.rest !== undefined ? m[0].length - g.rest.length : g.label ? text.indexOf(g.label, g.lead!.length) + g.label.length : 0;
      if (at > 0) { let k = at; while (k < text.length && /\s/u.test(text[k]!)) k++; return sent[0] + k; }
    }
  }
  return sent[0];
}

/**
 * Verb starts, or how to get them: a subject made of actor heads up to its stop word (常委会组成人员每年…) needs
 * no segmentation, and most windows a frame reads are such, so jieba runs only for the others.
 */
export type LazyVerbs = readonly number[] | (() => readonly number[]);
const verbsOf = (v: LazyVerbs): readonly number[] => (typeof v === 'function' ? v() : v);

/**
 * The subject at the start of a stretch of text: the words before the first subject stop (a modal, a
 * preposition, a number, 联名 …), cut back to the last actor head (代表, 主席团, 机关 …). 由X负责 gives X.
 */
function subjectAt(ctx: Context, from: number, to: number, lazyVerbs: LazyVerbs): Span | null {
  const p = patterns(ctx);
  const o = ctx.rules.obligation;
  let start = from;
  if (ctx.norm.startsWith(o['agent-marker'], start)) start += o['agent-marker'].length;
  // 建议市政府每年安排…: the one a recommendation or request names acts (建议人 is itself a head)
  const asks = o['request-leads'].find((w) => ctx.norm.startsWith(w, start));
  // (请市人民政府…研究处理, but not 请假: a lead inside a longer word leads nothing)
  if (asks && !longestHeadAt(ctx, ctx.norm, start) && !withinWord(ctx.norm, start, asks, o['not-stops'])) start += asks.length;
  const article = p.leads.find((w) => ctx.norm.startsWith(w, start));
  if (article) start += article.length;
  // 或者由市人民代表大会代表十人以上联名: the agent marker may follow a conjunction
  if (article && ctx.norm.startsWith(o['agent-marker'], start)) start += o['agent-marker'].length;
  // 在常务委员会举行会议的十日前, 将主任会议…: a preposition opens an adverbial, not a subject
  if (o['subject-rejects'].some((w) => ctx.norm.startsWith(w, start) && !withinWord(ctx.norm, start, w, o['not-stops']))) return null;
  const text = toClauseBreak(ctx, ctx.norm.slice(start, Math.min(to, start + 48)));
  const share = start + text.length === to ? pattern(ctx.rules, 'obligation/share-of-body').exec(text) : null;
  const body = share?.groups?.body;
  if (share && body) {
    const at = share.index + share[0].indexOf(body);
    return [start + at, start + at + body.length];
  }
  if (share?.groups?.district) {
    // (the share's own words run up to the 的 that links it to the voters, within its clause)
    const de = toClauseBreak(ctx, ctx.norm.slice(to, to + 10)).indexOf(o['relative-marker']);
    return de >= 0 ? headAfterNumber(ctx, to + de) : null;
  }
  // 可以列席会议: a window that opens with a modal word holds a predicate, not a subject
  // (应询单位, 应急管理部门: a modal's character that opens a longer word opens no predicate)
  if (o.modals.some((m) => ctx.norm.startsWith(m.word, start) && !withinWord(ctx.norm, start, m.word, o['not-stops']))) return null;
  // an office named by what it does (信访工作机构, 听证机构, 被审计单位, 规范性文件制定机关) runs up to the modal or
  // other stop word: the verb inside is part of its name, not the predicate. Only the heads that such names
  // end with count (机构, 机关, 单位 …), not people or bodies a verb takes as its object (保证代表, 设主席)
  const stops = stopsOf(ctx, text);
  const untilStop = stops.at;
  const named = text.slice(0, untilStop);
  if (untilStop < text.length && named.length >= 3 && o['office-heads'].some((h) => named.endsWith(h)) &&
    !stops.opens && !pattern(ctx.rules, 'obligation/not-in-office-name').test(named)) return [start, start + named.length];
  // the first verb ends the subject (代表 | 参加选民接待日活动; 走访代表 has none), unless it is part of a
  // head noun (有关国家机关和组织, 承办单位)
  const heads: Span[] = [];
  p.heads.lastIndex = 0;
  for (let m = p.heads.exec(text); m; m = p.heads.exec(text)) { heads.push([m.index, m.index + m[0].length]); p.heads.lastIndex = m.index + 1; }
  let stop = text.length;
  // (a verb inside the heads that cover the window up to its stop word ends nothing: no need to find them)
  const verbs = untilStop === 0 || coveredByHeads(ctx, text, heads, untilStop) ? [] : verbsOf(lazyVerbs);
  for (let v = firstAfter(verbs, start); v >= 0 && v < verbs.length && verbs[v]! < start + text.length; v++) {
    const at = verbs[v]! - start;
    // (组织代表开展活动: a head that is a verb when another head follows it right away)
    if (heads.some((h) => h[0] <= at && at < h[1] && !(o['verb-heads'].includes(text.slice(h[0], h[1])) && heads.some((n) => n[0] === h[1])))) continue;
    // 信访部门收到…后, 听证机构: a two-character verb that opens the window glued to an office head names the office
    if (at === 0 && !stops.opens && heads.some((h) => h[0] === 2 && o['office-heads'].includes(text.slice(h[0], h[1])))) continue;
    stop = at;
    break;
  }
  // …and so do a stop word and a numeral (stopsOf, read above)
  stop = Math.min(stop, untilStop);
  // the subject ends with its head noun: 代表建议的办理期限 names a thing, not who acts
  // …办公厅、市人民政府办公厅等应当: a list closed by 等 ends with its last head
  let cand = trimTrailing(ctx, text.slice(0, stop)).replace(pattern(ctx.rules, 'obligation/list-etc'), '');
  let headEnd = -1;
  const ends = new Set<number>();
  p.heads.lastIndex = 0;
  for (let m = p.heads.exec(cand); m; m = p.heads.exec(cand)) {
    // 由常委会人事代表工作委员会组织，: a verb head right after another head, closing the window, is the predicate
    if (m.index + m[0].length === cand.length && ends.has(m.index) && o['verb-heads'].includes(m[0])) {
      cand = cand.slice(0, m.index);
      break;
    }
    headEnd = Math.max(headEnd, m.index + m[0].length);
    ends.add(m.index + m[0].length);
    p.heads.lastIndex = m.index + 1;
  }
  if (headEnd >= 2 && headEnd === cand.length) {
    // 修改为：“常务委员会会议…: a quotation's opening mark before the subject is not part of it
    const open = pattern(ctx.rules, 'obligation/opening-quote').exec(cand)?.[0].length ?? 0;
    return [start + open, start + headEnd];
  }
  if (headEnd >= 2 && headEnd === cand.length - 1 && pattern(ctx.rules, 'obligation/closing-quote').test(cand.slice(headEnd))) return [start, start + cand.length];
  // 质询案由受质询机关在会议期间答复: a thing's subject gives way to the agent after 由
  if (text.startsWith(o['agent-marker'], untilStop) && start + untilStop > from) {
    const agent = subjectAt(ctx, start + untilStop, to, lazyVerbs);
    if (agent) return agent;
  }
  // a relative clause names the bearer: 提出质询案的代表 | 半数以上…
  const rel = relativeSubject(ctx, text, stops.opens);
  return rel ? [start, start + rel] : null;
}

/**
 * Whether the heads found in a subject window cover every character before `end`, none of them a head that
 * is a verb before another (组织代表…): then no verb there can end the subject.
 */
function coveredByHeads(ctx: Context, text: string, heads: readonly Span[], end: number): boolean {
  let reach = 0;
  for (const h of heads) {
    if (h[0] > reach) return false;
    if (ctx.rules.obligation['verb-heads'].includes(text.slice(h[0], h[1]))) return false;
    reach = Math.max(reach, h[1]);
    if (reach >= end) return true;
  }
  return reach >= end;
}

/** A subject window cut at its first clause break: a subject never reaches across one. */
function toClauseBreak(ctx: Context, window: string): string {
  const cut = window.search(pattern(ctx.rules, 'obligation/clause-break'));
  return cut < 0 ? window : window.slice(0, cut);
}

/**
 * Where the first stop word (a modal, a preposition, 每 …) or numeral past a subject window's first
 * character stands (`at`: the window's length when none does), and whether a stop word opens the window.
 * A numeral within an actor head (一府两院) does not count.
 */
function stopsOf(ctx: Context, text: string): { at: number; opens: boolean } {
  const p = patterns(ctx);
  let at = text.length;
  let opens = false;
  p.stops.lastIndex = 0;
  for (let m = p.stops.exec(text); m; m = p.stops.exec(text)) {
    // 自 of 自治区, 经 of 财政经济委员会: a stop word's characters inside a longer word stop nothing
    if (withinWord(text, m.index, m[0], ctx.rules.obligation['not-stops'])) { p.stops.lastIndex = m.index + 1; continue; }
    // a stop word that opens the window (提出质询案的代表) does not end the subject; relativeSubject reads it
    if (m.index === 0) { opens = true; p.stops.lastIndex = 1; continue; }
    at = m.index;
    break;
  }
  p.stops.lastIndex = 0;
  // a numeral inside an actor head (一府两院) or a level (县、乡两级, 上一级) is part of its name
  for (let i = 0; i < at; i++) if (DIGITS.has(text.charCodeAt(i)) && !insideHead(ctx, text, i) && !withinWord(text, i, text[i]!, ctx.rules.obligation['not-stops'])) return { at: i, opens };
  return { at, opens };
}

/** Whether position `i` of `text` lies within an actor head (read only when a numeral stands there: rare). */
function insideHead(ctx: Context, text: string, i: number): boolean {
  const p = patterns(ctx);
  p.heads.lastIndex = 0;
  for (let m = p.heads.exec(text); m && m.index <= i; m = p.heads.exec(text)) {
    if (i < m.index + m[0].length) { p.heads.lastIndex = 0; return true; }
    p.heads.lastIndex = m.index + 1;
  }
  p.heads.lastIndex = 0;
  return false;
}

/**
 * Whether a target clause opens with a rate (办结率, 占比) up to its first stop before `at`: a clause after a
 * target word (确保…) or in a sentence that opens with the year it aims at (到2025年，…). A rule's own rate
 * (组成人员…每年出席率不低于90%) keeps its bearer.
 */
function rateOpens(ctx: Context, sent: Span, start: number, at: number): boolean {
  const o = ctx.rules.obligation;
  const target = o.targets.find((w) => ctx.norm.startsWith(w, start));
  if (!target && !pattern(ctx.rules, 'obligation/target-lead').test(ctx.norm.slice(afterLabel(ctx, sent), start))) return false;
  const text = toClauseBreak(ctx, ctx.norm.slice(start + (target?.length ?? 0), at));
  const subject = text.slice(0, stopsOf(ctx, text).at);
  return subject.length >= 2 && o['rate-heads'].some((h) => subject.endsWith(h)) && !o['actor-heads'].some((h) => subject.endsWith(h));
}

/**
 * Whether the sentence opens with a subject that is a thing, not an actor: a 的-phrase (…的候选人数) that runs
 * from the sentence's start to its first stop word before the number and ends in no actor head.
 */
function thingSubject(ctx: Context, begin: number, at: number): boolean {
  const text = toClauseBreak(ctx, ctx.norm.slice(begin, at));
  const stops = stopsOf(ctx, text);
  const o = ctx.rules.obligation;
  if (stops.opens) return thingAfterRelative(ctx, begin, at);
  // 评议结果满意票未超过半数的: with no stop word, a thing's name that runs right up to the number is the subject
  if (stops.at >= text.length) return text.length === at - begin && o['thing-heads'].some((h) => text.endsWith(h)) && !o['actor-heads'].some((h) => text.endsWith(h));
  const subject = text.slice(0, stops.at);
  return (subject.includes(o['relative-marker']) || o['thing-heads'].some((h) => subject.endsWith(h))) && !o['actor-heads'].some((h) => subject.endsWith(h));
}

/**
 * 获得过半数选票的当选人数少于应选名额时: a clause that opens with a relative phrase holding the number, whose head
 * after 的 is a thing (…人数, …名额), has a thing for its subject.
 */
function thingAfterRelative(ctx: Context, begin: number, at: number): boolean {
  const o = ctx.rules.obligation;
  const clause = toClauseBreak(ctx, ctx.norm.slice(begin, at + 24));
  const de = clause.indexOf(o['relative-marker'], at - begin);
  if (de < 0) return false;
  const head = clause.slice(de + 1, de + 7);
  return o['thing-heads'].some((h) => { const i = head.indexOf(h); return i >= 0 && stopsOf(ctx, head.slice(0, i + h.length)).at === i + h.length; });
}

/** The head noun that closes the clause of `at` after 的 (…会议的代表，), when the clause ends with nothing else. */
function relativeHeadAfter(ctx: Context, clauses: Span[], at: number): Span | null {
  const i = clauses.findIndex((c) => c[0] <= at && at < c[1]);
  // (…，并在会议闭幕前三日送达提质询案的组成人员: a relative phrase that closes the sentence is its object)
  if (i < 0 || i === clauses.length - 1) return null;
  const clause = clauses[i]!;
  const tail = trimTrailing(ctx, ctx.norm.slice(at, clause[1]));
  const de = tail.lastIndexOf(ctx.rules.obligation['relative-marker']);
  if (de < 0) return null;
  const head = tail.slice(de + 1);
  return head && ctx.rules.obligation['actor-heads'].includes(head) ? [at + de + 1, at + tail.length] : null;
}

/** The one a charging verb in a clause hands the work to (交由有关机关、组织研究处理 → 有关机关、组织), if any. */
function chargedIn(ctx: Context, verbs: LazyVerbs, start: number, clauseText: string, to: number): Span | null {
  const re = patterns(ctx).charging;
  for (const m of matchesOf(re, clauseText)) {
    const subj = subjectAt(ctx, start + m.index! + m[0].length, to, verbs);
    // 交付办理的代表, 交办的代表: a verb that only starts with a charging one is followed by no one it charges
    if (subj && !ctx.norm.slice(subj[0], subj[1]).includes(ctx.rules.obligation['relative-marker'])) return subj;
  }
  return null;
}

/** The clause after the number's clause, when that one opens the sentence and ends as a time clause (…十日前，). */
function openingTimeClause(ctx: Context, clauses: Span[], begin: number, at: number): Span | null {
  const i = clauses.findIndex((c) => c[0] <= at && at < c[1]);
  if (i < 0 || i + 1 >= clauses.length || clauses[i]![0] > begin || clauses[i]![1] <= begin) return null;
  const tail = trimTrailing(ctx, ctx.norm.slice(at, clauses[i]![1]));
  if (!ctx.rules.obligation['time-clause-endings'].some((w) => tail.endsWith(w))) return null;
  if (ctx.rules.obligation.modals.some((m) => ctx.norm.slice(begin, at).includes(m.word))) return null;
  return clauses[i + 1]!;
}

/**
 * The end of a subject made of a relative clause and its head (提出质询案的代表), or 0. `opens`: a stop word
 * opens the window (stopsOf).
 */
function relativeSubject(ctx: Context, text: string, opens: boolean): number {
  const p = patterns(ctx);
  const de = text.indexOf(ctx.rules.obligation['relative-marker']);
  if (de <= 0 || de > 24) return 0;
  const before = text.slice(0, de);
  // a modal word inside (须经…过半数的代表) makes it a predicate, not a relative clause
  if (pattern(ctx.rules, 'obligation/clause-break').test(before) || ctx.rules.obligation.modals.some((m) => before.includes(m.word))) return 0;
  // a list may modify the head (省、自治区、直辖市的人民代表大会代表), but after a verb that opens the window
  // (通过会议议程、大会设立的…) the list is that verb's objects
  if (pattern(ctx.rules, 'obligation/list-inside').test(before) && opens) return 0;
  const after = text.slice(de + 1);
  p.heads.lastIndex = 0;
  const m = p.heads.exec(after);
  if (!m || m.index > 6) return 0;
  // what stands between 的 and the head only narrows it (市和自治州的, 制定); a modal or a number there
  // (代表的罢免必须由原选举单位, 每年的第一次会议) means 的 closed something else
  const gap = after.slice(0, m.index);
  // (…不满意的票数超过常委会组成人员半数的: a thing there, 票数, is what 的 closed)
  if (gap && (ctx.rules.obligation.modals.some((w) => gap.includes(w.word)) || [...gap].some((c) => DIGITS.has(c.charCodeAt(0))) ||
    ctx.rules.obligation['thing-heads'].some((h) => gap.includes(h)))) return 0;
  // the head runs over every head that follows it (出席会议的市人大 | 常委会 | 组成人员)
  let end = m.index;
  for (let next = longestHeadAt(ctx, after, end); next; next = longestHeadAt(ctx, after, end)) end += next;
  if (end === m.index) return 0;
  const rest = after.slice(end);
  // 罢免由县级以上的地方各级人民代表大会选举的代表: a head followed by words and another 的 before any stop word is
  // the subject of an inner clause, not the head of the phrase
  const nextDe = rest.indexOf(ctx.rules.obligation['relative-marker']);
  if (nextDe > 0) {
    const restStops = stopsOf(ctx, rest);
    if (nextDe < (restStops.opens ? 0 : restStops.at)) return 0;
  }
  // 准备提请大会审议的省人民代表大会常务委员会、省人民政府工作报告草稿等: a list that runs on to a thing is no bearer
  if (pattern(ctx.rules, 'obligation/list-joiner').test(rest)) {
    const whole = trimTrailing(ctx, after.slice(0, stopsOf(ctx, after).at)).replace(pattern(ctx.rules, 'obligation/list-etc'), '');
    if (!ctx.rules.obligation['actor-heads'].some((h) => whole.endsWith(h))) return 0;
  }
  return de + 1 + end;
}

/** The length of the longest actor head that starts at `at` in `text`, or 0. */
export function longestHeadAt(ctx: Context, text: string, at: number): number {
  let best = 0;
  for (const h of ctx.rules.obligation['actor-heads']) if (h.length > best && text.startsWith(h, at)) best = h.length;
  return best;
}

/** Index of the first sorted position ≥ at, or -1. */
function firstAfter(sorted: readonly number[], at: number): number {
  const i = lowerBound(sorted, at, (x) => x);
  return i < sorted.length ? i : -1;
}

/** A stretch of text without the punctuation and white space that close it. */
function trimTrailing(ctx: Context, text: string): string {
  return text.replace(pattern(ctx.rules, 'obligation/trailing-punctuation'), '');
}

/** Whether a clause states a condition (…不满意的，). */
export function isConditionClause(ctx: Context, clauseText: string): boolean {
  return pattern(ctx.rules, 'obligation/condition-clause-end').test(trimTrailing(ctx, clauseText));
}

/**
 * What a clause that is not where a subject stands is: a condition (…的，), an adverbial that opens or ends
 * like one (在…期间，对…，…闭会期间，), or neither (null).
 */
function adverbialKind(ctx: Context, clauseText: string): 'condition' | 'adverbial' | null {
  if (isConditionClause(ctx, clauseText)) return 'condition';
  const p = patterns(ctx);
  const body = trimTrailing(ctx, clauseText);
  return p.openers.some((w) => body.startsWith(w)) || ctx.rules.obligation['adverbial-endings'].some((w) => body.endsWith(w)) ? 'adverbial' : null;
}

/** A clause made of one relative phrase that ends in an actor head (经…任命的国家工作人员), as a span, or null. */
function relativePhrase(ctx: Context, start: number, clauseText: string): Span | null {
  const o = ctx.rules.obligation;
  const body = trimTrailing(ctx, clauseText);
  const de = body.lastIndexOf(o['relative-marker']);
  if (de <= 0 || !o['actor-heads'].some((h) => body.endsWith(h) && body.length - h.length > de)) return null;
  // a modal or a number inside makes it a statement, not a noun phrase
  if (o.modals.some((m) => body.includes(m.word)) || [...body].some((c) => DIGITS.has(c.charCodeAt(0)))) return null;
  return [start, start + body.length];
}

/** Whether a clause before `own` holds a modal word (a main clause stands between the sentence start and it). */
function afterMainClause(ctx: Context, clauses: Span[], begin: number, own: number): boolean {
  // (a main clause states with a modal, or plainly after its bearer: 常委会对…报告进行满意度测评，)
  return clauses.some((c) => {
    if (c[1] > own || c[1] <= begin) return false;
    const text = ctx.norm.slice(Math.max(c[0], begin), c[1]);
    return modalAfter(ctx, text) !== null || (adverbialKind(ctx, text) === null && longestHeadAt(ctx, text, 0) > 0);
  });
}

/** Clause starts of a sentence up to a position, first to last. */
function clauseStarts(clauses: Span[], upto: number): number[] {
  return clauses.filter((c) => c[0] < upto).map((c) => c[0]);
}

/**
 * Who bears the rule at `at`: the subject of its clause; else of an earlier clause of the same sentence
 * that is not an adverbial (在…期间，) or a condition (…的，); else the subject of the list's lead-in
 * (主席团…行使下列职权：); else the words counted right after a share (十分之一以上代表联名 → 代表).
 *
 * `countsBearers`: the number counts people or a share of them (十分之一以上代表), so the head right after it may
 * be who acts; after a count of times (召开一次机关例会) the head is an object.
 */
export function actorOf(ctx: Context, verbs: SentenceVerbs, sent: Span, clauses: Span[], at: number, leadIn: { span: Span; clauses: Span[] } | null, afterNumber: number, previous: readonly { span: Span; clauses: Span[] }[] = [], countsBearers = true): Span | null {
  const p = patterns(ctx);
  const norm = ctx.norm;
  // 三个以上代表团联名: the counted people who act bear the rule
  const counted = countedActor(ctx, afterNumber);
  if (counted) return counted;
  const begin = afterLabel(ctx, sent);
  const starts = clauseStarts(clauses, at).map((s) => Math.max(s, begin));
  const own = starts.length ? starts[starts.length - 1]! : begin;
  const alternative = alternativeBearer(ctx, verbs, sent, own, at);
  if (alternative) return alternative;
  const countedAgent = countedBefore(ctx, own, at, afterNumber);
  if (countedAgent) return countedAgent;
  // 确保办结率达到100%, …，代表建议办结率保持100%: a rate that opens the number's clause is what the figure measures,
  // and no bearer of an earlier clause or sentence achieves it
  if (rateOpens(ctx, sent, own, at)) return null;
  // whether the number stands in a condition (…满两年的，): read once, for the main clause and the sentences before
  const ni = clauses.findIndex((c) => c[0] <= at && at < c[1]);
  const numberClause = ni < 0 ? '' : norm.slice(Math.max(clauses[ni]![0], begin), clauses[ni]![1]);
  const inCondition = ni >= 0 && adverbialKind(ctx, numberClause) === 'condition';
  // the rule's main clause, unless the condition is a breach (…逾期未答复的，): the main clause then names who acts on it
  const main = inCondition && !breachIn(ctx, numberClause) ? mainClauseAfter(ctx, clauses, ni) : null;
  // …代表半数以上对再次答复仍不满意的，经主席团决定，可以…; 请假一次超过三天的，由主任批准: the one whose decision or
  // approval the main clause after a condition names bears what the condition sets, not those it counts
  const approver = main && approverIn(ctx, main);
  if (approver) return approver;
  // 常务委员会举行会议的七日前，办公厅应当…: a sentence that opens with a time clause has its subject after it (the
  // subject inside the time clause is the event's); when none stands there, the time clause's own is read below
  const following = openingTimeClause(ctx, clauses, begin, at);
  if (following) {
    const subj = subjectAt(ctx, following[0], following[1], () => verbs.of(sent, following[1]));
    if (subj) return subj;
  }
  // 常务委员会认为必要时，可以…测评，测评结果不满意票超过半数的，应询单位应当…: a condition after a main clause opens
  // a statement of its own, whose main clause names who bears it (the subject before acts in the other one)
  if (main && afterMainClause(ctx, clauses, begin, own)) {
    const subj = subjectAt(ctx, main[0], main[1], () => verbs.of(sent, main[1]));
    if (subj) return subj;
  }
  const tries = [own, ...starts.slice(0, -1).reverse()];
  const conditions: number[] = [];
  for (const s of tries) {
    const clause = clauses.find((c) => c[0] <= s && s < c[1]);
    const clauseText = clause ? norm.slice(s, clause[1]) : '';
    // 责成有关承办单位重新办理，在三十日内答复代表: the one charged bears the clauses after
    if (s !== own) {
      const subj = chargedIn(ctx, () => verbs.of(sent, at), s, clauseText, at);
      if (subj) return subj;
    }
    // an adverbial opener or a 的-condition is not where the subject stands
    const kind = adverbialKind(ctx, clauseText);
    if (kind && (s !== own || clause === undefined || clause[1] <= at)) {
      if (kind === 'condition') conditions.push(s);
      // 代表在区人民代表大会会议期间，应当提出…: a subject may stand before the preposition of a clause that only
      // ends like a time adverbial (one that opens with the preposition gives no subject: subjectAt rejects it)
      const subj = kind === 'adverbial' ? subjectAt(ctx, s, at, () => verbs.of(sent, at)) : null;
      if (subj && p.openers.some((w) => norm.startsWith(w, subj[1]))) return subj;
      // 经常务委员会任命的国家工作人员，应当…: a clause that is one relative phrase closed by an actor head is the subject
      const phrase = kind === 'adverbial' ? relativePhrase(ctx, s, clauseText) : null;
      if (phrase) return phrase;
      continue;
    }
    const subj = subjectAt(ctx, s, at, () => verbs.of(sent, at));
    // 市、县两级财政每年安排…经费，每个联络站不低于2万元: what each one is allotted, not who acts
    if (subj && !(s === own && allotted(ctx, subj, at, () => verbs.of(sent, at)))) return subj;
  }
  // 代表在大会全体会议上发言的，每人可以发言两次: with no subject of its own, the rule binds the one its condition
  // names, the nearest first (制定机关瞒报…的，未按照有关规定开展定期清理的，: the earlier condition's)
  for (const c of conditions) {
    const subj = subjectAt(ctx, c, at, () => verbs.of(sent, at));
    if (subj) return subj;
  }
  // 未经批准两次不出席本级人民代表大会会议的代表，代表资格终止: the number sits in a relative clause, whose head bears it
  const head = relativeHeadAfter(ctx, clauses, at);
  if (head) return head;
  // 法规实施满两年的，法规实施机关应当…报告: a number in a condition binds the one the main clause after it names
  if (main) {
    const subj = subjectAt(ctx, main[0], main[1], () => verbs.of(sent, main[1]));
    if (subj) return subj;
  }
  if (leadIn) {
    // (下列重大事项，市人民政府应当在作出决定前向常务委员会报告：: the lead-in's subject may open a later clause)
    const first = afterLabel(ctx, leadIn.span);
    for (const c of leadIn.clauses) {
      if (c[1] <= first || (c[0] > first && adverbialKind(ctx, ctx.norm.slice(c[0], c[1])) !== null)) continue;
      const subj = subjectAt(ctx, Math.max(c[0], first), leadIn.span[1], () => verbs.of(leadIn.span));
      if (subj) return subj;
    }
  }
  // …的候选人数应比应选人数多一人至三人: a sentence whose own subject is a thing (X的Y before the modal) names
  // no bearer, and takes none from the sentences before it
  if (previous.length && thingSubject(ctx, begin, at)) return null;
  // 承办单位…应当及时研究；闭会期间，应当在…五日内: the subject of an earlier sentence of the same article; when
  // this sentence opens with a condition (…两次不出席的，由主任会议约谈；连续三次不出席的，应当辞去…), the subject
  // of that sentence's own condition first: parallel conditions share who they are about
  // (…累计三次不出席…的，由主任会议批评教育；连续两次不出席…的，由办公厅通报；累计四次不出席的，…: a chain of
  // sentences that each open with a condition is about the one the first condition with a subject names)
  if (conditions.length || inCondition) {
    for (const prev of previous) {
      const from = afterLabel(ctx, prev.span);
      const first = prev.clauses.find((c) => c[1] > from);
      if (!first || adverbialKind(ctx, norm.slice(Math.max(first[0], from), first[1])) !== 'condition') break;
      const subj = subjectAt(ctx, Math.max(first[0], from), first[1], () => verbs.of(prev.span));
      if (subj) return subj;
    }
  }
  for (const prev of previous) {
    if (conditions.length || inCondition) {
      const from = afterLabel(ctx, prev.span);
      for (const c of prev.clauses) {
        if (c[1] <= from || adverbialKind(ctx, norm.slice(Math.max(c[0], from), c[1])) !== 'condition') continue;
        const subj = subjectAt(ctx, Math.max(c[0], from), c[1], () => verbs.of(prev.span));
        if (subj) return subj;
      }
    }
    const subj = actorOf(ctx, verbs, prev.span, prev.clauses, prev.span[1], null, prev.span[1]);
    if (subj) return subj;
  }
  // 十分之一以上代表联名: the people counted are the ones acting
  return countsBearers ? headAfterNumber(ctx, afterNumber) : null;
}

/** The actor head right after a number, past a linking 的 (十分之一以上代表, 过半数的选民), if one stands there. */
function headAfterNumber(ctx: Context, afterNumber: number): Span | null {
  const p = patterns(ctx);
  const after = ctx.norm.slice(afterNumber, afterNumber + 12);
  p.heads.lastIndex = 0;
  const de = pattern(ctx.rules, 'obligation/linking-de').exec(after)?.[0].length ?? 0;
  const m = p.heads.exec(after.slice(de));
  return m && m.index === 0 ? [afterNumber + de, afterNumber + de + m[0].length] : null;
}

/**
 * Whether a clause opens with a bearer of its own (新任组成人员在…; 走访代表不少于4次 opens with a verb): a
 * clause that opens with a word that continues the one before (其中市人大代表不少于2次) names a part of its
 * bearer, not a new one.
 */
export function newBearerAt(ctx: Context, from: number, to: number, verbs: LazyVerbs): boolean {
  const o = ctx.rules.obligation;
  if (o['continuing-leads'].some((w) => ctx.norm.startsWith(w, from))) return false;
  return subjectAt(ctx, from, to, verbs) !== null;
}

/**
 * Whether a subject after a per word (每个联络站, 每名代表) is only what the number is allotted to: no verb
 * stands between it and the number (每个联络站不低于2万元), while 每名代表每年联系选民不少于两次 has one.
 */
function allotted(ctx: Context, subj: Span, at: number, lazyVerbs: LazyVerbs): boolean {
  const o = ctx.rules.obligation;
  const before = ctx.norm.slice(Math.max(0, subj[0] - 3), subj[0]);
  if (!o.per.some((p) => before.endsWith(p.word) || ctx.norm.startsWith(p.word, subj[0]))) return false;
  // the comparator before the number (不低于: 低于 is a verb to jieba) is no act
  const cmp = comparatorEnding(ctx, ctx.norm.slice(subj[1], at))?.length ?? 0;
  const verbs = verbsOf(lazyVerbs);
  for (let v = firstAfter(verbs, subj[1]); v >= 0 && v < verbs.length && verbs[v]! < at - cmp; v++) if (verbs[v]! >= subj[1]) return false;
  return true;
}

/** The decider a main clause names (经主席团决定, 由主任批准), if it names one. */
function approverIn(ctx: Context, main: Span): Span | null {
  const m = pattern(ctx.rules, 'obligation/approval-agent').exec(ctx.norm.slice(main[0], main[1]));
  if (!m?.groups?.agent) return null;
  const from = main[0] + m[0].indexOf(m.groups.agent);
  return [from, from + m.groups.agent.length];
}

/** Whether a condition states a breach (未按照, 逾期, 不参加 …), not a state of others (仍不满意, 不同意). */
export function breachIn(ctx: Context, text: string): boolean {
  const o = ctx.rules.obligation;
  return o['breach-words'].some((w) => {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) if (!withinWord(text, i, w, o['breach-not-in'])) return true;
    return false;
  });
}

/**
 * The first clause after clause `i` (a condition) that is not itself one (…满两年的，或者…的，由主任会议…): the
 * rule's main clause, whose subject bears what the condition sets.
 */
function mainClauseAfter(ctx: Context, clauses: Span[], i: number): Span | null {
  for (let k = i + 1; k < clauses.length; k++) {
    const c = clauses[k]!;
    if (adverbialKind(ctx, ctx.norm.slice(c[0], c[1])) !== 'condition') return c;
  }
  return null;
}

/** The actor head right after a number when those counted do the act (十分之一以上的代表联名 → 代表). */
function countedActor(ctx: Context, afterNumber: number): Span | null {
  const p = patterns(ctx);
  const o = ctx.rules.obligation;
  let at = afterNumber;
  const m0 = pattern(ctx.rules, 'obligation/linking-de').exec(ctx.norm.slice(at, at + 1));
  if (m0) at += m0[0].length;
  p.heads.lastIndex = 0;
  const text = ctx.norm.slice(at, at + 12);
  const m = p.heads.exec(text);
  if (!m || m.index !== 0) return null;
  // the longest head that starts here (代表团 over 代表), and the heads that follow it (常委会 | 组成人员)
  let end = Math.max(m[0].length, longestHeadAt(ctx, text, 0));
  for (let next = longestHeadAt(ctx, text, end); next; next = longestHeadAt(ctx, text, end)) end += next;
  // the act may follow a coordinated list: 三个以上代表团或者十分之一以上的代表联名
  const after = ctx.norm.slice(at + end, at + end + 20);
  const rest = after.split(pattern(ctx.rules, 'obligation/slice-trim-end'))[0]!;
  if (o['counted-acts'].some((w) => rest.includes(w))) return [at, at + end];
  // …or open the next clause: 三个以上代表团，可以提议
  const next = pattern(ctx.rules, 'obligation/counted-act-next').exec(after);
  return next && next[0].length > 0 && o['counted-acts'].some((w) => after.startsWith(w, next[0].length)) ? [at, at + end] : null;
}

/**
 * 候选人，也可以由代表十人以上联名推荐: the people counted right before the number, after 由 (or after 或者 in a list
 * of agents: 由主席团或者代表三十人以上联名), do the counted act and bear the rule, not the clause's subject.
 */
function countedBefore(ctx: Context, clauseStart: number, at: number, afterNumber: number): Span | null {
  const o = ctx.rules.obligation;
  const after = ctx.norm.slice(afterNumber, afterNumber + 6);
  if (!o['counted-acts'].some((w) => after.startsWith(w))) return null;
  const before = ctx.norm.slice(clauseStart, at);
  const agent = before.lastIndexOf(o['agent-marker']);
  if (agent < 0) return null;
  let start = agent + o['agent-marker'].length;
  const or = Math.max(...o['agent-alternatives'].map((w) => { const i = before.lastIndexOf(w); return i < start ? -1 : i + w.length; }));
  if (or > start) start = or;
  const who = before.slice(start);
  if (who.length < 2 || who.length > 16 || stopsOf(ctx, who).at < who.length) return null;
  return o['actor-heads'].some((h) => who.endsWith(h)) ? [clauseStart + start, at] : null;
}

/**
 * 代表十人以上联名或者一个代表团以全体代表的过半数通过: when the clause before the number holds an act (联名,
 * 通过) and then 或者, the number belongs to the bearer after 或者 (一个代表团), not to the clause's first subject.
 */
function alternativeBearer(ctx: Context, verbs: SentenceVerbs, sent: Span, own: number, at: number): Span | null {
  const before = ctx.norm.slice(own, at);
  let from = -1;
  for (const m of matchesOf(pattern(ctx.rules, 'obligation/alternative-bearer'), before)) from = own + m.index! + m[0].length;
  return from < 0 ? null : subjectAt(ctx, from, at, () => verbs.of(sent, at));
}

/** The starting event of a time limit before the number (自交办之日起, 会议举行…前), searched in its clause. */
export function fromOf(ctx: Context, clauseStart: number, numberAt: number, sentStart: number): Span | null {
  const from = Math.max(sentStart, Math.min(clauseStart, numberAt - 60));
  const text = ctx.norm.slice(from, numberAt);
  let best: Span | null = null;
  for (const re of ctx.rules.obligation.fromPatterns) {
    for (const m of matchesOf(re, text)) {
      const s: Span = [from + m.index!, from + m.index! + m[0].length];
      // the event nearest the number wins, but a match that holds another whole names the same event more
      // fully (在决定作出后: 决定作出后 over 作出后)
      const holds = best !== null && s[0] <= best[0] && s[1] >= best[1];
      const held = best !== null && best[0] <= s[0] && best[1] >= s[1];
      if (!best || holds || (!held && (s[0] > best[0] || (s[0] === best[0] && s[1] > best[1])))) best = s;
    }
  }
  return best;
}

/**
 * A condition: from the first clause opened by a condition word or ending in 的 (…不满意的，) up to the last
 * such 的-clause at or before the number: 涉及面广、处理难度大，确实不能在三个月内办理完毕的.
 */
export function conditionOf(ctx: Context, sent: Span, clauses: Span[], at: number): Span | null {
  // the article's label (第三条) is not part of a condition that opens its first sentence
  const begin = afterLabel(ctx, sent);
  let first: Span | null = null;
  let lastEnd = -1;
  // 常务委员会认为必要时，可以…进行满意度测评，测评结果不满意票超过半数的，…: a condition after a main clause opens a
  // statement of its own (…发言的，每人可以发言两次，第一次不超过十五分钟: one after the main clause keeps it)
  let afterMain = false;
  for (const c of clauses) {
    if (c[0] > at) break;
    const text = ctx.norm.slice(c[0], c[1]);
    const endsDe = pattern(ctx.rules, 'obligation/condition-clause-closed').test(text);
    if (endsDe || conditionWordIn(ctx, text)) {
      // (a condition word inside a later clause, 遇有特殊情况至迟…, narrows the statement; a …的 clause opens one)
      if (!first || (afterMain && endsDe)) { first = c; lastEnd = -1; afterMain = false; }
      if (endsDe) lastEnd = c[1];
    } else if (first && modalAfter(ctx, text)) afterMain = true;
  }
  if (!first) return null;
  return [Math.max(first[0], Math.min(begin, first[1])), Math.max(first[1], lastEnd)];
}

/** Whether a text holds a condition word (必要时, 如遇, 涉及面广 …). */
function conditionWordIn(ctx: Context, text: string): boolean {
  const re = patterns(ctx).conditions;
  re.lastIndex = 0;
  return re.test(text);
}

/** Whether a stretch of a clause states a condition: closed by 的 (…不满意的，), holding a condition word or an approval. */
export function holdsCondition(ctx: Context, text: string): boolean {
  return pattern(ctx.rules, 'obligation/condition-clause-closed').test(text) || conditionWordIn(ctx, text) || pattern(ctx.rules, 'obligation/approval-clause').test(text);
}

/** The clause that states what follows when the rule is broken (由主任会议进行约谈, 劝其辞去…). */
export function sanctionOf(ctx: Context, clauses: Span[]): Span | null {
  const p = patterns(ctx);
  for (const c of clauses) {
    p.sanctions.lastIndex = 0;
    if (p.sanctions.test(ctx.norm.slice(c[0], c[1]))) return c;
  }
  return null;
}

/** 一般, 原则上 in the sentence before the number. */
export function hedgedBefore(ctx: Context, from: number, to: number): boolean {
  const text = ctx.norm.slice(from, to);
  // (一般公共预算, 一般性转移支付: a hedge word inside a term hedges nothing)
  for (const m of matchesOf(patterns(ctx).hedges, text)) if (!withinWord(text, m.index!, m[0], ctx.rules.obligation['hedge-not-in'])) return true;
  return false;
}

/**
 * What the actor must do: the rest of the clause after the cues (subject, modal, frequency), or the next
 * clause when the number's clause is only a condition or a time limit (…之日起三个月内，答复代表).
 */
export function actionOf(ctx: Context, clauses: Span[], clause: Span, cueEnd: number): Span | null {
  const start = Math.max(clause[0], Math.min(cueEnd, clause[1]));
  const own: Span = [start, clause[1]];
  const text = ctx.norm.slice(own[0], own[1]).replace(pattern(ctx.rules, 'obligation/trailing-punctuation'), '');
  if (text.length >= 2 && !pattern(ctx.rules, 'obligation/action-unfinished').test(text)) return own;
  const i = clauses.findIndex((c) => c[0] === clause[0]);
  const next = i >= 0 ? clauses[i + 1] : undefined;
  if (next) return [own[0], next[1]];
  return text.length >= 2 ? own : null;
}
