import { articlesOf } from '../structure/index.js';
import type { Rules } from '../packs/index.js';
import type { ArticleMatch } from '../schema/compare.js';
import type { CompareInput } from './types.js';

import { cosine, tfidf } from './vectors.js';
import { mergeSpans } from '../core/span.js';

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/**
 * The words similarity reads, cheap and the same for every document: overlapping pairs of Chinese characters
 * of the body (boilerplate skipped), from a source span. Segmenting whole documents with jieba for this alone
 * would cost more than the rest of the pipeline; character pairs rank Chinese documents as well.
 */
function words(_rules: Rules, d: CompareInput, from = 0, to = Infinity): string[] {
  const ctx = d.analysis.ctx;
  const skip = mergeSpans(d.analysis.skip);
  const norm = ctx.norm;
  const a = from <= 0 ? 0 : ctx.map.fromSource([from, from])[0];
  const b = to === Infinity ? norm.length : ctx.map.fromSource([Math.min(to, ctx.text.length), Math.min(to, ctx.text.length)])[0];
  const out: string[] = [];
  let k = 0;
  for (let i = a; i + 1 < b; i++) {
    while (k < skip.length && skip[k]![1] <= i) k++;
    if (k < skip.length && skip[k]![0] <= i) { i = skip[k]![1] - 1; continue; }
    if (isHan(norm.charCodeAt(i)) && isHan(norm.charCodeAt(i + 1))) out.push(norm.slice(i, i + 2));
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Document × document TF-IDF cosine over jieba content words (boilerplate was never segmented). */
export function similarityMatrix(rules: Rules, docs: CompareInput[]): number[][] {
  const vecs = tfidf(docs.map((d) => words(rules, d)));
  return vecs.map((a, i) => vecs.map((b, j) => (i === j ? 1 : round(cosine(a, b)))));
}

/**
 * Which pairs of documents get the detailed comparisons (article alignment, text reuse): all pairs in a small
 * comparison; in a large one each document with its `neighbours` most similar documents, since the number of
 * pairs grows with the square of the corpus and the interesting reuse is between similar documents.
 */
export function comparePairs(matrix: number[][], neighbours: number, allUpTo = 12): [number, number][] {
  const n = matrix.length;
  const keep = new Set<string>();
  for (let i = 0; i < n; i++) {
    const order = matrix[i]!.map((v, j) => [v, j] as const).filter(([, j]) => j !== i).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
    const take = n <= allUpTo ? order : order.slice(0, neighbours);
    for (const [, j] of take) keep.add(i < j ? `${i},${j}` : `${j},${i}`);
  }
  return [...keep].map((k) => k.split(',').map(Number) as [number, number]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** For every article of A, the closest article of B (IDF over all articles of all documents); pairs A < B. */
export function alignArticles(rules: Rules, docs: CompareInput[], pairs: [number, number][], minScore = 0): ArticleMatch[] {
  const arts: { doc: number; path: string; heading: string; bag: string[] }[] = [];
  docs.forEach((d, di) => {
    for (const { path, article: a } of articlesOf(d.analysis.doc.structure)) arts.push({ doc: di, path, heading: a.heading, bag: words(rules, d, a.span[0], a.span[1]) });
  });
  const vecs = tfidf(arts.map((a) => a.bag));
  const byDoc = docs.map((_, di) => arts.map((a, k) => ({ a, k })).filter((x) => x.a.doc === di));
  const out: ArticleMatch[] = [];
  for (const [i, j] of pairs) {
    {
      const as = byDoc[i]!;
      const bs = byDoc[j]!;
      if (!as.length || !bs.length) continue;
      for (const x of as) {
        let best = -1;
        let bestK = -1;
        for (const y of bs) {
          const c = cosine(vecs[x.k]!, vecs[y.k]!);
          if (c > best) { best = c; bestK = y.k; }
        }
        if (best < minScore) continue;
        const b = arts[bestK]!;
        out.push({ a: docs[i]!.info.id, b: docs[j]!.info.id, aArticle: x.a.path, bArticle: b.path, aHeading: x.a.heading, bHeading: b.heading, score: round(best) });
      }
    }
  }
  return out;
}
