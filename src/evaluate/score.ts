import { overlaps } from '../core/span.js';
import { articlesOf } from '../structure/index.js';
import { z } from 'zod';
import type { ZhiduDocument } from '../schema/document.js';

/** The gold format of shared/gold (see corpora/renda/gold/README.md). */
export const GoldSchema = z.object({
  doc: z.string(),
  meta: z.record(z.string(), z.unknown()).default({}),
  quantities: z.array(z.object({
    anchor: z.string(), nth: z.number().int().optional(), kind: z.enum(['obligation', 'statistic']),
    value: z.number().nullable().optional(), min: z.number().nullable().optional(), max: z.number().nullable().optional(),
    unit: z.string(), units: z.array(z.string()).optional(), cmp: z.string().optional(), approx: z.boolean().optional(),
    redacted: z.boolean().optional(), topic: z.string().optional(),
  }).passthrough()),
  namedNumbers: z.array(z.string()).default([]),
  ignore: z.array(z.string()).default([]),
});
export type Gold = z.infer<typeof GoldSchema>;

export interface DocScore {
  doc: string; gold: number; tp: number; fp: number; ignored: number; namedFound: number; namedGold: number; leaks: number;
  textOk: boolean; metaOk: string[]; metaWrong: string[]; misses: string[];
  kind: number; cmp: number; cmpN: number; approx: number; approxN: number; topic: number; topicN: number;
}

const T2S: Record<string, string> = { 項: '项', 條: '条', 個: '个', 場: '场', 戶: '户', 張: '张', 萬: '万', 億: '亿', 講: '讲', 處: '处', 間: '间', 臺: '台', 類: '类', 層: '层', 級: '级', 屆: '届', 筆: '笔', 節: '节', 種: '种', 門: '门', 點: '点', 隊: '队' };
const normUnit = (u: string | null | undefined) => [...(u ?? '').trim()].map((c) => T2S[c] ?? c).join('');
const occurrences = (text: string, anchor: string): [number, number][] => {
  const out: [number, number][] = [];
  for (let i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + 1)) out.push([i, i + anchor.length]);
  return out;
};
const overlapsAt = (a: [number, number] | undefined, b: [number, number] | undefined) => Boolean(a && b && overlaps(a, b));
const sameNum = (a: number | null, b: number | null) =>
  (a === null && b === null) || (a !== null && b !== null && Math.abs(a - b) <= (Number.isInteger(a) ? 1e-9 : 1e-3) * Math.max(1, Math.abs(a)));
const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));

interface Pred { kind: string; span: [number, number]; value: number | null; min: number | null; max: number | null; unit: string; cmp: string; approx: boolean; redacted: boolean; topic: string; raw: string }

function predictions(doc: ZhiduDocument): Pred[] {
  const out: Pred[] = [];
  for (const item of [...doc.obligations, ...doc.statistics]) {
    const q = item.quantity;
    if (!q || (q.value === null && !q.redacted && q.min === null && q.max === null)) continue;
    out.push({ kind: item.kind, span: q.span, value: q.value, min: q.min, max: q.max, unit: normUnit(q.unit), cmp: q.comparator, approx: q.approx, redacted: q.redacted, topic: item.topic, raw: q.raw });
  }
  return out;
}

/**
 * Score one extracted document against its gold, with the same matching rules as shared/tools/evaluate.mjs:
 * a prediction matches a gold quantity when its span overlaps the anchor's occurrence and its value
 * (or range, or redaction) and unit agree; unmatched predictions on `ignore` anchors are neither.
 */
