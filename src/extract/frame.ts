import type { Context } from '../core/context.js';
import { indexOverlapping, mergeSpans, overlaps, type Span } from '../core/span.js';
import type { BoilerplateNorm } from '../boilerplate/index.js';
import type { Token } from '../segment/index.js';
import type { SentenceVerbs } from '../segment/sentence-verbs.js';
import { articlePath } from '../structure/index.js';
import type { DocType, Obligation, Quantity, Statistic, StructureNode } from '../schema/document.js';
import type { QuantityNorm } from './quantity.js';
import { assignTopic } from './topic.js';
import { everyRe, firstOf, frequencyBefore, lastOf, modalAfter, modalBefore, reFor, withinWord, wordsOf } from './cues.js';
import { statisticParts } from './statistic-parts.js';
import { actionOf, actorOf, afterLabel, breachIn, conditionOf, fromOf, hedgedBefore, holdsCondition, isConditionClause, longestHeadAt, newBearerAt, sanctionOf, sliceOf } from './frame-parts.js';
import { measureOf } from './measure.js';
import { alternation, escapeRegex, literalRe, pattern } from '../packs/index.js';
import { memo } from '../core/memo.js';
import { headingPatterns } from '../structure/headings.js';

export interface SentenceNorm { span: Span; clauses: Span[] }

const RULE_DOCS: DocType[] = ['opinion', 'decision', 'rules'];
const patternCache = new WeakMap<object, { report: RegExp; period: RegExp; statCue: RegExp; target: RegExp; leadIn: RegExp }>();
/** The pack's sentence-level patterns, compiled once per pack. */
function patterns(ctx: Context) {
  const o = ctx.rules.obligation;
  return memo(patternCache, o, () => ({
    report: new RegExp(o['report-markers'], 'gu'), period: new RegExp(o['statistic-period'], 'u'),
    statCue: new RegExp(o['statistic-cues'].map(escapeRegex).join('|'), 'gu'),
    target: literalRe(o.targets, 'gu'),
    leadIn: new RegExp(`(?:${alternation(o['lead-in-ends'])})\\s*$`, 'u'),
  }));
}

export interface FrameInput {
  quantities: QuantityNorm[];
  sentences: SentenceNorm[];
  /** the tokens of the sentences with a rule (statistics read what a number counts from them) */
  tokens: Token[];
  /** the verbs of each sentence an actor is looked for in */
  verbs: SentenceVerbs;
  boilerplate: BoilerplateNorm[];
  structure: StructureNode[];
  docType: DocType;
  /** the document's title (a year's plan, 工作要点, states targets throughout) */
  title: string | null;
  excluded: Span[];
}

/** The cue words found around one quantity, from which its kind is decided and its frame filled. */
interface Cues {
  si: number; sent: SentenceNorm; clause: Span;
  sentBefore: string; clauseBefore: string; clauseText: string; sentText: string; afterQ: string;
  per: { word: string; at: number } | null;
  freq: { word: string; at: number; period: string } | null;
  freqInClause: boolean;
  /** the modal word nearest before the number, else the first after it in the sentence; `at` in the normalised text */
  modal: { word: string; modality: Obligation['modality']; at: number } | null;
  sanction: { word: string; at: number } | null;
  violation: boolean;
  stat: boolean;
  strong: RegExpExecArray | null;
  target: boolean;
  /** the number stands under a heading that announces targets (主要目标) */
  targetSection: boolean;
  /** the number stands in a plan document (工作要点), outside a look back */
  plan: boolean;
}

const within = (s: Span, at: number) => s[0] <= at && at < s[1];

/**
 * A clause repeated whole (a review that prints 制定地方性法规15件、修订13件… twice): its items would be counted
 * twice. A regulation never counts twice: its repeated wording (代表十人以上联名，…) sets one rule per article,
 * so in a rules document nothing is a duplicate.
 */
function repeated(dupes: Span[], clause: Span): boolean {
  // dupes are sorted and disjoint: the one that could cover the clause is found by binary search
  const i = indexOverlapping(dupes, [clause[0], clause[0] + 1], (x) => x);
  return i >= 0 && dupes[i]![0] <= clause[0] && dupes[i]![1] >= clause[1] - 1;
}

/** The end of the last …的， condition clause before a position in the sentence, or the sentence start. */
function lastConditionEnd(ctx: Context, sent: SentenceNorm, at: number): number {
  const norm = ctx.norm;
  const closed = pattern(ctx.rules, 'obligation/condition-clause-closed');
  let end = sent.span[0];
  for (const c of sent.clauses) {
    if (c[1] > at) break;
    if (closed.test(norm.slice(c[0], c[1]))) end = c[1];
  }
  return end;
}

/** The modal word nearest before a stretch's end, else the first in the stretch after; `at` in the normalised text. */
function nearestModal(ctx: Context, before: Span, after: Span): Cues['modal'] {
  const mb = modalBefore(ctx, ctx.norm.slice(before[0], before[1]));
  if (mb) return { ...mb, at: before[0] + mb.at };
  const ma = modalAfter(ctx, ctx.norm.slice(after[0], after[1]));
  return ma ? { ...ma, at: after[0] + ma.at } : null;
}

/**
 * The first match of a cue that is not part of a longer word: of a report cue outside `cue-not-in` (共 of
 * 公共预算, 了 of 了解: a rule about the public budget is no report), of a target word outside `target-not-in`.
 */
