import { pattern, type Matter, type Rules } from '../packs/index.js';
import { alsoMatters, matchMatter } from '../packs/matter-match.js';
import { lowerBound, type Span } from '../core/span.js';
import type { Obligation } from '../schema/document.js';
import type { MatterCell, MatterRow } from '../schema/compare.js';
import { quantityText } from '../render/quantity-text.js';
import { cosine, dotDense, PrefixIndex, sumOf, tfidf } from './vectors.js';
import { DENSE_MAX } from './similarity.js';
import type { CompareInput } from './types.js';
import type { Token } from '../segment/index.js';

/** Rules of several documents in one row: a matter of the lexicon, or rules grouped by similarity. */
interface Group { key: string; items: Item[]; matter: Matter | null; reasons: string[]; docs: Set<number> }

/** One obligation as compare sees it: its document, the words around it and the keys it aligns on. */
interface Item {
  doc: number;
  o: Obligation;
  measure: string;
  /** what its number can be ordered on: the canonical unit (day, month, person, share …) or its dimension */
  family: string;
  window: string;
  tokens: string[];
  scope: string | null;
  /** who or what the number counts (十人以上代表 → 代表, 五分之一以上组成人员 → 组成人员) */
  counted: string | null;
  matter: Matter | null;
}

const DIRECTION: Record<string, 'more' | 'less' | 'neutral'> = {
  deadline: 'less', 'lead-time': 'more', frequency: 'more', duration: 'neutral', count: 'neutral', share: 'neutral', size: 'neutral', term: 'neutral', money: 'neutral', percent: 'neutral', rate: 'neutral', other: 'neutral',
};

/**
 * The words an item is matched on, in the normalised view: its own stretch of the sentence (after the clause
 * of an earlier number, up to its own clause, and the next clause when its own has no act after the number),
 * preceded by the sentence before it when a semicolon joins them (对不属于…的，…说明情况；闭会期间，应当在…五日内);
 * `continued`: the same with that sentence before it when it holds a number of its own.
 */
function windowOf(d: CompareInput, o: Obligation): { text: string; continued: string | null } {
  const ctx = d.analysis.ctx;
  const norm = ctx.norm;
  const sentences = d.analysis.sentences;
  const sAt = ctx.map.fromSource(o.sentence)[0];
  // sentences are sorted: a binary search, not a scan per rule (a long document has tens of thousands)
  const lb = lowerBound(sentences, sAt, (x) => x.span[0]);
  const si = lb < sentences.length && sentences[lb]!.span[0] === sAt ? lb : -1;
  const sent = sentences[si];
  const qAt = o.quantity ? ctx.map.fromSource(o.quantity.span) : ctx.map.fromSource(o.span);
  if (!sent) return { text: norm.slice(...ctx.map.fromSource(o.sentence)), continued: null };
  const clauses = sent.clauses;
  const own = clauses.findIndex((c) => c[0] <= qAt[0] && qAt[0] < c[1]);
  const rules = ctx.rules;
  const numberRe = pattern(rules, 'compare/number-clause');
  const closed = pattern(rules, 'obligation/condition-clause-end');
  let start = sent.span[0];
  // an earlier number's clause (a share too: …三分之二以上…出席，…由全体成员的过半数通过) ends the stretch, unless it is
  // only a condition (确实不能在三个月内办理完毕的)
  const anyNumber = pattern(rules, 'compare/number-any');
  for (let k = 0; k < own; k++) {
    const t = norm.slice(...clauses[k]!);
    if (anyNumber.test(t) && !closed.test(t) && !continuedBy(rules, norm, clauses, k, own)) start = clauses[k]![1];
  }
  let end = own >= 0 ? clauses[own]![1] : qAt[1];
  const after = norm.slice(qAt[1], end).replace(pattern(rules, 'obligation/trailing-punctuation'), '');
  const next = own >= 0 ? clauses[own + 1] : undefined;
  if (next && after.length < 2 && !numberRe.test(norm.slice(...next))) end = next[1];
  let text = norm.slice(start, end);
  // (代表小组…，推选召集人一至二名，每年活动不少于三次: a stretch cut after an earlier number keeps the rule's bearer)
  if (start > sent.span[0] && o.actor && ctx.map.fromSource(o.actor.span)[1] <= start) text = o.actor.text + text;
  if (own >= 0 && !pattern(rules, 'compare/modal-word').test(norm.slice(clauses[own]![0], end))) text += predicateAfter(rules, norm, clauses, own, end);
  const prev = sentences[si - 1];
  if (prev && start === sent.span[0]) {
    const p = prev.span;
    const gap = norm.slice(p[1] - 1, start);
    // a sentence with a number of its own (…须获得全体代表过半数的选票，始得当选；…由全体代表的过半数通过) is another rule's
    if (pattern(rules, 'compare/semicolon-start').test(gap) && !gap.includes('\n')) {
      if (!anyNumber.test(norm.slice(...p))) text = norm.slice(p[0], p[1]) + text;
      else return { text, continued: norm.slice(p[0], p[1]) + text };
    }
  }
  return { text, continued: null };
}

