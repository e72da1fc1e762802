/**
 * MinHash signatures and locality-sensitive hashing: candidate pairs of similar documents found through
 * shared signature bands, never by scanning all pairs. Hashes are fixed (no random seeds), so two runs on
 * the same corpus find the same candidates.
 */

const HASHES = 32;
const SEEDS = Int32Array.from({ length: HASHES }, (_, i) => fmix(0x9e3779b9 * (i + 1)));

/** MurmurHash3's finaliser: a cheap 32-bit mix with good avalanche. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** The shingles of a string of letters: every run of `k` code units, hashed to 32 bits, each once. */
export function shingles(s: string, k = 4): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + k <= s.length; i++) {
    let h = 0;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ s.charCodeAt(i + j), 0x01000193);
    out.add(h);
  }
  return out;
}

export function signature(set: Set<number>): Int32Array {
  const sig = new Int32Array(HASHES).fill(0x7fffffff);
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const v = fmix(x ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Documents that share a band of `rows` signature values with each document, with how many bands they share. */
function bandMatches(sigs: Int32Array[], rows: number, window: number): Map<number, number>[] {
  const bands = HASHES / rows;
  const out = sigs.map(() => new Map<number, number>());
  for (let b = 0; b < bands; b++) {
    const buckets = new Map<number, number[]>();
    sigs.forEach((sig, d) => {
      let h = b;
      for (let r = 0; r < rows; r++) h = fmix(h ^ sig[b * rows + r]!);
      const list = buckets.get(h);
      if (list) list.push(d); else buckets.set(h, [d]);
    });
    for (const list of buckets.values()) {
      if (list.length < 2) continue;
      // a huge bucket (hundreds of near-copies) links each document to the few after it around a ring, not to all
      const reach = list.length <= window + 1 ? list.length - 1 : Math.ceil(window / 2);
      // the ring is ordered anew in each band, so that different bands offer different neighbours
      if (reach < list.length - 1) list.sort((x, y) => fmix(x ^ SEEDS[b]!) - fmix(y ^ SEEDS[b]!) || x - y);
      const link = (d: number, e: number) => { out[d]!.set(e, (out[d]!.get(e) ?? 0) + 1); out[e]!.set(d, (out[e]!.get(d) ?? 0) + 1); };
      for (let i = 0; i < list.length; i++) {
        for (let step = 1; step <= reach; step++) {
          if (reach === list.length - 1 && i + step >= list.length) break;
          link(list[i]!, list[(i + step) % list.length]!);
        }
      }
    }
  }
  return out;
}

/**
 * For each document, up to `limit` other documents likely to be similar: those sharing the most bands of
 * four values (near-copies), then, while there are too few, those sharing bands of two (documents of the
 * same family), then single values (documents that share anything). A large bucket of near-copies is
 * linked around a ring rather than all with all.
 */
export function lshCandidates(sigs: Int32Array[], limit: number): number[][] {
  const levels: Map<number, number>[][] = [];
  const level = (k: number) => (levels[k] ??= bandMatches(sigs, [4, 2, 1][k]!, limit));
  const ranked = (m: Map<number, number>) => [...m].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([e]) => e);
  return sigs.map((_, d) => {
    const out: number[] = [];
    const have = new Set<number>();
    for (let k = 0; k < 3 && out.length < limit; k++) {
      for (const e of ranked(level(k)[d]!)) if (out.length < limit && !have.has(e)) { out.push(e); have.add(e); }
    }
    return out;
  });
}