function firstCue(ctx: Context, re: RegExp, text: string, notIn: readonly string[] = ctx.rules.obligation['cue-not-in']): RegExpExecArray | null {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!withinWord(text, m.index, m[0], notIn)) { re.lastIndex = 0; return m; }
  }
  return null;
}

/**
 * Whether a clause reads as a report before its number (共, 已, 今年…): a statistic cue with no modal word after
 * it (今年要审议法规案10件左右 plans, 今年审议法规案10件 reports).
 */
function statisticCue(ctx: Context, before: string): boolean {
  const m = firstCue(ctx, patterns(ctx).statCue, before);
  if (!m) return false;
  const modal = modalBefore(ctx, before);
  // (…占比应当达到55%以上: a modal that governs the cue's own verb states a rule as well)
  if (modal && (modal.at > m.index || before.startsWith(m[0], modal.at + modal.word.length))) return false;
  // (确保办结率达到100%: so does a target word before the cue in its clause)
  const target = firstCue(ctx, patterns(ctx).target, before, ctx.rules.obligation['target-not-in']);
  return !(target && target.index < m.index);
}

function cuesOf(ctx: Context, q: QuantityNorm, si: number, sent: SentenceNorm, structure: StructureNode[], later: readonly QuantityNorm[], before: QuantityNorm | undefined, verbs: SentenceVerbs, planDoc: boolean): Cues {
  const o = ctx.rules.obligation;
  const p = patterns(ctx);
  const norm = ctx.norm;
  const clause = sent.clauses.find((c) => within(c, q.norm[0])) ?? sent.span;
  const sentBefore = norm.slice(sent.span[0], q.numberAt);
  const clauseBefore = norm.slice(clause[0], q.numberAt);
  const clauseText = norm.slice(clause[0], clause[1]);
  const sentText = norm.slice(sent.span[0], sent.span[1]);
  const afterQ = norm.slice(q.norm[1], clause[1]);
  let per = lastOf(sentBefore, wordsOf(o.per));
  // "在3个月内": a time limit, not a count per period, so no frequency applies to it
  const limit = q.dimension === 'time' && q.cmpWord !== null && ctx.rules.quantity.comparators['time-suffix'].some((t) => t.word === q.cmpWord);
  const freqFound = limit ? null : frequencyBefore(ctx, sentBefore, wordsOf(o.frequency));
  // "定期走访…，每位组成人员固定联系5名": a vague 定期/每次 before a new 每位 subject does not carry over
  const vague = freqFound !== null && (freqFound.period === 'regular' || freqFound.period === 'occasion');
  let freq = freqFound && vague && per && per.at > freqFound.at ? null : freqFound;
  // 组成人员每年参加培训不少于40学时，新任组成人员在任期第一年内参加一次初任培训: the period and the per word were the
  // earlier number's, in a clause before this one, which names a bearer of its own
  // (…每年举行两次，会期一般不少于一天: nor when it measures one instance of what the period counts)
  const earlierNumbers = freq !== null && before !== undefined && sent.span[0] + freq.at < before.norm[0] && before.norm[0] < clause[0] &&
    (newBearerAt(ctx, clause[0], q.numberAt, () => verbs.of(sent.span, q.numberAt)) || o['instance-measures'].some((w) => norm.startsWith(w, clause[0])));
  // 常委会每届调整联系点，联系点数量一般控制在二十个以内: a clause that names the whole it sizes takes no period from
  // a clause before it
  const sizesWhole = freq !== null && freq.period !== 'occasion' && sent.span[0] + freq.at < clause[0] && o['size-words'].some((w) => clauseBefore.includes(w));
  if (earlierNumbers || sizesWhole) {
    freq = null;
    if (per && sent.span[0] + per.at < clause[0]) per = null;
  }
  // 每个季度 is a period, not 每个 (per unit) + 季度
  if (per && freq && per.at === freq.at) per = null;
  const sanction = firstOf(sentText, o.sanctions);
  const violationZone = afterQ.slice(0, o['violation-reach'] + 3);
  // "两次不参加…的" and "请假累计超过3次的": a count of violations that sets off a consequence
  const conditional = pattern(ctx.rules, 'obligation/condition-clause-end').test(clauseText) || sanction !== null;
  const violation = o['violation-counts'].some((w) => violationZone.includes(w)) ||
    (conditional && o['violation-counts'].some((w) => clauseBefore.includes(w))) ||
    (o['failure-runs'].some((w) => clauseBefore.endsWith(w)) && o['failure-words'].some((w) => violationZone.includes(w)));
  const reach = o['targets-before-number-reach'];
  const at = ctx.map.posToSource(q.norm[0]);
  const section = structure.find((x) => x.span[0] <= at && at < x.span[1]);
  const targetSection = section !== undefined && o['target-headings'].some((w) => section.heading.includes(w));
  const reviewSection = section !== undefined && o['review-headings'].some((w) => section.heading.includes(w)) && !targetSection;
  // a modal before a condition (…应当及时研究，认为不属于的，在…内提出) governs only what precedes the condition
  // …and a condition's own modal is that of its main clause, after it (…可以…测评，测评结果不满意票超过半数的，…应当…)
  const condEnd = isConditionClause(ctx, clauseText) ? clause[0] : lastConditionEnd(ctx, sent, q.norm[0]);
  let modal = nearestModal(ctx, [condEnd, q.numberAt], [q.norm[1], sent.span[1]]);
  // (主任会议可以根据需要随时召开，但每月不少于一次: a contrast sets a rule of its own, not the permission before it)
  if (modal && modal.at < clause[0] && o['contrast-leads'].some((w) => norm.startsWith(w, clause[0]))) modal = null;
  // 第一次不超过十分钟，经主持人同意的，可以延长五分钟: a modal after the number that opens a later number's own
  // clause is that number's
  if (modal && modal.at >= q.norm[1] && !isConditionClause(ctx, clauseText)) {
    const m = modal.at;
    const taken = later.some((b) => b.norm[0] < sent.span[1] && m < b.numberAt && sent.clauses.some((k) => k[0] > clause[0] && k[0] <= m && m < k[1] && k[0] <= b.norm[0] && b.norm[0] < k[1]));
    // 主任会议一般每半月举行一次，必要时可以随时举行: a modal after a condition of a later clause is that clause's
    const between = sent.clauses.filter((k) => k[0] >= clause[1] && k[0] <= m).map((k) => norm.slice(k[0], Math.min(k[1], m)));
    const conditional = between.some((t) => holdsCondition(ctx, t));
    // 街道人大工作委员会由主任、副主任和委员三至七人组成，委员中应当有…: a later clause that opens with a bearer
    // of its own before its modal states another rule
    // (only after a clause that states a rule of its own: a time clause, a condition or an adverbial before the
    // number, …审查工作结束后十五日内，…工作机构应当…, takes the modal of the main clause after it)
    const rest = afterQ.replace(pattern(ctx.rules, 'obligation/trailing-punctuation'), '');
    const statement = rest !== '' && !isConditionClause(ctx, clauseText) && !o['time-clause-endings'].some((w) => rest.endsWith(w)) &&
      !o['adverbial-openers'].some((w) => clauseText.startsWith(w, Math.max(0, afterLabel(ctx, clause) - clause[0])));
    const modalClause = statement ? sent.clauses.find((k) => k[0] >= clause[1] && k[0] < m && m < k[1]) : undefined;
    const othersBearer = modalClause !== undefined && longestHeadAt(ctx, norm, modalClause[0]) > 0;
    // 常务委员会每年至少听取一次…报告，并可以对报告进行满意度测评: a later clause that opens with 并 and its modal
    // adds an act of its own
    const ownAct = modalClause !== undefined && o['own-act-leads'].some((w) => norm.startsWith(w, modalClause[0]) && modalClause[0] + w.length === m);
    if (taken || conditional || othersBearer || ownAct) modal = null;
  }
  return {
    si, sent, clause, sentBefore, clauseBefore, clauseText, sentText, afterQ, per, freq,
    freqInClause: freq !== null && freq.at >= clause[0] - sent.span[0],
    modal,
    sanction, violation,
    stat: statisticCue(ctx, clauseBefore),
    strong: firstCue(ctx, p.report, sentBefore),
    // (列入计划逐步解决的131件: a category of a report, no plan)
    // (…主要预期目标：…增长6%左右，…增长5%: a target word that opens a list reaches over the sentence)
    target: !reviewSection && (firstCue(ctx, p.target, sentBefore.slice(-reach), o['target-not-in']) !== null || pattern(ctx.rules, 'obligation/target-lead').test(sentBefore)),
    targetSection,
    // a year's plan (…2024年工作要点) sets targets in every section but a look back
    plan: planDoc && !reviewSection,
  };
}

