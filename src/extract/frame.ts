import type { Context } from '../core/context.js';
import { indexOverlapping, overlaps, type Span } from '../core/span.js';
import type { BoilerplateNorm } from '../boilerplate/index.js';
import type { Token } from '../segment/index.js';
import { articlePath } from '../structure/index.js';
import type { DocType, Obligation, Quantity, Section, Statistic } from '../schema/document.js';
import type { QuantityNorm } from './quantity.js';
import { assignTopic } from './topic.js';
import { firstOf, frequencyBefore, lastOf, modalBefore, wordsOf } from './cues.js';
import { statisticParts } from './statistic-parts.js';

interface SentenceNorm { span: Span; clauses: Span[] }

const RULE_DOCS: DocType[] = ['opinion', 'decision', 'rules'];
const patternCache = new WeakMap<object, { report: RegExp; period: RegExp; head: RegExp; tail: RegExp; statCue: RegExp }>();
/** The pack's sentence-level patterns, compiled once per pack. */
function patterns(ctx: Context) {
  const o = ctx.rules.obligation;
  let p = patternCache.get(o);
  if (!p) {
    p = {
      report: new RegExp(o['report-markers'], 'u'), period: new RegExp(o['statistic-period'], 'u'),
      head: new RegExp(o['action-strip-head'], 'u'), tail: new RegExp(o['action-strip-tail'], 'u'),
      // 了 marks a report except in 了解
      statCue: new RegExp(o['statistic-cues'].map((w) => (w === '了' ? '了(?!解)' : w)).join('|'), 'u'),
    };
    patternCache.set(o, p);
  }
  return p;
}

function toQuantity(ctx: Context, q: QuantityNorm): Quantity {
  const span = ctx.map.toSource(q.norm);
  return {
    value: q.value, min: q.min, max: q.max, unit: q.unit, comparator: q.comparator, approx: q.approx,
    redacted: q.redacted, raw: ctx.text.slice(span[0], span[1]), span, ruleId: q.ruleId,
  };
}

const within = (s: Span, at: number) => s[0] <= at && at < s[1];


export interface FrameInput {
  quantities: QuantityNorm[];
  sentences: SentenceNorm[];
  tokens: Token[];
  boilerplate: BoilerplateNorm[];
  structure: Section[];
  docType: DocType;
  excluded: Span[];
}

/**
 * Bind each quantity to its clause and read it as a rule (obligation) or a report of what was done
 * (statistic), filling the frame from the pack's cue words. Rules stated only by frequency (每月安排…)
 * become obligations without a quantity.
 */