/** Whether the rule of clause `k` goes on into clause `own`: an alternative (或者…), or the same act at another time (在…期间，…). */
function continuedBy(rules: Rules, norm: string, clauses: Span[], k: number, own: number): boolean {
  const between = clauses.slice(k + 1, own).map((c) => norm.slice(...c));
  if (!between.length) return pattern(rules, 'compare/alternative-opens').test(norm.slice(...clauses[own]!));
  return between.every((t) => pattern(rules, 'compare/scope-clause').test(t));
}

/**
 * The predicate of a number's clause that has no modal word (十分之一以上代表联名，有权提出对……的罢免案): the
 * first later clause that has one (…联名，对列入会议议程的议案…可以提出修正案), past parallel subjects with numbers of their own (市…十人以上联名，
 * 乡、镇…五人以上联名，有权提出…议案), through the sentence's end (。；), the next number or the next act (…议案，由主席团
 * 决定…); '' if none.
 * Only the text after `from` is returned, so a parallel subject (and its level) never joins the window.
 */
function predicateAfter(rules: Rules, norm: string, clauses: Span[], own: number, from: number): string {
  const numberRe = pattern(rules, 'compare/number-any');
  const modal = pattern(rules, 'compare/modal-word');
  const textOf = (k: number) => norm.slice(...clauses[k]!);
  let k = own + 1;
  while (k < clauses.length && numberRe.test(textOf(k)) && !modal.test(textOf(k))) k++;
  if (k >= clauses.length || !modal.test(textOf(k)) || numberRe.test(textOf(k))) return '';
  let e = k;
  const nextAct = pattern(rules, 'compare/next-act');
  while (e + 1 < clauses.length && !numberRe.test(textOf(e + 1)) && !nextAct.test(textOf(e + 1))) e++;
  return norm.slice(Math.max(from, clauses[k]![0]), clauses[e]![1]);
}

/** The words of a rule's sentence its matter is matched on: no numbers, punctuation, single characters or stop words. */
export const isMatterWord = (rules: Rules, t: Token) => !(t.tag === 'mq' || t.tag === 'm' || t.tag === 'x' || t.word.length < 2 || rules.stopwords.has(t.word));

function tokensOf(rules: Rules, d: CompareInput, o: Obligation): string[] {
  const ctx = d.analysis.ctx;
  const [a, b] = ctx.map.fromSource(o.sentence);
  const out: string[] = [];
  for (const t of d.analysis.tokens) {
    if (t.span[1] <= a) continue;
    if (t.span[0] >= b) break;
    if (isMatterWord(rules, t)) out.push(t.word);
  }
  return out;
}

/**
 * A number that only restates a limit inside a condition (确实不能在三个月内办理完毕的，…六个月内) sets no
 * rule of its own; a count of violations that triggers a sanction does.
 */
const restatedInCondition = (o: Obligation) => o.quantity !== null && o.condition !== null && o.quantity.ruleId !== 'quantity/violation-threshold' &&
  o.condition.span[0] <= o.quantity.span[0] && o.quantity.span[1] <= o.condition.span[1] && o.quantity.measure === 'deadline';