/**
 * Obligation or statistic, with the reasons: in a rules document a number is a rule unless a report
 * marker (去年, 共…) stands before it with no rule cue after; in an opinion or decision it is a rule where
 * the sentence states one; in a report a per-person figure, a frequency, a sanction, a modal or a target
 * makes a rule, anything else is a result.
 */
function classify(ctx: Context, q: QuantityNorm, c: Cues, docType: DocType): { kind: 'obligation' | 'statistic'; reasons: string[]; target: boolean } {
  const o = ctx.rules.obligation;
  const reasons: string[] = [];
  const ruleDoc = RULE_DOCS.includes(docType);
  const modalBeforeQ = modalBefore(ctx, c.sentBefore);
  const modalAfterStrong = Boolean(modalBeforeQ && c.strong && modalBeforeQ.at > c.strong.index);
  if (ruleDoc) {
    const cues: [boolean, string][] = [
      [docType === 'rules', 'rules-document'], [c.per !== null, `per:${c.per?.word}`], [c.freq !== null, `frequency:${c.freq?.word}`],
      [c.sanction !== null, `sanction:${c.sanction?.word}`], [c.violation, 'violation-threshold'], [q.comparator !== 'eq', `comparator:${q.comparator}`],
      [modalBefore(ctx, c.sentText) !== null, 'modal'], [o['rule-cues'].some((w) => c.sentText.includes(w)), 'rule-cue'],
      [q.cmpWord !== null && ctx.rules.quantity.comparators.prefix.some((p) => p.word === q.cmpWord && p['rules-only']), `floor:${q.cmpWord}`],
    ];
    for (const [hit, why] of cues) if (hit) reasons.push(why);
    // 会议同意…主要预期目标：地区生产总值增长6%左右: an opinion's or a decision's figure under a target word is a target
    if (docType !== 'rules' && c.target && !c.strong && !c.violation) return { kind: 'obligation', reasons: [...reasons, 'target'], target: true };
    if (!reasons.length) return { kind: 'statistic', reasons: ['no-rule-cue'], target: false };
    // 累计不少于40学时: a comparator after the marker makes the total a floor the rule sets, not one reported
    const ruleAfterStrong = c.strong !== null && q.comparator !== 'eq' && q.cmpWord !== null && c.sentBefore.indexOf(q.cmpWord, c.strong.index) >= 0;
    if (c.strong && !c.violation && !modalAfterStrong && !ruleAfterStrong && !(c.per && c.per.at > c.strong.index)) {
      return { kind: 'statistic', reasons: [`report-marker:${c.strong[0]}`], target: false };
    }
    return { kind: 'obligation', reasons, target: false };
  }
  const reported = c.strong !== null && !modalAfterStrong;
  if (c.target && !c.stat) return { kind: 'obligation', reasons: ['target'], target: true };
  if (c.targetSection && !c.stat && !c.strong) return { kind: 'obligation', reasons: ['target-section'], target: true };
  // 代表建议办结率达到100%: in a plan, only a report marker (共, 已, 去年) makes a figure a result
  if (c.plan && !c.strong) return { kind: 'obligation', reasons: ['plan-document'], target: true };
  // 每人联系2至3名基层代表，全年走访代表460余人次: a per word of an earlier clause does not reach a clause that
  // states the period a figure covers (全年)
  const perReaches = c.per !== null && (c.per.at >= c.clause[0] - c.sent.span[0] || !patterns(ctx).period.test(c.clauseText));
  const perInReports = perReaches && o.per.find((x) => x.word === c.per!.word)?.['in-reports'] !== false;
  if (c.per && perInReports && !reported) reasons.push(`per:${c.per.word}`);
  // 全年新增城镇就业12.6万人: in a report, the period a figure covers is no frequency a rule sets
  if (c.freqInClause && !c.stat && !patterns(ctx).period.test(c.freq!.word)) reasons.push(`frequency:${c.freq!.word}`);
  if (c.sanction) reasons.push(`sanction:${c.sanction.word}`);
  // (因条件限制暂时不能解决的17件: a modal inside the 的-phrase that names what a figure counts is no rule)
  const counted = c.clauseBefore.endsWith(o['relative-marker']);
  if (modalBeforeQ && modalBeforeQ.at >= c.clause[0] - c.sent.span[0] && !c.stat && !counted) reasons.push(`modal:${modalBeforeQ.word}`);
  if (reasons.length) return { kind: 'obligation', reasons, target: false };
  return { kind: 'statistic', reasons: [c.stat ? 'statistic-cue' : c.strong ? `report-marker:${c.strong[0]}` : 'report'], target: false };
}

