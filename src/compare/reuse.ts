import { overlaps } from '../core/span.js';
import type { Reuse } from '../schema/compare.js';
import type { CompareInput } from './types.js';
import { memo } from '../core/memo.js';

const K = 3;
const MAX_GAP = 4;
const MIN_LEN = 10;
const MAX_OCCURRENCES = 8;

/** A document reduced to its letters (CJK, digits, Latin), each mapped back to a normalised offset. */
interface Compact { s: string; at: Int32Array }

const isLetter = (c: number) => (c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

function compact(d: CompareInput): Compact {
  const norm = d.analysis.ctx.norm;
  const skip = d.analysis.skip;
  const codes = new Uint16Array(norm.length);
  const at = new Int32Array(norm.length);
  let n = 0;
  let k = 0;
  for (let i = 0; i < norm.length; i++) {
    while (k < skip.length && skip[k]![1] <= i) k++;
    if (k < skip.length && skip[k]![0] <= i) {
      // a boilerplate break: passages never cross it
      if (n === 0 || codes[n - 1] !== 0) { codes[n] = 0; at[n++] = i; }
      continue;
    }
    const c = norm.charCodeAt(i);
    if (isLetter(c)) { codes[n] = c; at[n++] = i; }
  }
  return { s: new TextDecoder('utf-16le').decode(codes.subarray(0, n)), at: at.slice(0, n) };
}

/** A document's trigrams, sorted by trigram then position: three UTF-16 code units packed in one number. */
interface Grams { keys: Float64Array; pos: Int32Array }

function grams(c: Compact): Grams {
  const s = c.s;
  const idx: number[] = [];
  const key = new Float64Array(Math.max(0, s.length - K + 1));
  for (let i = 0; i + K <= s.length; i++) {
    const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), d = s.charCodeAt(i + 2);
    if (a === 0 || b === 0 || d === 0) continue;
    key[i] = a * 4294967296 + b * 65536 + d;
    idx.push(i);
  }
  idx.sort((x, y) => key[x]! - key[y]! || x - y);
  return { keys: Float64Array.from(idx, (i) => key[i]!), pos: Int32Array.from(idx) };
}

// a seed (i, j) is packed as i · 2²⁶ + j in one float: sorting a Float64Array needs no comparator and no tuples
const SHIFT = 2 ** 26;

/** Position pairs of the trigrams two documents share, each trigram at most MAX_OCCURRENCES times in each, sorted. */
// one buffer for the seeds of every pair, grown when needed: thousands of pairs allocate nothing
let scratch = new Float64Array(1 << 16);

function sharedSeeds(A: Grams, B: Grams): Float64Array {
  let seeds = scratch;
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < A.keys.length && j < B.keys.length) {
    const x = A.keys[i]!, y = B.keys[j]!;
    if (x < y) { i++; continue; }
    if (y < x) { j++; continue; }
    let i1 = i; while (i1 < A.keys.length && A.keys[i1] === x) i1++;
    let j1 = j; while (j1 < B.keys.length && B.keys[j1] === x) j1++;
    if (i1 - i <= MAX_OCCURRENCES && j1 - j <= MAX_OCCURRENCES) {
      for (let p = i; p < i1; p++) {
        for (let q = j; q < j1; q++) {
          if (n === seeds.length) { const grown = new Float64Array(seeds.length * 2); grown.set(seeds); seeds = scratch = grown; }
          seeds[n++] = A.pos[p]! * SHIFT + B.pos[q]!;
        }
      }
    }
    i = i1;
    j = j1;
  }
  return seeds.subarray(0, n).sort();
}

/**
 * How many documents contain each passage, in one pass over the corpus: each passage is looked up by its
 * first ANCHOR letters at every position of every document, never searched for document by document.
 */
function documentCounts(cs: Compact[], texts: Set<string>): Map<string, number> {
  const ANCHOR = 8;
  // an anchor is its 8 code units hashed to a number, rolled along each document: no string per position
  const hashOf = (s: string, i: number) => {
    let h = 0;
    for (let k = 0; k < ANCHOR; k++) h = (Math.imul(h, 31) + s.charCodeAt(i + k)) | 0;
    return h;
  };
  const POW = Array.from({ length: ANCHOR - 1 }, () => 0).reduce((p) => Math.imul(p, 31), 1);
  const byAnchor = new Map<number, string[]>();
  for (const t of texts) { const h = hashOf(t, 0); const list = byAnchor.get(h); if (list) list.push(t); else byAnchor.set(h, [t]); }
  const count = new Map<string, number>();
  const lastDoc = new Map<string, number>();
  cs.forEach((c, d) => {
    const s = c.s;
    if (s.length < ANCHOR) return;
    let h = hashOf(s, 0);
    for (let i = 0; ; i++) {
      const list = byAnchor.get(h);
      if (list) {
        for (const t of list) {
          if (lastDoc.get(t) === d || !s.startsWith(t, i)) continue;
          lastDoc.set(t, d);
          count.set(t, (count.get(t) ?? 0) + 1);
        }
      }
      if (i + ANCHOR >= s.length) break;
      h = (Math.imul(h - Math.imul(POW, s.charCodeAt(i)), 31) + s.charCodeAt(i + ANCHOR)) | 0;
    }
  });
  return count;
}

type Found = Omit<Reuse, 'kind' | 'documentsWith' | 'formula'> & { textA: string; textB: string };

