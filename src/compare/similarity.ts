import { articlesOf } from '../structure/index.js';
import type { ArticleMatch, Neighbour } from '../schema/compare.js';
import type { CompareInput } from './types.js';
import { lshCandidates, shingles, signature } from './minhash.js';
import { cosine, tfidfOf } from './vectors.js';
import { lowerBound, mergeSpans, type Span } from '../core/span.js';
import { memo } from '../core/memo.js';
import type { Analysis } from '../pipeline.js';

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

const skipCache = new WeakMap<Analysis, Span[]>();
/** A document's skipped spans (boilerplate), merged once: every article's bigrams read them again. */
const skipOf = (d: CompareInput) => memo(skipCache, d.analysis, () => mergeSpans(d.analysis.skip));

/** Above this many documents the dense matrix gives way to each document's nearest neighbours. */
export const DENSE_MAX = 200;

/**
 * The words similarity reads, cheap and the same for every document: overlapping pairs of Chinese characters
 * of the body (boilerplate skipped), counted, each pair packed in one number. Segmenting whole documents with
 * jieba for this alone would cost more than the rest of the pipeline; character pairs rank Chinese documents
 * as well.
 */
function bigrams(d: CompareInput, from = 0, to = Infinity): Map<number, number> {
  const ctx = d.analysis.ctx;
  const skip = skipOf(d);
  const norm = ctx.norm;
  const a = from <= 0 ? 0 : ctx.map.fromSource([from, from])[0];
  const b = to === Infinity ? norm.length : ctx.map.fromSource([Math.min(to, ctx.text.length), Math.min(to, ctx.text.length)])[0];
  const out = new Map<number, number>();
  // the first skipped span that ends after a: an article does not walk the spans before it
  let k = lowerBound(skip, a + 1, (x) => x[1]);
  for (let i = a; i + 1 < b; i++) {
    while (k < skip.length && skip[k]![1] <= i) k++;
    if (k < skip.length && skip[k]![0] <= i) { i = skip[k]![1] - 1; continue; }
    const x = norm.charCodeAt(i), y = norm.charCodeAt(i + 1);
    if (isHan(x) && isHan(y)) { const key = x * 65536 + y; out.set(key, (out.get(key) ?? 0) + 1); }
  }
  return out;
}