/** The lead-in of a list (…行使下列职权：) when the sentence is an item under it, within the same article. */
function leadInOf(ctx: Context, sentences: SentenceNorm[], si: number): SentenceNorm | null {
  const k = leadInIndex(ctx, sentences, si);
  return k < 0 ? null : sentences[k]!;
}

function leadInIndex(ctx: Context, sentences: SentenceNorm[], si: number): number {
  const p = patterns(ctx);
  const sent = sentences[si]!;
  // an article (第四条) is never an item of the list the article before it opens
  if (afterLabel(ctx, sent.span) === sent.span[0] || opensArticle(ctx, sent.span)) return -1;
  for (let k = si - 1; k >= 0 && k >= si - 30; k--) {
    const s = sentences[k]!;
    const text = ctx.norm.slice(s.span[0], s.span[1]);
    if (p.leadIn.test(text)) return k;
    if (afterLabel(ctx, s.span) === s.span[0] || opensArticle(ctx, s.span)) return -1;
  }
  return -1;
}

/** Whether a sentence opens with an article label (第十条), not an item label (（一）, 1.). */
function opensArticle(ctx: Context, span: Span): boolean {
  return headingPatterns(ctx.rules)['article-tiao'].test(ctx.norm.slice(span[0], Math.min(span[1], span[0] + 40)));
}

/**
 * The bearer a later sentence of the same article names for an act the rule's own sentence states: 代表建议、
 * 批评和意见的办理期限为三个月。…至迟不超过六个月答复代表。…承办单位应当在会议期间研究办理并答复代表 → 承办单位.
 * Only the acts of the pack's `shared-acts` count, and only the sentences of the same paragraph, before any label.
 */
function bearerOfSameAct(ctx: Context, input: FrameInput, si: number): Span | null {
  const acts = ctx.rules.obligation['shared-acts'];
  const own = ctx.norm.slice(...input.sentences[si]!.span);
  const mine = acts.filter((a) => own.includes(a));
  if (!mine.length) return null;
  for (let k = si + 1; k < input.sentences.length && k <= si + 3; k++) {
    const s = input.sentences[k]!;
    // another paragraph (…三个月内完成审查工作。\n有关专门委员会…对分送的规范性文件应当…) sets another rule
    if (afterLabel(ctx, s.span) !== s.span[0] || ctx.norm.slice(input.sentences[k - 1]!.span[1], s.span[0]).includes('\n')) break;
    const text = ctx.norm.slice(...s.span);
    if (!mine.some((a) => text.includes(a))) continue;
    const subj = actorOf(ctx, input.verbs, s.span, s.clauses, s.span[1], null, s.span[1]);
    if (subj) return subj;
  }
  return null;
}