/** The actor head right after a number of people or a share (十分之一以上的代表 → 代表). */
function countedOf(rules: Rules, d: CompareInput, o: Obligation): string | null {
  const q = o.quantity;
  if (!q || (q.dimension !== 'people' && q.dimension !== 'share' && q.dimension !== 'count')) return null;
  const ctx = d.analysis.ctx;
  const end = ctx.map.fromSource(q.span)[1];
  const after = ctx.norm.slice(end, end + 8).replace(pattern(rules, 'obligation/linking-de'), '');
  let best: string | null = null;
  for (const h of rules.obligation['actor-heads']) if (after.startsWith(h) && (!best || h.length > best.length)) best = h;
  return best;
}

function familyOf(o: Obligation): string {
  const q = o.quantity;
  if (!q) return `period:${o.period ?? ''}`;
  const c = q.canonical?.unit ?? '';
  if (q.dimension === 'time') return 'time';
  return `${q.dimension}:${c}`;
}

/** A cell: the rule in full, in the document's words and in canonical units. */
export function cellOf(o: Obligation, d: CompareInput): MatterCell {
  const q = o.quantity;
  const bits = [q ? quantityText(q) : `${o.frequency ?? ''} (frequency only)`];
  // 每两个月 → 2-month → "/ 2 month"
  if (q && o.period) bits[0] += ` / ${o.period.replace(/^(\d+)-(.*)$/, '$1 $2')}`;
  if (o.from) bits.push(o.from.text);
  const normal = bits.join(' ');
  const flags = [o.modality + (o.hedged ? ', hedged' : '')];
  if (o.condition) flags.push(`if ${o.condition.text}`);
  if (o.sanction) flags.push(`→ ${o.sanction.text}`);
  const full = `${normal} (${flags.join('; ')})${o.article ? ` ${o.article.split('.').pop()}` : ''}`;
  // the pack's scale (extractors/compare/scales.yaml): 3 个月, 90 日 and 60 个工作日 ordered in days
  const inDays = d.analysis.ctx.rules.scales.days;
  const days = q?.canonical && q.dimension === 'time' && inDays[q.canonical.unit] !== undefined
    ? (v: number | null) => (v === null ? null : Math.round(v * inDays[q.canonical!.unit]! * 100) / 100)
    : null;
  return {
    document: d.info.id,
    normal,
    full,
    measure: q?.measure ?? null,
    comparator: q?.comparator ?? null,
    value: q?.value ?? null, min: q?.min ?? null, max: q?.max ?? null, unit: q?.unit ?? null,
    canonical: q?.canonical ?? null,
    days: days && q ? (q.comparator === 'range' ? days(q.min) : days(q.value)) : null,
    period: o.period, from: o.from?.text ?? null, modality: o.modality, hedged: o.hedged,
    condition: o.condition?.text ?? null, sanction: o.sanction?.text ?? null, article: o.article,
    mark: null,
    obligation: o,
  };
}

/** A frequency with a period is ordered as times per year: ≥1 次 / 2 month → 6; 定期 and 每次 have no rate. */
function perYear(rules: Rules, c: MatterCell): number | null {
  const m = /^(?:(\d+)-)?([a-z-]+)$/.exec(c.period ?? '');
  const years = m ? rules.scales.years[m[2]!] : undefined;
  const v = c.canonical?.value ?? c.canonical?.min ?? null;
  if (!m || years === undefined || v === null) return null;
  return Math.round((v / (Number(m[1] ?? 1) * years)) * 100) / 100;
}
const isRate = (c: MatterCell) => c.measure === 'frequency' && c.period !== null;

/** The number of a cell on the common scale of its row: days for time, times per year for a frequency, else the canonical value. */
const scaleOf = (rules: Rules, c: MatterCell): number | null => (isRate(c) ? perYear(rules, c) : c.days ?? c.canonical?.value ?? c.canonical?.min ?? null);
const scaleUnitOf = (c: MatterCell): string => (isRate(c) ? `${c.canonical?.unit ?? ''}/year` : c.days !== null ? 'day' : c.canonical?.unit ?? '');