/**
 * Passages two documents share: common character trigrams, chained when they follow each other in both
 * texts with small gaps (so 既重结果、也重过程 and 既要重结果、也要重过程 are one passage), kept when at least
 * MIN_LEN characters long in both. A passage is formulaic when it is in a known formula or in at least half
 * of the corpus (three documents or more, fifty at most); otherwise it is distinctive, a sign of real borrowing.
 */
export function findReuse(docs: CompareInput[], formulae: string[], pairs: [number, number][]): Reuse[] {
  const cs = docs.map(compact);
  const gs = cs.map(grams);
  const formulaCompact = formulae.map((f) => ({ f, c: f.replace(/[^\u4e00-\u9fa5\dA-Za-z]/gu, '') }));
  // half the corpus, and never more than fifty documents: a passage fifty documents share is a template
  const threshold = Math.max(3, Math.ceil(Math.min(docs.length, 100) / 2));
  const found: Found[] = [];
  let used = new Uint8Array(1 << 16);
  for (const [a, b] of pairs) {
    const A = cs[a]!;
    const B = cs[b]!;
    const seeds = sharedSeeds(gs[a]!, gs[b]!);
    if (used.length < seeds.length) used = new Uint8Array(seeds.length * 2);
    used.fill(0, 0, seeds.length);
    const pair: Found[] = [];
    for (let s0 = 0; s0 < seeds.length; s0++) {
      if (used[s0]) continue;
      let ai = Math.floor(seeds[s0]! / SHIFT);
      let bj = seeds[s0]! - ai * SHIFT;
      const start: [number, number] = [ai, bj];
      let end: [number, number] = [ai + K, bj + K];
      let seedCount = 1;
      used[s0] = 1;
      for (let s1 = s0 + 1; s1 < seeds.length; s1++) {
        const i = Math.floor(seeds[s1]! / SHIFT);
        if (i > end[0] + MAX_GAP) break;
        const j = seeds[s1]! - i * SHIFT;
        if (used[s1] || i < start[0] || j < start[1]) continue;
        const ga = i - end[0];
        const gb = j - end[1];
        // the next seed continues this passage in both documents, overlapping or after a short edit
        if (ga <= MAX_GAP && gb <= MAX_GAP && i - ai >= 0 && j - bj >= 0 && (i - ai) - (j - bj) <= MAX_GAP && (j - bj) - (i - ai) <= MAX_GAP) {
          end = [Math.max(end[0], i + K), Math.max(end[1], j + K)];
          ai = i;
          bj = j;
          seedCount++;
          used[s1] = 1;
        }
      }
      const lenA = end[0] - start[0];
      const lenB = end[1] - start[1];
      if (lenA < MIN_LEN || lenB < MIN_LEN || seedCount < 3) continue;
      const ctxA = docs[a]!.analysis.ctx;
      const ctxB = docs[b]!.analysis.ctx;
      const aSpan = ctxA.map.toSource([A.at[start[0]]!, A.at[end[0] - 1]! + 1]);
      const bSpan = ctxB.map.toSource([B.at[start[1]]!, B.at[end[1] - 1]! + 1]);
      pair.push({
        a: docs[a]!.info.id, b: docs[b]!.info.id, aSpan, bSpan,
        aText: ctxA.text.slice(aSpan[0], aSpan[1]), bText: ctxB.text.slice(bSpan[0], bSpan[1]),
        length: Math.min(lenA, lenB), exact: false,
        textA: A.s.slice(start[0], end[0]), textB: B.s.slice(start[1], end[1]),
      });
    }
    // a passage repeated inside a document pairs with every copy in the other: keep the longest, once per side
    pair.sort((x, y) => y.length - x.length || x.aSpan[0] - y.aSpan[0] || x.bSpan[0] - y.bSpan[0]);
    const keptA: [number, number][] = [];
    const keptB: [number, number][] = [];
    for (const r of pair) {
      if (keptA.some((k) => overlaps(k, r.aSpan)) || keptB.some((k) => overlaps(k, r.bSpan))) continue;
      keptA.push(r.aSpan);
      keptB.push(r.bSpan);
      found.push(r);
    }
  }
  const counts = documentCounts(cs, new Set(found.flatMap((r) => [r.textA, r.textB])));
  const formulaCache = new Map<string, (typeof formulaCompact)[number] | null>();
  const formulaOf = (t: string) => memo(formulaCache, t, () =>
    formulaCompact.find((x) => x.c.includes(t) || t.includes(x.c) || (x.c.length >= MIN_LEN && shareGram(x.c, t) && longestCommon(x.c, t) >= Math.min(12, x.c.length))) ?? null);
  // each found passage is replaced by its record in place: the two never all live at once
  const out = found as unknown as Reuse[];
  for (let i = 0; i < found.length; i++) {
    const { textA, textB, ...r } = found[i]!;
    const documentsWith = Math.max(counts.get(textA) ?? 0, counts.get(textB) ?? 0);
    const formula = formulaOf(textA);
    out[i] = { ...r, exact: textA === textB, kind: formula || documentsWith >= threshold ? 'formulaic' : 'distinctive', documentsWith, formula: formula ? formula.f : null };
  }
  return out.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : x.aSpan[0] - y.aSpan[0]));
}

/** Whether two strings share any 4-character run: a cheap test before the quadratic one. */
function shareGram(a: string, b: string): boolean {
  for (let i = 0; i + 4 <= b.length; i++) if (a.includes(b.slice(i, i + 4))) return true;
  return false;
}

function longestCommon(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diag = tmp;
    }
  }
  return best;
}