/** Earlier sentences of the same article, nearest first (at most four), whose subject may carry over. */
function earlierInArticle(ctx: Context, sentences: SentenceNorm[], si: number): SentenceNorm[] {
  const out: SentenceNorm[] = [];
  if (afterLabel(ctx, sentences[si]!.span) !== sentences[si]!.span[0]) return out;
  // where the sentences cross a paragraph break, counted in `out`
  let paragraphStart = -1;
  for (let k = si - 1; k >= 0 && out.length < 4; k--) {
    const s = sentences[k]!;
    if (paragraphStart < 0 && ctx.norm.slice(s.span[1], sentences[k + 1]!.span[0]).includes('\n')) paragraphStart = out.length;
    out.push(s);
    // a labelled sentence opens the article: its paragraphs (款) share its subject
    if (afterLabel(ctx, s.span) !== s.span[0]) return out;
  }
  // no article label within reach (a review, a speech): the subject of another paragraph is another statement's
  return paragraphStart < 0 ? out : out.slice(0, paragraphStart);
}

/**
 * The sentences a rule's frame may read besides its own: the earlier sentences of its article (an actor
 * named before) and its lead-in (…行使下列职权：). Their verbs are known when a frame looks there.
 */
export function contextOf(ctx: Context, sentences: SentenceNorm[], si: number): SentenceNorm[] {
  const out = earlierInArticle(ctx, sentences, si);
  const lead = leadInIndex(ctx, sentences, si);
  if (lead >= 0) out.push(sentences[lead]!);
  return out;
}

function toQuantity(ctx: Context, q: QuantityNorm, measure: Quantity['measure']): Quantity {
  const span = ctx.map.toSource(q.norm);
  return {
    value: q.value, min: q.min, max: q.max, unit: q.unit, comparator: q.comparator, approx: q.approx,
    redacted: q.redacted, raw: ctx.text.slice(span[0], span[1]), span, ruleId: q.ruleId,
    measure, dimension: q.dimension, canonical: q.canonical,
  };
}

/**
 * Bind each quantity to its clause, classify it as a rule (obligation) or a report of what was done
 * (statistic) with its reasons, then fill the frame with slices of the source. Rules stated only by
 * frequency (每月安排…, 定期听取…) become obligations without a quantity.
 */
export function buildFrames(ctx: Context, input: FrameInput): { obligations: Obligation[]; statistics: Statistic[] } {
  const { period: statPeriod } = patterns(ctx);
  const norm = ctx.norm;
  const dupes = mergeSpans(input.boilerplate.filter((b) => b.reason === 'duplicate').map((b) => b.norm));
  const planDoc = input.title !== null && ctx.rules.obligation['target-titles'].some((w) => input.title!.includes(w));
  const obligations: Obligation[] = [];
  const statistics: Statistic[] = [];
  const usedClauses = new Set<number>();
  let prevStat: { sentence: number; metric: string | null; action: string | null; end: number } | null = null;

  for (let qi = 0; qi < input.quantities.length; qi++) {
    const q = input.quantities[qi]!;
    const si = indexOverlapping(input.sentences, [q.norm[0], q.norm[0] + 1], (x) => x.span);
    if (si < 0) continue;
    const sent = input.sentences[si]!;
    const c = cuesOf(ctx, q, si, sent, input.structure, input.quantities.slice(qi + 1, qi + 4), input.quantities[qi - 1], input.verbs, planDoc);
    usedClauses.add(c.clause[0]);
    const { kind, reasons, target } = classify(ctx, q, c, input.docType);
    const period = kind === 'obligation' && c.freq ? c.freq.period : null;
    const { measure } = measureOf(ctx, {
      q, before: c.clauseBefore, clause: c.clauseText, threshold: kind === 'obligation' && c.violation,
      near: norm.slice(Math.max(c.clause[0], q.norm[0] - 8), Math.min(c.clause[1], q.norm[1] + 10)),
      period: kind === 'obligation' && period !== null && period !== 'regular' && period !== 'occasion',
    });
    const quantity = toQuantity(ctx, q, measure);
    const srcClause = ctx.map.toSource(c.clause);
    const continues = continuedSentence(ctx, input.sentences, si);
    const base: Head = {
      text: ctx.text.slice(srcClause[0], srcClause[1]),
      span: srcClause,
      sentence: ctx.map.toSource(sent.span),
      article: articlePath(input.structure, quantity.span),
      topic: assignTopic(ctx.rules, [
        // (…五分之一以上组成人员联名，可以提出…的罢免案: a clause that only co-signs is read with its sentence, which
        // names what is co-signed)
        ...(coSigning(ctx, c) ? [] : [{ text: c.clauseText, focus: q.norm[0] - c.clause[0] }]),
        { text: c.sentText, focus: q.norm[0] - sent.span[0] },
        // (…一般为每年二十天；…一般为每年十五天: a sentence after a semicolon goes on with the one before)
        ...(continues ? [{ text: norm.slice(continues.span[0], continues.span[1]) }] : []),
      ]),
      reasons,
      duplicate: input.docType !== 'rules' && repeated(dupes, c.clause),
      quantity,
    };
    if (kind === 'obligation') {
      // a floor word (达到) read as eq in reports is a comparator in a rule
      const floor = q.comparator === 'eq' && q.cmpWord !== null ? ctx.rules.quantity.comparators.prefix.find((p) => p.word === q.cmpWord) : undefined;
      if (floor?.['rules-only']) quantity.comparator = floor.cmp;
      if (c.violation && quantity.comparator === 'eq') {
        // "两次不参加…者，劝其辞去": the count that triggers a sanction is a threshold
        quantity.comparator = 'gte';
        quantity.ruleId = 'quantity/violation-threshold';
      }
      obligations.push(fillObligation(ctx, input, q, c, target, period, `o-${quantity.span[0]}`, base));
    } else {
      const prevEnd = prevStat && prevStat.sentence === si ? prevStat.end : c.clause[0];
      const { metric, action } = statisticParts(ctx.rules, norm, input.tokens, c.clause, q, prevEnd);
      const sameList = prevStat && prevStat.sentence === si && pattern(ctx.rules, 'obligation/list-joiner').test(norm.slice(prevStat.end, q.norm[0]).replace(pattern(ctx.rules, 'obligation/list-joiner-skip'), ''));
      const pm = statPeriod.exec(c.sentText);
      // written out, not spread: an object literal of known shape is built far faster than a spread copy
      const st: Statistic = {
        id: `s-${quantity.span[0]}`,
        text: base.text, span: base.span, sentence: base.sentence, article: base.article, topic: base.topic,
        reasons: base.reasons, duplicate: base.duplicate, quantity: base.quantity,
        kind: 'statistic',
        metric: metric ?? (sameList ? prevStat!.metric : null),
        action: action ?? (sameList ? prevStat!.action : null),
        period: pm ? pm[1]! : null,
      };
      statistics.push(st);
      prevStat = { sentence: si, metric: st.metric, action: st.action, end: q.norm[1] };
    }
  }
  obligations.push(...frequencyOnlyRules(ctx, input, usedClauses, dupes));
  obligations.sort((a, b) => a.span[0] - b.span[0] || (a.quantity?.span[0] ?? 0) - (b.quantity?.span[0] ?? 0));
  return { obligations, statistics };
}