const labelOf = (docs: CompareInput[], id: string) => docs.find((d) => d.info.id === id)?.info.label ?? id;

function spreadOf(rules: Rules, cells: MatterCell[], docs: CompareInput[], measure: string | null, direction: 'more' | 'less' | 'neutral'): MatterRow['spread'] {
  const collect = (valueOf: (c: MatterCell) => number | null, unitOf: (c: MatterCell) => string) => {
    const byDoc = new Map<string, number[]>();
    const units = new Set<string>();
    for (const c of cells) {
      const v = valueOf(c);
      if (v === null) continue;
      units.add(unitOf(c));
      byDoc.set(c.document, [...(byDoc.get(c.document) ?? []), v]);
    }
    return { byDoc, units };
  };
  let valueOf = (c: MatterCell) => scaleOf(rules, c);
  let { byDoc, units } = collect(valueOf, scaleUnitOf);
  // time limits all in one unit (分钟, 个工作日) are ordered in that unit; mixed ones in days
  const canon = new Set(cells.filter((c) => scaleOf(rules, c) !== null).map((c) => c.canonical?.unit));
  if (units.size === 1 && units.has('day') && canon.size === 1 && [...canon][0] !== 'day') {
    valueOf = (c) => c.canonical?.value ?? c.canonical?.min ?? null;
    ({ byDoc, units } = collect(valueOf, (c) => c.canonical!.unit));
  }
  // a matter whose cells disagree in unit dimension has no spread
  if (byDoc.size < 2 || units.size !== 1) return null;
  if (cells.some((c) => c.comparator === 'range')) return rangeSpread(cells, docs, [...units][0]!, valueOf);
  const per = [...byDoc.entries()].map(([id, vs]) => [id, direction === 'less' ? Math.min(...vs) : Math.max(...vs)] as const);
  const vals = per.map((p) => p[1]);
  const min = Math.min(...vals);
  const max = Math.max(...vals);
  const label = (id: string) => labelOf(docs, id);
  const at = (v: number) => per.filter((p) => p[1] === v).map((p) => p[0]);
  const demanding = direction === 'neutral' || min === max ? null : direction === 'less' ? at(min) : at(max);
  const unit = [...units][0]!;
  let note: string;
  if (min === max) note = `${min} ${unit} everywhere`;
  else if (direction === 'neutral') note = `${min}–${max} ${unit}: highest ${at(max).map(label).join(', ')}, lowest ${at(min).map(label).join(', ')}`;
  else note = `${min}–${max} ${unit}: most demanding ${demanding!.map(label).join(', ')} (${direction === 'less' ? 'shorter' : 'higher'} ${measure ?? ''})`.trim();
  return { unit, min, max, direction, mostDemanding: demanding, highest: at(max), lowest: at(min), documents: byDoc.size, note };
}

/**
 * The spread of a matter some document states as a range (代表小组召集人一至三名 against 一至二名): each
 * document's lowest and highest ends on the row's scale, so two different ranges that start alike are not
 * "everywhere" the same.
 */
function rangeSpread(cells: MatterCell[], docs: CompareInput[], unit: string, valueOf: (c: MatterCell) => number | null): MatterRow['spread'] {
  const ends = new Map<string, [number, number]>();
  for (const c of cells) {
    // the lower end on the scale the row's unit names (days, or the one time unit all its cells share)
    const lo = valueOf(c);
    if (lo === null) continue;
    const k = c.canonical;
    // the upper end on the same scale as the lower: the two ends keep their ratio
    const hi = c.comparator === 'range' && !isRate(c) && k?.min && k.max !== null ? Math.round(lo * (k.max / k.min) * 100) / 100 : lo;
    const was = ends.get(c.document);
    ends.set(c.document, was ? [Math.min(was[0], lo), Math.max(was[1], hi)] : [lo, hi]);
  }
  const per = [...ends.entries()];
  const min = Math.min(...per.map((p) => p[1][0]));
  const max = Math.max(...per.map((p) => p[1][1]));
  const label = (id: string) => labelOf(docs, id);
  const span = ([lo, hi]: [number, number]) => (lo === hi ? `${lo}` : `${lo}–${hi}`);
  const same = per.every((p) => p[1][0] === per[0]![1][0] && p[1][1] === per[0]![1][1]);
  const note = same ? `${span(per[0]![1])} ${unit} everywhere` : `${span([min, max])} ${unit}: ${per.map(([id, e]) => `${label(id)} ${span(e)}`).join(', ')}`;
  return {
    unit, min, max, direction: 'neutral', mostDemanding: null,
    highest: per.filter((p) => p[1][1] === max).map((p) => p[0]), lowest: per.filter((p) => p[1][0] === min).map((p) => p[0]),
    documents: per.length, note,
  };
}

