/** Sparse term vectors for similarity: a word → its weight. */
export type Vec = Map<string, number>;

/** TF-IDF vectors of bags of words (sublinear tf, smoothed idf). */
export function tfidf(bags: string[][]): Vec[] {
  const df = new Map<string, number>();
  for (const b of bags) for (const w of new Set(b)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = bags.length;
  return bags.map((b) => {
    const tf = new Map<string, number>();
    for (const w of b) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v: Vec = new Map();
    for (const [w, c] of tf) v.set(w, (1 + Math.log(c)) * (Math.log((1 + n) / (1 + df.get(w)!)) + 1));
    return v;
  });
}

export function cosine(a: Vec, b: Vec): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    const y = b.get(w);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