/** The sentence a sentence goes on from after its semicolon (…一般为每年二十天；…一般为每年十五天), if any. */
function continuedSentence(ctx: Context, sentences: SentenceNorm[], si: number): SentenceNorm | null {
  const prev = si > 0 ? sentences[si - 1]! : null;
  return prev && pattern(ctx.rules, 'obligation/semicolon-end').test(ctx.norm.slice(prev.span[0], prev.span[1])) ? prev : null;
}

/**
 * Whether a number's clause only co-signs (…十人以上联名，): what is co-signed is named elsewhere in its sentence
 * (…联名提出的议案 names it in the clause).
 */
function coSigning(ctx: Context, c: Cues): boolean {
  const rest = c.afterQ.replace(pattern(ctx.rules, 'obligation/trailing-punctuation'), '');
  return ctx.rules.obligation['co-signing-acts'].some((w) => rest.endsWith(w));
}

/** What an obligation and a statistic found at a number share. */
type Head = Pick<Obligation, 'text' | 'span' | 'sentence' | 'article' | 'topic' | 'reasons' | 'duplicate'> & { quantity: Quantity };

function fillObligation(ctx: Context, input: FrameInput, q: QuantityNorm, c: Cues, target: boolean, period: string | null, id: string, h: Head): Obligation {
  const o = ctx.rules.obligation;
  const s0 = c.sent.span[0];
  const lead = leadInOf(ctx, input.sentences, c.si);
  const leadIn = lead ? lead.span : null;
  const found = actorOf(ctx, input.verbs, c.sent.span, c.sent.clauses, q.norm[0], lead, q.norm[1], earlierInArticle(ctx, input.sentences, c.si), q.dimension === 'people' || q.dimension === 'share')
    ?? bearerOfSameAct(ctx, input, c.si);
  const actor = found && h.quantity.measure === 'size' ? bodyOfMembers(ctx, input, c, found) : found;
  const modal = c.modal;
  // an item of a list with no modal word of its own is bound as its lead-in says (…应当…报告：（一）…五亿元以上的…)
  const leadModal = !modal && leadIn ? modalBefore(ctx, ctx.norm.slice(leadIn[0], leadIn[1])) : null;
  // a binding statement without a modal word is a must in a rules document (过半数通过, 办理期限为三个月)
  const hedged = hedgedBefore(ctx, s0, q.norm[0]);
  // a hedged statement (一般为每年二十天) binds less than a plain one
  const modality: Obligation['modality'] = target ? 'target' : modal ? modal.modality : leadModal ? leadModal.modality : input.docType === 'rules' && !hedged ? 'must' : 'should';
  const cueAt = modal ? modal.at : null;
  // a bearer named in another sentence (before, or after for the same act) does not move where the act starts
  const ownActor = actor && actor[0] >= s0 && actor[1] <= c.sent.span[1] ? actor : null;
  const cueEnd = Math.max(
    afterLabel(ctx, c.sent.span), ownActor ? ownActor[1] : 0, modal && modal.at < q.numberAt ? modal.at + modal.word.length : 0,
    c.freq ? s0 + c.freq.at + c.freq.word.length : 0, c.per ? s0 + c.per.at + c.per.word.length : 0,
  );
  const timeLimit = q.dimension === 'time' && (q.comparator === 'lte' || q.comparator === 'gte' || q.comparator === 'lt');
  // a deadline may take its event from an earlier clause (自交办之日起三个月内办理完毕，涉及面广的，六个月内), unless its
  // clause names a bearer of its own (…在收到答复之日起十五日内提出，承办单位应当在一个月内再次答复: another act's
  // event); a duration only from its own (…在考核结束后三十日内通报，并公示，公示期不少于七日)
  const from = timeLimit ? startingEvent(ctx, input, c, q, h.quantity.measure) : null;
  const condition = conditionOf(ctx, c.sent.span, c.sent.clauses, q.norm[0]) ?? (c.violation ? c.clause : null);
  // （一）一年内无正当理由两次不出席…的； under 有下列情形之一的，由主任会议进行约谈： the item's sanction is the lead-in's
  const sanction = c.sanction ? sanctionOf(ctx, c.sent.clauses) : lead && isConditionClause(ctx, c.clauseText) ? sanctionOf(ctx, lead.clauses) : null;
  const action = actionOf(ctx, c.sent.clauses, c.clause, cueEnd);
  return {
    id, text: h.text, span: h.span, sentence: h.sentence, article: h.article, topic: h.topic, reasons: h.reasons, duplicate: h.duplicate, quantity: h.quantity,
    kind: 'obligation',
    actor: actor ? sliceOf(ctx, actor) : null,
    modality,
    hedged,
    cue: modal && cueAt !== null ? sliceOf(ctx, [cueAt, cueAt + modal.word.length]) : null,
    action: action ? sliceOf(ctx, action) : null,
    frequency: c.freq ? c.freq.word : null,
    period,
    per: c.per ? o.per.find((p) => p.word === c.per!.word)!.per : perPersonImplied(ctx, q, h.quantity.measure, c, actor, leadIn, () => input.verbs.of(c.sent.span, q.numberAt)) ? 'person' : null,
    from: from ? sliceOf(ctx, from) : null,
    condition: condition ? sliceOf(ctx, condition) : null,
    sanction: sanction ? sliceOf(ctx, sanction) : null,
  };
}

