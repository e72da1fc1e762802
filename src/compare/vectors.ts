/**
 * Sparse TF-IDF vectors, L2-normalised so that cosine is a dot product. Term ids are given in order of
 * rising document frequency, so a vector's ids, sorted, put its rarest terms first: the order prefix
 * filtering needs (see `PrefixIndex`).
 */
export interface Vec { ids: Int32Array; w: Float64Array }

/** TF-IDF vectors of bags of terms (sublinear tf, smoothed idf). A term is any string or number key. */
export function tfidf<K>(bags: K[][]): Vec[] {
  const counts = bags.map((b) => {
    const tf = new Map<K, number>();
    for (const w of b) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  return tfidfOf(counts.length, (i) => counts[i]!);
}

/**
 * TF-IDF vectors of `n` bags whose counts `countsOf` computes, twice (once for document frequencies, once
 * for the vectors), so that the counts of a hundred thousand articles are never all held at once.
 */
export function tfidfOf<K>(n: number, countsOf: (i: number) => Map<K, number>): Vec[] {
  const df = new Map<K, number>();
  for (let i = 0; i < n; i++) for (const w of countsOf(i).keys()) df.set(w, (df.get(w) ?? 0) + 1);
  // rarest first; among equally rare terms, first seen first, so ids never depend on Map hashing
  const order = [...df.keys()].map((k, i) => [k, i] as const).sort((a, b) => df.get(a[0])! - df.get(b[0])! || a[1] - b[1]);
  const id = new Map<K, number>(order.map(([k], i) => [k, i]));
  const out: Vec[] = [];
  for (let i = 0; i < n; i++) {
    const c = countsOf(i);
    const ids = new Int32Array(c.size);
    const ws = new Float64Array(c.size);
    let k = 0;
    let norm = 0;
    for (const [w, t] of c) {
      const x = (1 + Math.log(t)) * (Math.log((1 + n) / (1 + df.get(w)!)) + 1);
      ids[k] = id.get(w)!;
      ws[k++] = x;
      norm += x * x;
    }
    const perm = Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]!);
    const len = Math.sqrt(norm) || 1;
    out.push({ ids: Int32Array.from(perm, (p) => ids[p]!), w: Float64Array.from(perm, (p) => ws[p]! / len) });
  }
  return out;
}

/** Cosine of two normalised vectors: their dot product, by a merge of the sorted ids. */
export function cosine(a: Vec, b: Vec): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  const ai = a.ids, bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!, y = bi[j]!;
    if (x === y) { dot += a.w[i++]! * b.w[j++]!; } else if (x < y) i++; else j++;
  }
  return Math.min(1, dot);
}

/** The sum of vectors, as a dense array over term ids (for centroid scores: Σⱼ cos(i, j) = vᵢ · Σⱼ vⱼ). */
export function sumOf(vecs: Vec[]): Float64Array {
  let max = -1;
  for (const v of vecs) if (v.ids.length) max = Math.max(max, v.ids[v.ids.length - 1]!);
  const s = new Float64Array(max + 1);
  for (const v of vecs) for (let k = 0; k < v.ids.length; k++) s[v.ids[k]!] += v.w[k]!;
  return s;
}

export function dotDense(v: Vec, dense: Float64Array): number {
  let d = 0;
  for (let k = 0; k < v.ids.length; k++) d += v.w[k]! * (dense[v.ids[k]!] ?? 0);
  return d;
}

/**
 * How many of a vector's leading (rarest) terms another vector must share for the two to reach `threshold`:
 * once the remaining terms' norm is below the threshold, their dot product alone cannot reach it.
 */
function prefixLength(v: Vec, threshold: number): number {
  let rest = 0;
  for (let k = 0; k < v.w.length; k++) rest += v.w[k]! * v.w[k]!;
  let k = 0;
  // the margin keeps a pair whose rounding error would put it a hair below the threshold
  while (k < v.w.length && Math.sqrt(Math.max(0, rest)) >= threshold - 1e-9) { rest -= v.w[k]! * v.w[k]!; k++; }
  return k;
}

/**
 * An inverted index for exact threshold search: every indexed vector is listed under all its terms, and a
 * query probes only its prefix (prefixLength), so common terms never produce candidates on their own.
 */
export class PrefixIndex {
  private readonly postings = new Map<number, number[]>();

  add(v: Vec, key: number): void {
    for (let k = 0; k < v.ids.length; k++) {
      const p = this.postings.get(v.ids[k]!);
      if (p) p.push(key); else this.postings.set(v.ids[k]!, [key]);
    }
  }

  /** Keys of indexed vectors that may reach `threshold` with `v`, each once, in ascending order. */
  candidates(v: Vec, threshold: number): number[] {
    const seen = new Set<number>();
    const n = prefixLength(v, threshold);
    for (let k = 0; k < n; k++) for (const key of this.postings.get(v.ids[k]!) ?? []) seen.add(key);
    return [...seen].sort((a, b) => a - b);
  }
}