export function scoreDocument(doc: ZhiduDocument, gold: Gold, sourceText: string): DocScore {
  const raw = sourceText.replace(/^\uFEFF/, '');
  const preds = predictions(doc);
  const used = new Set<number>();
  const s: DocScore = { doc: gold.doc, gold: gold.quantities.length, tp: 0, fp: 0, ignored: 0, namedFound: 0, namedGold: gold.namedNumbers.length, leaks: 0, textOk: doc.text === raw, metaOk: [], metaWrong: [], misses: [], kind: 0, cmp: 0, cmpN: 0, approx: 0, approxN: 0, topic: 0, topicN: 0 };
  for (const g of gold.quantities) {
    const where = occurrences(raw, g.anchor)[g.nth ?? 0];
    const units = (g.units ?? [g.unit]).map(normUnit);
    const idx = preds.findIndex((p, i) => {
      if (used.has(i) || !overlapsAt(p.span, where) || !units.includes(p.unit)) return false;
      if (g.redacted) return p.redacted;
      if (g.cmp === 'range') return sameNum(num(g.min), p.min) && sameNum(num(g.max), p.max);
      return !p.redacted && sameNum(num(g.value), p.value);
    });
    if (idx < 0) { s.misses.push(`missed  ${g.anchor} (${g.value ?? (g.redacted ? 'X' : `${g.min}-${g.max}`)} ${g.unit})`); continue; }
    used.add(idx);
    s.tp++;
    const p = preds[idx]!;
    if (p.kind === g.kind) s.kind++;
    s.cmpN++; if (p.cmp === (g.cmp ?? 'eq')) s.cmp++;
    s.approxN++; if (p.approx === Boolean(g.approx)) s.approx++;
    if (g.topic) { s.topicN++; if (p.topic === g.topic) s.topic++; }
  }
  const ignore = gold.ignore.flatMap((a) => occurrences(raw, a));
  const named = gold.namedNumbers.flatMap((a) => occurrences(raw, a));
  preds.forEach((p, i) => {
    if (used.has(i)) return;
    if (named.some((r) => overlaps(p.span, r))) { s.leaks++; s.fp++; s.misses.push(`slogan  ${p.raw}`); return; }
    if (ignore.some((r) => overlaps(p.span, r))) { s.ignored++; return; }
    s.fp++;
    s.misses.push(`extra   ${p.raw} -> ${p.value ?? (p.redacted ? 'X' : `${p.min}-${p.max}`)} ${p.unit}`);
  });
  s.namedFound = gold.namedNumbers.filter((a) => occurrences(raw, a).some((r) => doc.namedNumbers.some((n) => overlaps(n.span, r)))).length;
  const gm = gold.meta as Record<string, unknown>;
  const m = doc.meta as unknown as Record<string, unknown>;
  const check = (k: string, ok: boolean) => (ok ? s.metaOk : s.metaWrong).push(k);
  for (const k of ['title', 'docType', 'adoptedOn', 'publishedOn', 'effectiveOn']) if (gm[k] !== undefined && gm[k] !== null) check(k, String(m[k] ?? '').trim() === gm[k]);
  if (Array.isArray(gm.amendedOn) && gm.amendedOn.length) check('amendedOn', JSON.stringify([...doc.meta.amendedOn].sort()) === JSON.stringify([...(gm.amendedOn as string[])].sort()));
  if (gm.chapters !== undefined) check('chapters', doc.structure.filter((x) => x.type === 'section' && x.label.endsWith('章')).length === gm.chapters);
  const gp = gm.place as { name?: string } | undefined;
  if (gp?.name) check('place', doc.meta.place.name === gp.name);
  if (gm.sections !== undefined) check('sections', doc.structure.length === gm.sections);
  if (gm.articles !== undefined) check('articles', articlesOf(doc.structure).length === gm.articles);
  return s;
}

export interface Totals { P: number; R: number; F: number; tp: number; gold: number; pred: number; docs: DocScore[]; line: string; attributes: string }

export function summarise(docs: DocScore[], failed = 0): Totals {
  const sum = (f: (d: DocScore) => number) => docs.reduce((n, d) => n + f(d), 0);
  const tp = sum((d) => d.tp);
  const pred = sum((d) => d.tp + d.fp);
  const gold = sum((d) => d.gold);
  const P = pred ? tp / pred : 0;
  const R = gold ? tp / gold : 0;
  const F = P + R ? (2 * P * R) / (P + R) : 0;
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : '-');
  const meta = sum((d) => d.metaOk.length);
  const metaN = meta + sum((d) => d.metaWrong.length);
  const attributes = `attributes on matches: kind ${pct(sum((d) => d.kind), tp)}  comparator ${pct(sum((d) => d.cmp), sum((d) => d.cmpN))}  approx ${pct(sum((d) => d.approx), sum((d) => d.approxN))}  topic ${pct(sum((d) => d.topic), sum((d) => d.topicN))}  | slogans found ${pct(sum((d) => d.namedFound), sum((d) => d.namedGold))}  slogan leaks ${sum((d) => d.leaks)}  | meta ${pct(meta, metaN)}  text==source ${docs.filter((d) => d.textOk).length}/${docs.length + failed}  failed ${failed}`;
  return { P, R, F, tp, gold, pred, docs, attributes, line: `F1=${F.toFixed(3)} P=${P.toFixed(3)} R=${R.toFixed(3)} tp=${tp} gold=${gold} pred=${pred}` };
}