/**
 * Rows that are matters: each obligation gets the first matter of the lexicon whose cues it meets; the rest
 * are grouped across documents by the similarity of their frames (same measure and unit family, TF-IDF
 * cosine of their sentences), at most one rule per document in a group. A matter that some document splits
 * by level (乡镇 vs 县级以上) gets one row per scope.
 */
export function alignMatters(rules: Rules, docs: CompareInput[], opts: { matters?: string[]; threshold?: number } = {}): MatterRow[] {
  const items: Item[] = [];
  docs.forEach((d, doc) => {
    for (const o of d.analysis.doc.obligations) {
      if (o.duplicate || restatedInCondition(o)) continue;
      const measure = o.quantity?.measure ?? 'frequency-only';
      const { text: window, continued } = windowOf(d, o);
      const scope = rules.matters.scopes.find((s) => s.words.some((w) => window.includes(w)))?.id ?? null;
      // (…一般每年不少于十五天；县、乡两级人民代表大会代表一般每年不少于十天: a sentence after a semicolon that names no
      // matter of its own goes on with the one before, though that one holds a number)
      const matter = o.quantity ? matchMatter(rules, measure, window) ?? (continued ? matchMatter(rules, measure, continued) : null) : null;
      items.push({ doc, o, measure, family: familyOf(o), window, tokens: tokensOf(rules, d, o), scope, counted: countedOf(rules, d, o), matter });
    }
  });
  const groups = new Map<string, Group>();
  const join = (it: Item, matter: Matter) => {
    // one matter, one scale: 三个以上代表团 and 十分之一以上的代表 are two rows of 调查委员会
    const key = `${matter.id}|${it.family}`;
    const g = groups.get(key) ?? { key: matter.id, items: [], matter, reasons: [`lexicon: ${matter.id}`], docs: new Set<number>() };
    g.items.push(it);
    g.docs.add(it.doc);
    groups.set(key, g);
  };
  for (const it of items) {
    if (!it.matter) continue;
    join(it, it.matter);
    for (const m of alsoMatters(rules, it.matter, it.measure, it.window)) join(it, m);
  }
  const threshold = opts.threshold ?? 0.55;
  const all = tfidf(items.map((it) => it.tokens));
  const vecOf = new Map(items.map((it, i) => [it, all[i]!]));
  const compatible = (a: Item, b: Item) => a.doc !== b.doc && a.measure === b.measure && a.family === b.family && a.scope === b.scope &&
    !(a.counted && b.counted && a.counted !== b.counted);
  // candidates come from an index probed by each rule's rarest words, so no pair of rules is scanned that
  // could not reach the threshold (exact, and linear in practice where all pairs were quadratic)
  const groupList = [...groups.values()];
  // rules with the same words have the same vector: a group indexes each once (a thousand copies of the
  // national law's sentence are one candidate, not a thousand)
  const bagKey = (it: Item) => it.tokens.join('\u0001');
  const members: { item: Item; gi: number }[] = [];
  const memberKeys = new Set<string>();
  const joined = new PrefixIndex();
  const addMember = (item: Item, gi: number) => {
    const key = `${gi}\u0002${bagKey(item)}`;
    if (memberKeys.has(key)) return;
    memberKeys.add(key);
    joined.add(vecOf.get(item)!, members.length);
    members.push({ item, gi });
  };
  groupList.forEach((g, gi) => { for (const m of g.items) addMember(m, gi); });
  // a rule whose sentence misses the matter's cue words joins the matter its frame is most like, once per document
  for (const it of items) {
    if (it.matter || !it.o.quantity) continue;
    const v = vecOf.get(it)!;
    const bestOf = new Map<number, number>();
    for (const k of joined.candidates(v, threshold)) {
      const { item: m, gi } = members[k]!;
      const g = groupList[gi]!;
      if (g.docs.has(it.doc) || !compatible(g.items[0]!, it)) continue;
      const sim = cosine(vecOf.get(m)!, v);
      if (sim > (bestOf.get(gi) ?? -1)) bestOf.set(gi, sim);
    }
    // the most similar group; among equals, the first listed
    let bestGi = -1;
    let bestSim = -1;
    for (const [gi, sim] of [...bestOf].sort((x, y) => x[0] - y[0])) if (sim >= threshold && sim > bestSim) { bestGi = gi; bestSim = sim; }
    if (bestGi >= 0) {
      const best = groupList[bestGi]!;
      best.items.push(it);
      best.docs.add(it.doc);
      addMember(it, bestGi);
      it.matter = best.matter;
      if (!best.reasons.some((r) => r.startsWith('joined by similarity'))) best.reasons.push(`joined by similarity: same measure and unit family, sentence cosine ≥ ${threshold}`);
    }
  }
  // the rest: greedy single-link over cross-document pairs of the same measure and unit family
  const rest = items.filter((it) => !it.matter);
  const vecs = rest.map((it) => vecOf.get(it)!);
  const pairs: { i: number; j: number; sim: number }[] = [];
  // distinct bags of words, each indexed once, with the rules that have it in ascending order
  const bagOf = new Map<string, number>();
  const bagRules: number[][] = [];
  const bagOfRule: number[] = [];
  const index = new PrefixIndex();
  rest.forEach((it, i) => {
    const key = bagKey(it);
    let b = bagOf.get(key);
    if (b === undefined) { b = bagRules.length; bagOf.set(key, b); bagRules.push([]); index.add(vecs[i]!, b); }
    bagRules[b]!.push(i);
    bagOfRule.push(b);
  });
  // in a large comparison each rule keeps its best few links: enough to chain a thousand copies into one row
  const cap = docs.length > DENSE_MAX ? 24 : Infinity;
  const simsOf = new Map<number, { b: number; sim: number }[]>();
  for (let i = 0; i < rest.length; i++) {
    const own = bagOfRule[i]!;
    let near = simsOf.get(own);
    if (!near) {
      near = [];
      for (const b of index.candidates(vecs[i]!, threshold)) {
        const sim = cosine(vecs[i]!, vecs[bagRules[b]![0]!]!);
        if (sim >= threshold) near.push({ b, sim });
      }
      near.sort((x, y) => y.sim - x.sim || x.b - y.b);
      simsOf.set(own, near);
    }
    let taken = 0;
    for (const { b, sim } of near) {
      for (const j of bagRules[b]!) {
        if (taken >= cap) break;
        if (j <= i || !compatible(rest[i]!, rest[j]!)) continue;
        pairs.push({ i, j, sim });
        taken++;
      }
      if (taken >= cap) break;
    }
  }
  pairs.sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);
  const parent = rest.map((_, i) => i);
  const docsOf = rest.map((it) => new Set([it.doc]));
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]!]!; x = parent[x]!; } return x; };
  for (const p of pairs) {
    const a = find(p.i), b = find(p.j);
    if (a === b) continue;
    const [small, large] = docsOf[a]!.size <= docsOf[b]!.size ? [docsOf[a]!, docsOf[b]!] : [docsOf[b]!, docsOf[a]!];
    if ([...small].some((d) => large.has(d))) continue;
    parent[b] = a;
    for (const d of docsOf[b]!) docsOf[a]!.add(d);
  }
  const clusters = new Map<number, Item[]>();
  rest.forEach((it, i) => { const r = find(i); const list = clusters.get(r); if (list) list.push(it); else clusters.set(r, [it]); });
  for (const [root, members] of clusters) {
    const docsIn = new Set(members.map((m) => m.doc));
    groups.set(`similar-${root}`, { key: `similar-${root}`, items: members, matter: null, docs: docsIn, reasons: docsIn.size > 1 ? [`similar frames: same measure (${members[0]!.measure}) and unit family, sentence cosine ≥ ${threshold}`] : ['one document only'] });
  }
  const rows: MatterRow[] = [];
  for (const g of groups.values()) {
    // a matter some document states twice by level becomes one row per scope
    const perDoc = new Map<number, Set<string | null>>();
    for (const it of g.items) perDoc.set(it.doc, (perDoc.get(it.doc) ?? new Set()).add(it.scope));
    const split = [...perDoc.values()].some((s) => s.size > 1);
    const byScope = new Map<string | null, Item[]>();
    for (const it of g.items) { const k = split ? it.scope : null; const list = byScope.get(k); if (list) list.push(it); else byScope.set(k, [it]); }
    for (const [scope, members] of byScope) rows.push(rowOf(rules, docs, g.key, g.matter, scope, members, split ? [...g.reasons, `split by scope: ${scope ?? 'other levels'}`] : g.reasons));
  }
  // a matter on two scales (人 and 个) is two rows: say which is which
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.label, (seen.get(r.label) ?? 0) + 1);
  for (const r of rows) {
    if (seen.get(r.label)! < 2) continue;
    const unit = Object.values(r.cells).flat().find((c) => c.unit !== null)?.unit;
    if (unit !== undefined) r.label += `（${unit || '比例'}）`;
  }
  const order = new Map(rules.matters.matters.map((m, i) => [m.id, i]));
  rows.sort((a, b) => (order.get(a.matter) ?? 1e6) - (order.get(b.matter) ?? 1e6) || b.documents - a.documents || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return opts.matters ? rows.filter((r) => opts.matters!.includes(r.matter)) : rows;
}