export function buildFrames(ctx: Context, input: FrameInput): { obligations: Obligation[]; statistics: Statistic[] } {
  const o = ctx.rules.obligation;
  const { report: reportMarker, period: statPeriod, head: stripHead, tail: stripTail, statCue } = patterns(ctx);
  const norm = ctx.norm;
  const ruleDoc = RULE_DOCS.includes(input.docType);
  const dupes = input.boilerplate.filter((b) => b.reason === 'duplicate').map((b) => b.norm);
  const obligations: Obligation[] = [];
  const statistics: Statistic[] = [];
  const usedClauses = new Set<number>();
  const freqWords = wordsOf(o.frequency);
  const perWords = wordsOf(o.per);
  const everyFreqWords = wordsOf(o.frequency, (f) => f.word.startsWith('每') && f.period !== 'occasion');
  let prevStat: { sentence: number; metric: string | null; action: string | null; end: number } | null = null;

  for (const q of input.quantities) {
    const si = indexOverlapping(input.sentences, [q.norm[0], q.norm[0] + 1], (x) => x.span);
    if (si < 0) continue;
    const sent = input.sentences[si]!;
    const clause = sent.clauses.find((c) => within(c, q.norm[0])) ?? sent.span;
    usedClauses.add(clause[0]);
    const sentBefore = norm.slice(sent.span[0], q.numberAt);
    const clauseBefore = norm.slice(clause[0], q.numberAt);
    const clauseText = norm.slice(clause[0], clause[1]);
    const sentText = norm.slice(sent.span[0], sent.span[1]);
    const afterQ = norm.slice(q.norm[1], clause[1]);
    const per = lastOf(sentBefore, perWords);
    // "在3个月内": a time limit, not a count per period, so no frequency applies to it
    const deadline = /^(?:内|以内|之内)/u.test(afterQ);
    const freqFound = deadline ? null : frequencyBefore(ctx, sentBefore, freqWords);
    // "定期走访…，每位组成人员固定联系5名": a vague 定期/每次 before a new 每位 subject does not carry over
    const vague = freqFound !== null && (freqFound.period === 'regular' || freqFound.period === 'occasion');
    const freq = freqFound && vague && per && per.at > freqFound.at ? null : freqFound;
    // a frequency word makes a rule only in its own clause; 每人 governs the clauses after it too
    const freqInClause = freq !== null && freq.at >= clause[0] - sent.span[0];
    const modal = modalBefore(ctx, sentBefore);
    const sanction = firstOf(sentText, o.sanctions);
    const violationZone = afterQ.slice(0, o['violation-reach'] + 3);
    // "两次不参加…的" and "请假累计超过3次的": a count of violations that sets off a consequence
    const conditional = /的[,，]?$/u.test(clauseText) || sanction !== null;
    const violation = o['violation-counts'].some((w) => violationZone.includes(w)) ||
      (conditional && o['violation-counts'].some((w) => clauseBefore.includes(w)));
    const stat = statCue.test(clauseBefore);
    // in a rule document a report marker (去年, 五年来, 共…) earlier in the sentence makes a statistic,
    // unless a rule cue comes after it
    const strong = reportMarker.exec(sentBefore);
    // a number in a rule document is a rule only where the sentence states one (两次视察北京 reports a fact)
    const ruleCue = ruleDoc && Boolean(per || freq || sanction || violation || q.comparator !== 'eq' || modalBefore(ctx, sentText) ||
      o['rule-cues'].some((w) => sentText.includes(w)));
    // in a report, 二季度以来…人均调研5天 is a result; a per-person figure is a rule only without such a marker
    const reported = strong !== null && !(modal && modal.at > strong.index);
    const isObligation = ruleDoc
      ? ruleCue && (!strong || violation || Boolean((modal && modal.at > strong.index) || (per && per.at > strong.index)))
      : Boolean((per && !reported) || (freqInClause && !stat) || sanction || (modal && modal.at >= clause[0] - sent.span[0] && !stat));
    const srcClause = ctx.map.toSource(clause);
    const srcSentence = ctx.map.toSource(sent.span);
    const quantity = toQuantity(ctx, q);
    const base = {
      id: '',
      text: ctx.text.slice(srcClause[0], srcClause[1]),
      span: srcClause,
      sentence: srcSentence,
      article: articlePath(input.structure, quantity.span),
      topic: assignTopic(ctx.rules, [
        { text: clauseText, focus: q.norm[0] - clause[0] },
        { text: sentText, focus: q.norm[0] - sent.span[0] },
      ]),
      duplicate: dupes.some((d) => within(d, q.norm[0])),
      quantity,
    };
    if (isObligation) {
      if (violation && quantity.comparator === 'eq') {
        // "两次不参加…者，劝其辞去": the count that triggers a sanction is a threshold
        quantity.comparator = 'gte';
        quantity.ruleId = 'quantity/violation-threshold';
      }
      // the actor is named before the rule's cue words (常委会组成人员 | 每人每年 | 联系代表…)
      const cueStart = Math.min(...[per, freq, modal].filter((c) => c !== null).map((c) => c!.at), sentBefore.length);
      const actor = lastOf(sentBefore.slice(0, cueStart), o.actors);
      const cond = firstOf(sentBefore, o.conditions);
      const cueEnd = Math.max(per ? per.at + per.word.length : 0, freq ? freq.at + freq.word.length : 0,
        actor ? actor.at + actor.word.length : 0, modal ? modal.at + modal.word.length : 0, clause[0] - sent.span[0]);
      let pre = sentBefore.slice(Math.min(cueEnd, sentBefore.length));
      for (const c of ctx.rules.quantity.comparators.prefix) pre = pre.replace(c.word, '');
      const post = afterQ.replace(/^(?:\([^)]*\))/u, '').replace(/[,，;；。:：、].*$/u, '').slice(0, 16);
      const action = (pre.replace(/^\s*\d+[.、]/u, '').replace(stripHead, '').replace(stripTail, '') + post).replace(/[,，;；。:：]+$/u, '').trim() || null;
      obligations.push({
        ...base,
        id: `o-${quantity.span[0]}`,
        kind: 'obligation',
        actor: actor ? actor.word.replace(/^每个/u, '') : null,
        modality: modal ? modal.modality : 'should',
        cue: modal ? modal.word : null,
        action,
        frequency: freq ? freq.word : null,
        period: freq ? freq.period : null,
        per: per ? o.per.find((p) => p.word === per.word)!.per : null,
        condition: cond ? sentBefore.slice(cond.at).replace(/[,，]$/u, '') : violation ? clauseText.replace(/[,，]$/u, '') : null,
        // the whole clause that states the consequence: 由主任会议进行约谈, not just 进行约谈
        sanction: sanction ? sentText.slice(Math.max(0, ...[',', '，', '；', ';'].map((p) => sentText.lastIndexOf(p, sanction.at) + 1))).replace(/[。；;]$/u, '') : null,
      });
    } else {
      const prevEnd = prevStat && prevStat.sentence === si ? prevStat.end : clause[0];
      const { metric, action } = statisticParts(norm, input.tokens, clause, q, prevEnd);
      const sameList = prevStat && prevStat.sentence === si && /^[、和及与]/u.test(norm.slice(prevStat.end, q.norm[0]).replace(/^[^、和及与]*/u, '')) ;
      const pm = statPeriod.exec(sentText);
      const st: Statistic = {
        ...base,
        id: `s-${quantity.span[0]}`,
        kind: 'statistic',
        metric: metric ?? (sameList ? prevStat!.metric : null),
        action: action ?? (sameList ? prevStat!.action : null),
        period: pm ? pm[1]! : null,
      };
      statistics.push(st);
      prevStat = { sentence: si, metric: st.metric, action: st.action, end: q.norm[1] };
    }
  }

  // rules that set a frequency but no number: 常委会驻会副主任每月安排接待代表活动
  const excluded = input.excluded;
  const meiAt: number[] = [];
  for (let i = norm.indexOf('每'); i >= 0; i = norm.indexOf('每', i + 1)) meiAt.push(i);
  let mp = 0;
  for (const sent of input.sentences) {
    for (const clause of sent.clauses) {
      // most clauses have no 每 at all: look it up in the sorted positions before slicing anything
      while (mp < meiAt.length && meiAt[mp]! < clause[0]) mp++;
      if (mp >= meiAt.length || meiAt[mp]! >= clause[1]) continue;
      if (usedClauses.has(clause[0]) || excluded.some((e) => overlaps(e, clause))) continue;
      const text = norm.slice(clause[0], clause[1]);
      // only a real period makes a frequency rule (每次 and 定期 say when, not how often)
      const freq = frequencyBefore(ctx, text, everyFreqWords);
      if (!freq) continue;
      const sentBefore = norm.slice(sent.span[0], clause[1]);
      const modal = modalBefore(ctx, sentBefore);
      if (!ruleDoc && !modal) continue;
      const rest = text.slice(freq.at + freq.word.length).replace(/[,，;；。:：]+$/u, '');
      if (rest.length < 2) continue;
      const actor = lastOf(norm.slice(sent.span[0], clause[0] + freq.at), o.actors);
      const srcClause = ctx.map.toSource(clause);
      obligations.push({
        id: `o-${srcClause[0]}`,
        text: ctx.text.slice(srcClause[0], srcClause[1]),
        span: srcClause,
        sentence: ctx.map.toSource(sent.span),
        article: articlePath(input.structure, srcClause),
        topic: assignTopic(ctx.rules, [{ text }, { text: norm.slice(sent.span[0], sent.span[1]) }]),
        duplicate: dupes.some((d) => within(d, clause[0])),
        quantity: null,
        kind: 'obligation',
        actor: actor ? actor.word : null,
        modality: modal ? modal.modality : 'should',
        cue: modal ? modal.word : null,
        action: rest.replace(stripHead, '') || null,
        frequency: freq.word,
        period: freq.period,
        per: null,
        condition: null,
        sanction: null,
      });
    }
  }
  obligations.sort((a, b) => a.span[0] - b.span[0] || (a.quantity?.span[0] ?? 0) - (b.quantity?.span[0] ?? 0));
  return { obligations, statistics };
}