/** The Chinese letters of a document's body, for shingling. */
function hanOf(d: CompareInput): string {
  const norm = d.analysis.ctx.norm;
  const skip = skipOf(d);
  let out = '';
  let k = 0;
  let from = 0;
  for (let i = 0; i <= norm.length; i++) {
    while (k < skip.length && skip[k]![1] <= i) k++;
    const skipped = k < skip.length && skip[k]![0] <= i;
    if (i === norm.length || skipped || !isHan(norm.charCodeAt(i))) {
      if (i > from) out += norm.slice(from, i);
      from = i + 1;
    }
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export interface Similarity {
  /** the dense matrix, for at most DENSE_MAX documents; otherwise empty */
  matrix: number[][];
  /** each document's most similar others, best first */
  neighbours: Neighbour[];
}

/**
 * Document similarity: TF-IDF cosine over character pairs. Up to DENSE_MAX documents, every pair; beyond,
 * each document is scored only against the candidates MinHash/LSH finds for it, so time and memory grow
 * with the number of documents, not its square.
 */
export function documentSimilarity(docs: CompareInput[], k: number): Similarity {
  const vecs = tfidfOf(docs.length, (i) => bigrams(docs[i]!));
  const n = docs.length;
  // the k best of [document, score] pairs: highest score first, then lowest index
  const best = (scored: [number, number][]) => scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, k);
  const top = (i: number, others: Iterable<number>) => {
    const scored: [number, number][] = [];
    for (const j of others) if (j !== i) scored.push([j, round(cosine(vecs[i]!, vecs[j]!))]);
    return best(scored);
  };
  const neighbours: Neighbour[] = [];
  const push = (i: number, list: [number, number][]) => list.forEach(([j, score], rank) => neighbours.push({ a: docs[i]!.info.id, b: docs[j]!.info.id, rank: rank + 1, score }));
  if (n <= DENSE_MAX) {
    const matrix = vecs.map((a, i) => vecs.map((b, j) => (i === j ? 1 : round(cosine(a, b)))));
    for (let i = 0; i < n; i++) push(i, best(matrix[i]!.map((score, j) => [j, score] as [number, number]).filter(([j]) => j !== i)));
    return { matrix, neighbours };
  }
  const candidates = lshCandidates(docs.map((d) => signature(shingles(hanOf(d)))), Math.max(4 * k, 30));
  const everyone = [...Array(n).keys()];
  // a document LSH finds too few others for (one with hardly any Chinese text) is scored against all
  for (let i = 0; i < n; i++) push(i, top(i, candidates[i]!.length >= k ? candidates[i]! : everyone));
  return { matrix: [], neighbours };
}

/**
 * Which pairs of documents get the detailed comparisons (article alignment, text reuse): all pairs in a small
 * comparison; in a large one each document with its nearest neighbours, since the number of pairs grows with
 * the square of the corpus and the interesting reuse is between similar documents.
 */
export function comparePairs(docs: CompareInput[], sim: Similarity, allUpTo = 12): [number, number][] {
  const n = docs.length;
  if (n <= allUpTo) {
    const out: [number, number][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
    return out;
  }
  const index = new Map(docs.map((d, i) => [d.info.id, i]));
  const keep = new Set<number>();
  for (const nb of sim.neighbours) {
    const i = index.get(nb.a)!, j = index.get(nb.b)!;
    keep.add(Math.min(i, j) * n + Math.max(i, j));
  }
  return [...keep].sort((x, y) => x - y).map((key) => [Math.floor(key / n), key % n]);
}

/** For every article of A, the closest article of B (IDF over all articles of all documents); pairs A < B. */
export function alignArticles(docs: CompareInput[], pairs: [number, number][], minScore = 0): ArticleMatch[] {
  const arts: { doc: number; path: string; heading: string; span: [number, number] }[] = [];
  docs.forEach((d, di) => {
    for (const { path, article: a } of articlesOf(d.analysis.doc.structure)) arts.push({ doc: di, path, heading: a.heading, span: a.span });
  });
  const vecs = tfidfOf(arts.length, (k) => bigrams(docs[arts[k]!.doc]!, arts[k]!.span[0], arts[k]!.span[1]));
  const byDoc: number[][] = docs.map(() => []);
  arts.forEach((a, k) => byDoc[a.doc]!.push(k));
  const out: ArticleMatch[] = [];
  // pairs come sorted by their first document: its articles' postings are built once for all its pairs
  let postingsOf = -1;
  let postings = new Map<number, [number, number][]>();
  for (const [i, j] of pairs) {
    const as = byDoc[i]!;
    const bs = byDoc[j]!;
    if (!as.length || !bs.length) continue;
    if (postingsOf !== i) {
      postings = new Map();
      as.forEach((k, x) => { const v = vecs[k]!; for (let t = 0; t < v.ids.length; t++) { const p = postings.get(v.ids[t]!); if (p) p.push([x, v.w[t]!]); else postings.set(v.ids[t]!, [[x, v.w[t]!]]); } });
      postingsOf = i;
    }
    const scores = new Float64Array(as.length * bs.length);
    bs.forEach((k, y) => {
      const v = vecs[k]!;
      for (let t = 0; t < v.ids.length; t++) for (const [x, w] of postings.get(v.ids[t]!) ?? []) scores[x * bs.length + y] += w * v.w[t]!;
    });
    for (let x = 0; x < as.length; x++) {
      let best = -1;
      let bestY = -1;
      for (let y = 0; y < bs.length; y++) { const c = scores[x * bs.length + y]!; if (c > best) { best = c; bestY = y; } }
      if (best < minScore) continue;
      const a = arts[as[x]!]!, b = arts[bs[bestY]!]!;
      out.push({ a: docs[i]!.info.id, b: docs[j]!.info.id, aArticle: a.path, bArticle: b.path, aHeading: a.heading, bHeading: b.heading, score: round(Math.min(1, best)) });
    }
  }
  return out;
}