function rowOf(rules: Rules, docs: CompareInput[], key: string, matter: Matter | null, scope: string | null, members: Item[], reasons: string[]): MatterRow {
  // only the documents that state the matter: a row of a thousand-document comparison is not a thousand empty cells
  const cells: MatterRow['cells'] = {};
  for (const it of members.sort((a, b) => a.doc - b.doc || a.o.span[0] - b.o.span[0])) (cells[docs[it.doc]!.info.id] ??= []).push(cellOf(it.o, docs[it.doc]!));
  const measure = members[0]!.o.quantity?.measure ?? null;
  const direction = matter?.direction ?? DIRECTION[measure ?? 'other'] ?? 'neutral';
  const scopeLabel = scope ? rules.matters.scopes.find((s) => s.id === scope)?.label ?? scope : null;
  // a row nobody listed is named by its most central clause: the one most like the others
  const label = matter ? matter.label : centralClause(rules, members);
  return {
    matter: key + (scope ? `@${scope}` : ''),
    label: scopeLabel ? `${label}（${scopeLabel}）` : label,
    topic: matter?.topic ?? members[0]!.o.topic,
    measure, scope, reasons,
    documents: new Set(members.map((m) => m.doc)).size,
    cells,
    spread: spreadOf(rules, Object.values(cells).flat(), docs, measure, direction),
  };
}

/** A clause as a row label: without its article label and closing punctuation. */
const clauseLabel = (rules: Rules, t: string) => t.replace(/\s+/g, '').replace(pattern(rules, 'structure/article-label'), '').replace(pattern(rules, 'structure/item-label'), '')
  .replace(pattern(rules, 'obligation/trailing-punctuation'), '').slice(0, 40);

function centralClause(rules: Rules, members: Item[]): string {
  if (members.length === 1) return clauseLabel(rules, members[0]!.o.text);
  // Σⱼ cos(i, j) over normalised vectors is vᵢ · Σⱼ vⱼ: one pass, not all pairs
  const vecs = tfidf(members.map((m) => m.tokens));
  const sum = sumOf(vecs);
  let best = 0, bestScore = -Infinity;
  vecs.forEach((v, i) => {
    const s = dotDense(v, sum) - cosine(v, v);
    if (s > bestScore + 1e-12) { bestScore = s; best = i; }
  });
  return clauseLabel(rules, members[best]!.o.text);
}