/**
 * 专门委员会由主任委员、副主任委员和委员组成，组成人员一般为九至十五人: the size of a body is the body's, not its
 * members', when a later clause counts the members of the body the sentence opens with.
 */
function bodyOfMembers(ctx: Context, input: FrameInput, c: Cues, actor: Span): Span {
  const members = (s: Span) => ctx.rules.obligation['member-heads'].some((h) => ctx.norm.startsWith(h, s[1] - h.length));
  const first = c.sent.clauses[0];
  if (!first || actor[0] < first[1] || !members(actor)) return actor;
  const body = actorOf(ctx, input.verbs, c.sent.span, c.sent.clauses, first[1] - 1, null, first[1] - 1);
  return body && body[1] <= first[1] && !members(body) ? body : actor;
}

/** The starting event of a time limit: in its sentence (fromOf), else for a longer limit the one it extends. */
function startingEvent(ctx: Context, input: FrameInput, c: Cues, q: QuantityNorm, measure: Quantity['measure']): Span | null {
  const s0 = c.sent.span[0];
  const ownClauseOnly = measure === 'duration' || (c.clause[0] > s0 && newBearerAt(ctx, c.clause[0], q.numberAt, () => input.verbs.of(c.sent.span, q.numberAt)));
  return fromOf(ctx, c.clause[0], q.numberAt, ownClauseOnly ? c.clause[0] : s0) ?? (measure === 'deadline' ? openingEvent(ctx, c) : null) ??
    extendedFrom(ctx, input.sentences, c, q, ownClauseOnly);
}

/**
 * 审议意见书送达后，有关机关应当在两个月内研究处理: a sentence that opens with a time clause of an event (…后，) times
 * the act of the main clause, which names its own bearer.
 */
function openingEvent(ctx: Context, c: Cues): Span | null {
  const first = c.sent.clauses[0];
  if (!first || first[1] > c.clause[0]) return null;
  const begin = afterLabel(ctx, first);
  const text = ctx.norm.slice(begin, first[1]).replace(pattern(ctx.rules, 'obligation/trailing-punctuation'), '');
  if (!ctx.rules.obligation['event-clause-endings'].some((w) => text.endsWith(w))) return null;
  return fromOf(ctx, begin, begin + text.length, begin);
}

/**
 * The starting event of a longer limit stated after a semicolon (承办单位应当自交办之日起三个月内办理完毕；涉及面广的，
 * 应当在六个月内办理完毕): the event of the sentence it continues, when it names none and no bearer of its own. An
 * extension (可以延长一个月) runs from the first limit's end, not from its event.
 */
function extendedFrom(ctx: Context, sentences: SentenceNorm[], c: Cues, q: QuantityNorm, ownClauseOnly: boolean): Span | null {
  if (ownClauseOnly || q.comparator !== 'lte' || afterLabel(ctx, c.sent.span) !== c.sent.span[0]) return null;
  const prev = continuedSentence(ctx, sentences, c.si);
  return prev ? fromOf(ctx, prev.span[0], prev.span[1], prev.span[0]) : null;
}

/**
 * A count or frequency that members bear one by one (常委会组成人员…每年至少进站1次): per person with no 每人. Not a
 * threshold that sets off a sanction, and not when the act is the body's (召开会议, 联名).
 */
function perPersonImplied(ctx: Context, q: QuantityNorm, measure: string, c: Cues, actor: Span | null, leadIn: Span | null, verbs: () => readonly number[]): boolean {
  const o = ctx.rules.obligation;
  // a bearer taken from another sentence is too far to say how the number is shared, but for the lead-in of a
  // list of duties (组成人员应当履行下列职责：（二）每年至少参加两次…); 主席团成员七人至十三人, the size of a
  // body, is not counted per member
  const near = actor !== null && ((actor[0] >= c.sent.span[0] && actor[1] <= c.sent.span[1]) || (leadIn !== null && actor[0] >= leadIn[0] && actor[1] <= leadIn[1]));
  if (!actor || !near || c.violation || (q.dimension !== 'count' && q.dimension !== 'people') || measure === 'size') return false;
  const bearer = ctx.norm.slice(actor[0], actor[1]);
  if (!o['per-person-heads'].some((h) => bearer.endsWith(h))) return false;
  // people counted are per person only when a verb stands between the bearer and them (联系2名基层代表); with
  // none, the number counts the bearers themselves (提出议案的代表不足十人, 代表总数在四十人以下)
  if (q.dimension === 'people' && !verbs().some((v) => v >= actor[1] && v < q.numberAt)) return false;
  return !o['collective-acts'].some((w) => c.clauseText.includes(w));
}

/** Rules that set a period but no number: 常委会驻会副主任每月安排接待代表活动, 定期向原选区选民报告. */
function frequencyOnlyRules(ctx: Context, input: FrameInput, usedClauses: Set<number>, dupes: Span[]): Obligation[] {
  const o = ctx.rules.obligation;
  const norm = ctx.norm;
  const ruleDoc = RULE_DOCS.includes(input.docType);
  const periodWords = wordsOf(o.frequency, (f) => f.period !== 'occasion');
  const out: Obligation[] = [];
  // most clauses name no period at all: find the candidates' positions once, then look only there
  const hits: number[] = [];
  for (const re of [reFor(periodWords), everyRe(ctx)]) for (const m of norm.matchAll(re)) hits.push(m.index!);
  hits.sort((a, b) => a - b);
  let hp = 0;
  const found: { si: number; clause: Span; text: string; freq: { word: string; at: number; period: string }; modal: ReturnType<typeof nearestModal>; actStart: number }[] = [];
  for (let si = 0; si < input.sentences.length; si++) {
    const sent = input.sentences[si]!;
    for (const clause of sent.clauses) {
      while (hp < hits.length && hits[hp]! < clause[0]) hp++;
      if (hp >= hits.length || hits[hp]! >= clause[1]) continue;
      if (usedClauses.has(clause[0]) || input.excluded.some((e) => overlaps(e, clause))) continue;
      const text = norm.slice(clause[0], clause[1]);
      let freq = frequencyBefore(ctx, text, periodWords);
      // 任期同本级人民代表大会每届任期相同: a term's length is set elsewhere (每届任期五年 is a quantity), not a period
      if (!freq || o['not-periods'].some((w) => text.startsWith(w, freq!.at))) continue;
      // 于每年十二月底前…报告全年工作情况: the 每 word of the same period says how often; 全年 says what is reported
      const every = freq.word.startsWith(o['every-word']) ? null : frequencyBefore(ctx, text.slice(0, freq.at), periodWords);
      if (every && every.word.startsWith(o['every-word']) && every.period === freq.period) freq = every;
      const modal = nearestModal(ctx, [sent.span[0], clause[1]], [clause[1], sent.span[1]]);
      if (!ruleDoc && !modal) continue;
      const trailing = pattern(ctx.rules, 'obligation/trailing-punctuation');
      const rest = text.slice(freq.at + freq.word.length).replace(trailing, '');
      // 每月安排接待代表活动: the act follows the period word; 负责制定小组年度活动计划: it comes before
      const actStart = rest.length >= 2 ? freq.at + freq.word.length : 0;
      if (text.replace(freq.word, '').replace(trailing, '').length < 2) continue;
      // 全年未提出任何建议的，由…约谈: a breach a sanction follows is no rule of its own
      if (isConditionClause(ctx, text) && breachIn(ctx, text)) continue;
      found.push({ si, clause, text, freq, modal, actStart });
    }
  }
  // the rules' sentences are segmented whatever the actor search reads (compare reads the rule's words), so
  // all at once: one call to jieba instead of one per rule
  input.verbs.prepare(found.map((f) => input.sentences[f.si]!.span));
  for (const { si, clause, text, freq, modal, actStart } of found) {
    const sent = input.sentences[si]!;
    const at = clause[0] + freq.at;
    const actor = actorOf(ctx, input.verbs, sent.span, sent.clauses, at, leadInOf(ctx, input.sentences, si), at, earlierInArticle(ctx, input.sentences, si));
    const srcClause = ctx.map.toSource(clause);
    const cueAt = modal ? modal.at : null;
    const action = sliceOf(ctx, [clause[0] + actStart, clause[1]]);
    out.push({
      id: `o-${srcClause[0]}`,
      text: ctx.text.slice(srcClause[0], srcClause[1]),
      span: srcClause,
      sentence: ctx.map.toSource(sent.span),
      article: articlePath(input.structure, srcClause),
      topic: assignTopic(ctx.rules, [{ text }, { text: norm.slice(sent.span[0], sent.span[1]) }]),
      reasons: [`frequency-only:${freq.word}`],
      duplicate: input.docType !== 'rules' && repeated(dupes, clause),
      quantity: null,
      kind: 'obligation',
      actor: actor ? sliceOf(ctx, actor) : null,
      modality: modal ? modal.modality : input.docType === 'rules' ? 'must' : 'should',
      hedged: hedgedBefore(ctx, sent.span[0], clause[1]),
      cue: modal && cueAt !== null ? sliceOf(ctx, [cueAt, cueAt + modal.word.length]) : null,
      action,
      frequency: freq.word,
      period: freq.period,
      per: null,
      from: null,
      condition: null,
      sanction: null,
    });
  }
  return out;
}
